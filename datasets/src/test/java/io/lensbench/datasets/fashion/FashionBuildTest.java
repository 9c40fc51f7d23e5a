package io.lensbench.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import io.lensbench.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the fashion benchmark from the default source twice (small query caps to stay fast) and
 * checks: byte-identical output, a strict load succeeds, no test item in train, every judged item
 * and every query's source item is a test item, an image query's own item is excluded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FashionBuildTest {
  static final String SOURCE = "fashion-kaggle-default";
  @TempDir static Path tmp;
  Path a;
  Path b;
  Dataset d;

  @BeforeAll
  void buildTwice() {
    Path src = GlossaryCoverageTest.TestData.source(SOURCE);
    Glossary g = Glossary.load();
    a = tmp.resolve("a");
    b = tmp.resolve("b");
    new FashionBuilder(new FashionBuilder.Options(SOURCE, src, a, 7, 12, 0.3, false, true), g, m -> { }).build();
    new FashionBuilder(new FashionBuilder.Options(SOURCE, src, b, 7, 12, 0.3, false, false), g, m -> { }).build();
    d = DatasetLoader.load(a);
  }

  @Test
  void twoBuildsAreByteIdentical() throws Exception {
    Map<String, String> fa = NativeLayout.fileChecksums(a);
    Map<String, String> fb = NativeLayout.fileChecksums(b);
    assertEquals(fa, fb);
    assertTrue(fa.keySet().stream().anyMatch(f -> f.startsWith("images/tables/")), fa::toString);
    assertEquals(Files.readString(a.resolve("dataset.json")), Files.readString(b.resolve("dataset.json")));
    assertEquals(d.checksum(), NativeLayout.combinedChecksum(fa));
  }

  @Test
  void everyQuerySetIsThereAndCapped() {
    assertEquals(List.of("image", "image-text-en", "image-text-ko", "image-text-ko-en", "table-image-en",
        "table-image-ko", "text-en", "text-ko", "text-ko-en"),
        d.querySets().stream().map(QuerySet::name).toList());
    for (QuerySet s : d.querySets()) {
      assertTrue(s.queries().size() > 0 && s.queries().size() <= 12, s.name() + ": " + s.queries().size());
    }
    assertEquals(1751, d.items().size());
  }

  @Test
  void noTestItemInTrainAndQueriesUseTestItemsOnly() {
    Map<String, Split> splits = d.splits();
    assertEquals(d.items().keySet(), splits.keySet());
    long test = splits.values().stream().filter(s -> s == Split.TEST).count();
    assertTrue(test > 400 && test < 650, "test items: " + test);
    assertEquals(test, d.searchableItems().size());
    assertEquals(d.items().size() - test, d.itemsIn(Split.TRAIN).size());
    Map<String, Map<Split, Integer>> perType = new HashMap<>();
    for (Item i : d.items().values()) {
      perType.computeIfAbsent(i.attribute("articleType"), k -> new HashMap<>())
          .merge(splits.get(i.id()), 1, Integer::sum);
    }
    // stratified: every article type with >= 2 items has items in both splits
    perType.forEach((t, m) -> {
      if (m.values().stream().mapToInt(Integer::intValue).sum() >= 2) {
        assertTrue(m.containsKey(Split.TEST) && m.containsKey(Split.TRAIN), t + " " + m);
      }
    });
    for (QuerySet s : d.querySets()) {
      for (Query q : s.queries()) {
        for (String doc : s.qrels().forQuery(q.id()).keySet()) {
          assertEquals(Split.TEST, splits.get(doc), s.name() + " " + q.id() + " judges train item " + doc);
        }
        String src = q.attributes().get("sourceItem");
        if (src != null) {
          assertEquals(Split.TEST, splits.get(src), q.id());
          assertEquals(Set.of(src), q.excludeIds(), q.id());
          assertFalse(s.qrels().forQuery(q.id()).containsKey(src), q.id());
        }
      }
    }
  }

  @Test
  void koreanQueriesShareIntentsAndQrels() {
    for (String kind : List.of("text", "table-image", "image-text")) {
      QuerySet en = d.querySet(kind + "-en");
      QuerySet ko = d.querySet(kind + "-ko");
      assertEquals(en.queries().size(), ko.queries().size(), kind);
      for (int i = 0; i < en.queries().size(); i++) {
        Query qe = en.queries().get(i);
        Query qk = ko.queries().get(i);
        assertEquals("ko", qk.language());
        assertEquals("glossary-ko", qk.attributes().get("derived"));
        assertEquals(en.qrels().forQuery(qe.id()), ko.qrels().forQuery(qk.id()), qe.id());
        if (qk.text() != null) {
          assertTrue(qk.text().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), qk.text());
        }
      }
    }
  }

  @Test
  void crossLingualSetsShareIntentsAndQrelsAndAreLabelled() throws Exception {
    for (String kind : List.of("text", "image-text")) {
      QuerySet en = d.querySet(kind + "-en");
      QuerySet ko = d.querySet(kind + "-ko");
      QuerySet x = d.querySet(kind + "-ko-en");
      assertEquals(en.queries().size(), x.queries().size(), kind);
      for (int i = 0; i < en.queries().size(); i++) {
        Query qx = x.queries().get(i);
        assertEquals("ko", qx.language());
        assertEquals("shopper-ko", qx.attributes().get("derived"));
        assertEquals("en", qx.attributes().get("corpusLanguage"));
        assertEquals(en.qrels().forQuery(en.queries().get(i).id()), x.qrels().forQuery(qx.id()));
        assertEquals(en.queries().get(i).image(), qx.image());
        assertTrue(qx.text().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), qx.text());
        if (en.queries().get(i).attributes().containsKey("baseColour")
            && !"type".equals(qx.attributes().get("granularity"))) {
          assertFalse(qx.text().equals(ko.queries().get(i).text()), "everyday Korean, not the glossary: "
              + qx.text());
        }
      }
    }
    String card = Files.readString(a.resolve("dataset.json"));
    assertTrue(card.contains(FashionCard.LABEL_CROSS_LINGUAL), "labelled in the card");
    assertTrue(card.contains(FashionCard.LABEL_GLOSSARY_KO), "labelled in the card");
  }

  @Test
  void gradesFollowTheDocumentedRules() {
    QuerySet text = d.querySet("text-en");
    for (Query q : text.queries()) {
      Map<String, Integer> j = text.qrels().forQuery(q.id());
      assertTrue(j.containsValue(2), q.id());
      for (Map.Entry<String, Integer> e : j.entrySet()) {
        Item it = d.items().get(e.getKey());
        assertEquals(q.attributes().get("articleType"), it.attribute("articleType"));
        if (q.attributes().get("granularity").equals("gender_colour_type") && e.getValue() == 2) {
          assertEquals(q.attributes().get("baseColour"), it.attribute("baseColour"), q.id() + " " + it.id());
        }
      }
    }
    QuerySet image = d.querySet("image");
    for (Query q : image.queries()) {
      assertEquals(QueryKind.IMAGE, q.kind());
      assertNotNull(q.image());
      assertTrue(Files.isRegularFile(q.image()));
      for (Map.Entry<String, Integer> e : image.qrels().forQuery(q.id()).entrySet()) {
        Item it = d.items().get(e.getKey());
        assertEquals(q.attributes().get("articleType"), it.attribute("articleType"));
        assertEquals(e.getValue() == 2, q.attributes().get("baseColour").equals(it.attribute("baseColour")),
            q.id() + " " + it.id());
      }
    }
    Item any = d.items().values().iterator().next();
    assertTrue(any.text("name", "ko").codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
    assertTrue(Files.isRegularFile(any.image()));
  }
}
