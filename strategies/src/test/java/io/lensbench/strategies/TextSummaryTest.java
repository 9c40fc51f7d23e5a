package io.lensbench.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lensbench.datasets.Item;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
  private static Map<String, String> attrs() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("gender", "Men");
    a.put("masterCategory", "Footwear");
    a.put("subCategory", "Shoes");
    a.put("articleType", "Casual Shoes");
    a.put("baseColour", "White");
    a.put("season", "Fall");
    a.put("year", "2010");
    a.put("usage", "Casual");
    return a;
  }

  @Test
  void rendersCatalogueRowAsSentences() {
    Item it = new Item("1546", Path.of("/x/1546.jpg"),
        Map.of("name_en", "Puma Men's Furore White Shoe"), attrs());
    assertEquals(
        "Puma Men's Furore White Shoe. A white casual shoes for men, for casual wear, "
            + "from the fall 2010 season, in footwear / shoes.",
        TextSummary.render(it));
  }

  @Test
  void prefersTheDatasetsOwnSummary() {
    Item it = new Item("1", null, Map.of("name_en", "N", "summary_en", "Given summary."), attrs());
    assertEquals("Given summary.", TextSummary.render(it));
  }

  @Test
  void missingAttributesAreLeftOut() {
    Item it = new Item("2", null, Map.of(), Map.of("productDisplayName", "Red Scarf", "baseColour", "Red"));
    assertEquals("Red Scarf. A red.", TextSummary.render(it));
  }
}
