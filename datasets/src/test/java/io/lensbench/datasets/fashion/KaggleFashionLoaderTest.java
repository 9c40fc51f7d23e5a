package io.lensbench.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Problem;
import io.lensbench.datasets.Problems;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kaggle layout reader on a small broken source made in the test. */
class KaggleFashionLoaderTest {
  @TempDir Path tmp;

  @Test
  void reportsEachBrokenRowWithLineAndKeepsTheRest() throws Exception {
    Path src = tmp.resolve("fashion-mini");
    Files.createDirectories(src.resolve("images"));
    Files.createDirectories(src.resolve("images_224"));
    for (String id : List.of("1", "2", "4", "5")) {
      ImageIO.write(new BufferedImage(6, 8, BufferedImage.TYPE_INT_RGB), "jpg", src.resolve("images/" + id + ".jpg").toFile());
    }
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "jpg", src.resolve("images_224/1.jpg").toFile());
    Files.writeString(src.resolve("images/5.jpg"), "truncated");
    Files.writeString(src.resolve("items.csv"), String.join("\n",
        "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName,source",
        "1,Women,Accessories,Watches,Watches,Silver,Winter,2016,Casual,\"Titan Women Silver Watch, steel\",x",
        "2,Men,Footwear,Shoes,Casual Shoes,NA,Fall,2010,,Puma Men's Shoe,x",
        "3,Men,Apparel,Topwear,Tshirts,Red,Summer,2012,Casual,No image here,x",
        "2,Men,Apparel,Topwear,Tshirts,Red,Summer,2012,Casual,Duplicate,x",
        "4,Women,Apparel,Topwear,Tops,Blue,Summer,2012,Casual,   ,x",
        "5,Women,Apparel,Topwear,Tops,Blue,Summer,2012,Casual,Broken image,x") + "\n");
    Problems problems = new Problems();
    List<FashionItem> items = new KaggleFashionLoader(true).load(src, problems);
    assertEquals(List.of("1", "2"), items.stream().map(FashionItem::id).toList());
    assertEquals("Titan Women Silver Watch, steel", items.get(0).name());
    assertEquals("images_224/1.jpg", items.get(0).queryImage());
    assertNull(items.get(1).attr("baseColour"), "NA means no value");
    assertNull(items.get(1).attr("usage"), "blank means no value");
    assertEquals("images/2.jpg", items.get(1).queryImage());
    List<String> p = problems.list().stream().map(Problem::toString).toList();
    assertEquals(4, p.size(), p::toString);
    assertTrue(p.get(0).startsWith("fashion-mini/items.csv line 4: image file not found"), p::toString);
    assertTrue(p.get(1).startsWith("fashion-mini/items.csv line 5: duplicate item id '2' (first on line 3)"), p::toString);
    assertTrue(p.get(2).startsWith("fashion-mini/items.csv line 6: empty text: productDisplayName"), p::toString);
    assertTrue(p.get(3).startsWith("fashion-mini/items.csv line 7: image cannot be decoded"), p::toString);
  }

  @Test
  void aBadByteOrAnIdWithSpaceCostsOnlyItsRow() throws Exception {
    Path src = tmp.resolve("fashion-bytes");
    Files.createDirectories(src.resolve("images"));
    for (String id : List.of("1", "2", "3")) {
      ImageIO.write(new BufferedImage(6, 8, BufferedImage.TYPE_INT_RGB), "jpg", src.resolve("images/" + id + ".jpg").toFile());
    }
    String csv = String.join("\r\n",
        "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName",
        "1,Women,Accessories,Watches,Watches,Silver,Winter,2016,Casual,Silver Watch",
        "2,Men,Footwear,Shoes,Casual Shoes,Black,Fall,2010,Casual,Torn XShoe",
        "3 a,Men,Apparel,Topwear,Tshirts,Red,Summer,2012,Casual,Spaced id",
        "3,Men,Apparel,Topwear,Tshirts,Red,Summer,2012,Casual,Red Tshirt") + "\r\n";
    byte[] bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bytes[csv.indexOf("XShoe")] = (byte) 0xC3;
    Files.write(src.resolve("items.csv"), bytes);
    Problems problems = new Problems();
    List<FashionItem> items = new KaggleFashionLoader(true).load(src, problems);
    assertEquals(List.of("1", "3"), items.stream().map(FashionItem::id).toList());
    assertEquals("Red Tshirt", items.get(1).name(), "CRLF line ends read as before");
    List<String> p = problems.list().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "fashion-bytes/items.csv line 3: expected UTF-8 text, found bytes that are not UTF-8",
        "fashion-bytes/items.csv line 4: item id '3 a': expected no whitespace or control characters, "
            + "found whitespace or a control character (U+0020) at position 1"), p);
  }
}
