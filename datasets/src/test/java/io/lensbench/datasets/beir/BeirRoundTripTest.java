package io.lensbench.datasets.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirRoundTripTest {
  @TempDir Path tmp;

  private Path writeBeir(Path dir, String qrelsTest) throws Exception {
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("corpus.jsonl"), String.join("\n",
        "{\"_id\":\"d1\",\"title\":\"Red shirt\",\"text\":\"A red cotton shirt for men.\",\"metadata\":{\"colour\":\"red\"}}",
        "{\"_id\":\"d2\",\"title\":\"\",\"text\":\"Blue jeans, slim fit — 청바지\"}",
        "{\"_id\":\"d3\",\"title\":\"Silver watch\",\"text\":\"Women's silver watch\"}") + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("queries.jsonl"), String.join("\n",
        "{\"_id\":\"q1\",\"text\":\"red shirt\"}",
        "{\"_id\":\"q2\",\"text\":\"women silver watch\"}",
        "{\"_id\":\"q3\",\"text\":\"jeans\"}") + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("qrels/test.tsv"), qrelsTest, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq3\td2\t1\n", StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void roundTripKeepsItemsQueriesAndQrels() throws Exception {
    Path a = writeBeir(tmp.resolve("a"), "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td3\t1\n");
    Dataset d1 = BeirLoader.load(a, "en");
    assertEquals(List.of("dev", "test"), d1.querySets().stream().map(QuerySet::name).toList());
    assertEquals(Map.of("title_en", "Red shirt", "text_en", "A red cotton shirt for men."), d1.items().get("d1").texts());
    assertEquals(Map.of("colour", "red"), d1.items().get("d1").attributes());
    assertEquals(Map.of("d1", 2, "d2", 0), d1.querySet("test").qrels().forQuery("q1"));

    Path b = tmp.resolve("b");
    BeirWriter.write(d1, "en", b);
    Dataset d2 = BeirLoader.load(b, "en");
    assertEquals(d1.items().keySet(), d2.items().keySet());
    for (Item i : d1.items().values()) {
      assertEquals(i.texts(), d2.items().get(i.id()).texts());
      assertEquals(i.attributes(), d2.items().get(i.id()).attributes());
    }
    for (QuerySet s : d1.querySets()) {
      QuerySet s2 = d2.querySet(s.name());
      assertEquals(s.queries().stream().map(Query::text).toList(), s2.queries().stream().map(Query::text).toList());
      assertEquals(s.qrels().asMap(), s2.qrels().asMap());
    }
    // writing the re-loaded dataset again gives the same bytes
    Path c = tmp.resolve("c");
    BeirWriter.write(d2, "en", c);
    for (String f : List.of("corpus.jsonl", "queries.jsonl", "qrels/test.tsv", "qrels/dev.tsv")) {
      assertEquals(Files.readString(b.resolve(f)), Files.readString(c.resolve(f)), f);
    }
  }

  @Test
  void unknownIdsAreReportedWithLine() throws Exception {
    Path a = writeBeir(tmp.resolve("a"), "query-id\tcorpus-id\tscore\nq1\td1\t2\nq9\td1\t1\nq2\tdX\t1\nq3\td3\t0\n");
    BadInputException e = assertThrows(BadInputException.class, () -> BeirLoader.load(a, "en"));
    assertTrue(e.getMessage().contains("qrels/test.tsv line 3: qrels name unknown query 'q9'"), e.getMessage());
    assertTrue(e.getMessage().contains("qrels/test.tsv line 4: qrels name unknown document 'dX'"), e.getMessage());
    assertTrue(e.getMessage().contains("queries.jsonl line 3: query has no relevant document in qrels/test.tsv"), e.getMessage());
  }

  @Test
  void idsWithWhitespaceAndBadNamesAreRefusedWithFileAndLine() throws Exception {
    Path a = writeBeir(tmp.resolve("a"), "query-id\tcorpus-id\tscore\nq1\td1\t2\n");
    Files.writeString(a.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"red\"}\n{\"_id\":\"q 2\",\"text\":\"x\"}\n");
    Files.writeString(a.resolve("qrels/dev.v2.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
    String m = assertThrows(BadInputException.class, () -> BeirLoader.load(a, "en")).getMessage();
    assertTrue(m.contains("queries.jsonl line 2: query id 'q 2': expected no whitespace"), m);
    assertTrue(m.contains("qrels/dev.v2.tsv: query-set name: expected letters"), m);
    assertTrue(m.contains("qrels/dev.tsv: query set 'dev': expected at least one query"), m);
    Path dotted = writeBeir(tmp.resolve("beir.v2"), "query-id\tcorpus-id\tscore\nq1\td1\t2\n");
    assertTrue(assertThrows(BadInputException.class, () -> BeirLoader.load(dotted, "en")).getMessage()
        .contains("the folder's name (the dataset's name): expected letters"));
  }
}
