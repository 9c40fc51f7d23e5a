package io.lensbench.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.stores.IndexSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing and configuration checks; these never call a model (encoders are not needed). */
class MultiVectorRoutesTest {
  private static MultiVectorStrategy strategy(Map<String, List<String>> routes, Map<String, Double> w) {
    return new MultiVectorStrategy("mv", null, null, Map.of(), null, new QueryText(null, null),
        FusionSpec.rrf(60), routes, w, 100, IndexSpec.flat());
  }

  private static Query q(QueryKind kind, String lang) {
    return new Query("q1", kind, lang, "red shirt", kind.hasImage() ? Path.of("/x.png") : null,
        Map.of(), Set.of());
  }

  @Test
  void eachKindAndLanguageGetsItsFields() {
    MultiVectorStrategy s = strategy(Map.of(), Map.of());
    assertEquals(List.of("image", "name", "summary", "caption", "text_en"), s.route(q(QueryKind.TEXT, "en")));
    assertEquals(List.of("text_ko"), s.route(q(QueryKind.TEXT, "ko")));
    assertEquals(List.of("image", "caption", "summary"), s.route(q(QueryKind.IMAGE, "none")));
    assertEquals(List.of("text_ko"), s.route(q(QueryKind.TABLE_IMAGE, "ko")));
    assertEquals(List.of("image", "text_ko"), s.route(q(QueryKind.IMAGE_TEXT, "ko")));
  }

  @Test
  void crossLingualKoreanQueriesSearchTheEnglishCatalogueOnly() {
    MultiVectorStrategy s = strategy(Map.of(), Map.of());
    Query text = new Query("q", QueryKind.TEXT, "ko", "남자 검정색 반팔티", null,
        Map.of("corpusLanguage", "en"), Set.of());
    assertEquals(List.of("image", "name", "summary", "caption"), s.route(text));
    Query composed = new Query("q", QueryKind.IMAGE_TEXT, "ko", "이거 파란색으로", Path.of("/x.png"),
        Map.of("corpusLanguage", "en"), Set.of());
    assertEquals(List.of("image", "caption"), s.route(composed));
    Query sameLanguage = new Query("q", QueryKind.TEXT, "en", "red shirt", null,
        Map.of("corpusLanguage", "en"), Set.of());
    assertEquals(List.of("image", "name", "summary", "caption", "text_en"), s.route(sameLanguage));
  }

  @Test
  void routesOverrideDefaults() {
    MultiVectorStrategy s = strategy(Map.of("text.ko", List.of("text_ko", "name")), Map.of());
    assertEquals(List.of("text_ko", "name"), s.route(q(QueryKind.TEXT, "ko")));
    assertEquals(List.of("image", "name", "summary", "caption", "text_en"), s.route(q(QueryKind.TEXT, "en")));
  }

  @Test
  void unknownFieldInRouteOrWeightIsRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> strategy(Map.of("text", List.of("colour")), Map.of()));
    assertTrue(e.getMessage().contains("route 'text' names unknown field 'colour'"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> strategy(Map.of(), Map.of("colour", 1.0)));
    assertTrue(e.getMessage().contains("weight for unknown field 'colour'"), e.getMessage());
  }

  @Test
  void koreanBm25TextJoinsEveryKoreanField() {
    Item it = new Item("1", null, Map.of("name_en", "Red Shirt", "name_ko", "빨간 셔츠", "summary_ko", "남성용"),
        Map.of());
    assertEquals("빨간 셔츠 남성용", MultiVectorStrategy.koreanText(it));
  }
}
