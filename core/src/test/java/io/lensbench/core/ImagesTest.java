package io.lensbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.testkit.PngBomb;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel cap holds before decoding; below it, the decode is ImageIO's own. */
class ImagesTest {
  @TempDir Path tmp;

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderNamingTheFile() throws Exception {
    Path bomb = PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    assertTrue(Files.size(bomb) < 4096, "a tiny file: " + Files.size(bomb));
    BadInputException e = assertThrows(BadInputException.class, () -> Images.read(bomb));
    assertTrue(e.getMessage().contains(bomb.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("30000 × 30000 = 900,000,000"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 40,000,000"), e.getMessage());
    BadInputException header = assertThrows(BadInputException.class, () -> Images.requireWithin(bomb));
    assertEquals(e.getMessage(), header.getMessage());
  }

  @Test
  void underTheCapTheImageIsExactlyWhatImageIoDecodes() throws Exception {
    BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 2, 0x123456);
    Path png = tmp.resolve("small.png");
    ImageIO.write(img, "png", png.toFile());
    BufferedImage ours = Images.read(png, 35);
    BufferedImage theirs = ImageIO.read(png.toFile());
    assertEquals(theirs.getType(), ours.getType());
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        assertEquals(theirs.getRGB(x, y), ours.getRGB(x, y));
      }
    }
    assertEquals(new Images.Size(7, 5), Images.requireWithin(png, 35));
    assertThrows(BadInputException.class, () -> Images.read(png, 34), "35 pixels over a cap of 34");
  }

  @Test
  void missingAndUndecodableFilesAreBadInputNamingThem() throws Exception {
    Path text = Files.writeString(tmp.resolve("x.png"), "not an image");
    assertTrue(assertThrows(BadInputException.class, () -> Images.read(text)).getMessage()
        .contains("image cannot be decoded"));
    Path none = tmp.resolve("none.png");
    assertTrue(assertThrows(BadInputException.class, () -> Images.read(none)).getMessage()
        .contains("image file not found: " + none));
  }
}
