package io.lensbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each validation error on a small broken fixture: reported with file and line, load fails (exit 2). */
class DatasetValidationTest {
  @TempDir Path tmp;

  private String failure(Fixture f) {
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(f.dir));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    return e.getMessage();
  }

  private static void assertHas(String message, String expected) {
    assertTrue(message.contains(expected), () -> "expected '" + expected + "' in:\n" + message);
  }

  @Test
  void validFixtureLoads() throws Exception {
    Dataset d = DatasetLoader.load(new Fixture(tmp).dir);
    assertEquals(3, d.items().size());
    QuerySet q = d.querySet("q");
    assertEquals(2, q.queries().size());
    assertEquals(2, q.qrels().forQuery("t1").get("a"));
    assertEquals(tmp.resolve("images/q1.png").toAbsolutePath(), q.queries().get(1).image());
    assertEquals(List.of("a"), List.copyOf(q.queries().get(1).excludeIds()));
  }

  @Test
  void missingImage() throws Exception {
    Fixture f = new Fixture(tmp);
    Files.delete(f.dir.resolve("images/b.png"));
    String m = failure(f);
    assertHas(m, "corpus.jsonl line 2: image file not found");
    assertHas(m, "[b]");
  }

  @Test
  void undecodableImage() throws Exception {
    Fixture f = new Fixture(tmp);
    Files.writeString(f.dir.resolve("images/q1.png"), "this is not a PNG");
    assertHas(failure(f), "queries/q.jsonl line 2: image cannot be decoded");
  }

  @Test
  void duplicateItemId() throws Exception {
    Fixture f = new Fixture(tmp);
    f.corpus(List.of(Fixture.item("a"), Fixture.item("b"), Fixture.item("c"), Fixture.item("b")));
    assertHas(failure(f), "corpus.jsonl line 4: duplicate item id 'b' (first on line 2)");
  }

  @Test
  void duplicateQueryId() throws Exception {
    Fixture f = new Fixture(tmp);
    List<String> q = f.lines("queries/q.jsonl");
    q.add(q.get(0));
    f.queries(q);
    assertHas(failure(f), "queries/q.jsonl line 3: duplicate query id 't1' (first on line 1)");
  }

  @Test
  void qrelsNameUnknownQuery() throws Exception {
    Fixture f = new Fixture(tmp);
    f.qrels("t1 0 a 2\ni1 0 b 2\nzz 0 c 1\n");
    assertHas(failure(f), "qrels/q.qrels line 3: qrels name unknown query 'zz'");
  }

  @Test
  void qrelsNameUnknownItem() throws Exception {
    Fixture f = new Fixture(tmp);
    f.qrels("t1 0 a 2\nt1 0 nope 1\ni1 0 b 2\n");
    assertHas(failure(f), "qrels/q.qrels line 2: qrels name unknown item 'nope'");
  }

  @Test
  void queryWithNoRelevantItem() throws Exception {
    Fixture f = new Fixture(tmp);
    // i1's only relevant item is its own excluded item 'a'; t1 has only a non-relevant judgment
    f.qrels("t1 0 b 0\ni1 0 a 2\n");
    String m = failure(f);
    assertHas(m, "queries/q.jsonl line 1: query has no relevant item");
    assertHas(m, "queries/q.jsonl line 2: query has no relevant item");
  }

  @Test
  void emptyText() throws Exception {
    Fixture f = new Fixture(tmp);
    List<String> q = f.lines("queries/q.jsonl");
    q.set(0, q.get(0).replace("red shirt", "  "));
    f.queries(q);
    List<String> c = f.lines("corpus.jsonl");
    c.set(2, c.get(2).replace("item c", ""));
    f.corpus(c);
    String m = failure(f);
    assertHas(m, "queries/q.jsonl line 1: empty text for a text query");
    assertHas(m, "corpus.jsonl line 3: empty text field 'name_en'");
  }

  @Test
  void unknownKind() throws Exception {
    Fixture f = new Fixture(tmp);
    List<String> q = f.lines("queries/q.jsonl");
    q.set(0, q.get(0).replace("\"kind\":\"text\"", "\"kind\":\"video\""));
    f.queries(q);
    assertHas(failure(f), "queries/q.jsonl line 1: unknown query kind 'video'");
  }

  @Test
  void malformedQrelsLineAndBadJson() throws Exception {
    Fixture f = new Fixture(tmp);
    f.qrels("t1 0 a 2\ni1 0 b\ni1 0 c 1\n");
    List<String> c = f.lines("corpus.jsonl");
    c.add("{not json");
    f.corpus(c);
    String m = failure(f);
    assertHas(m, "qrels/q.qrels line 2: expected 4 fields");
    assertHas(m, "corpus.jsonl line 4: not valid JSON");
  }

  @Test
  void allProblemsListedAtOnce() throws Exception {
    Fixture f = new Fixture(tmp);
    Files.delete(f.dir.resolve("images/c.png"));
    f.qrels("t1 0 a 2\ni1 0 b 2\nzz 0 c 1\nt1 0 nope 1\n");
    String m = failure(f);
    assertHas(m, "3 problems");
    assertHas(m, "corpus.jsonl line 3");
    assertHas(m, "qrels/q.qrels line 3");
    assertHas(m, "qrels/q.qrels line 4");
  }

  @Test
  void skipInvalidSkipsAndListsEveryRecord() throws Exception {
    Fixture f = new Fixture(tmp);
    Files.delete(f.dir.resolve("images/b.png"));
    f.qrels("t1 0 a 2\nt1 0 b 1\ni1 0 b 2\nzz 0 c 1\n");
    LoadResult r = DatasetLoader.load(f.dir, LoadOptions.strict().withSkipInvalid(true));
    List<String> skipped = r.skipped().stream().map(Problem::toString).toList();
    assertEquals(List.of("a", "c"), List.copyOf(r.dataset().items().keySet()));
    assertTrue(skipped.stream().anyMatch(s -> s.startsWith("corpus.jsonl line 2: image file not found")), skipped::toString);
    assertTrue(skipped.stream().anyMatch(s -> s.startsWith("qrels/q.qrels line 4: qrels name unknown query 'zz'")), skipped::toString);
    assertTrue(skipped.stream().anyMatch(s -> s.startsWith("qrels/q.qrels line 2: skipped: item 'b'")), skipped::toString);
    assertTrue(skipped.stream().anyMatch(s -> s.startsWith("queries/q.jsonl line 2: skipped: no relevant item left")), skipped::toString);
    QuerySet q = r.dataset().querySet("q");
    assertEquals(List.of("t1"), q.queries().stream().map(Query::id).toList());
    assertEquals(java.util.Map.of("a", 2), q.qrels().forQuery("t1"));
    assertEquals(5, skipped.size(), skipped::toString);
  }

  @Test
  void checksumMismatchIsReported() throws Exception {
    Fixture f = new Fixture(tmp);
    Files.writeString(f.dir.resolve("dataset.json"),
        "{\"schemaVersion\": 1, \"name\": \"fixture\", \"files\": {\"corpus.jsonl\": \"00\"}}");
    assertHas(failure(f), "corpus.jsonl: file changed since the dataset was built");
  }

  @Test
  void notADatasetDirectory() {
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(tmp));
    assertHas(e.getMessage(), "not a dataset directory: expected " + tmp.toAbsolutePath().normalize().resolve("dataset.json"));
  }
}
