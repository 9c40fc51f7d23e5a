package io.lensbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.testkit.PngBomb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containment: names, ids and image references from dataset files stay inside what they may
 * name; one bad line costs one line; an empty query set is refused unless the card allows it.
 * Each refusal names the file and line.
 */
class DatasetContainmentTest {
  @TempDir Path tmp;

  private Fixture fixture() throws Exception {
    return new Fixture(tmp.resolve("ds"));
  }

  private static String failure(Path dir) {
    return assertThrows(BadInputException.class, () -> DatasetLoader.load(dir)).getMessage();
  }

  private static void assertHas(String message, String expected) {
    assertTrue(message.contains(expected), () -> "expected '" + expected + "' in:\n" + message);
  }

  private static void card(Fixture f, String extra) throws Exception {
    Files.writeString(f.dir.resolve("dataset.json"),
        "{\"schemaVersion\": 1, \"name\": \"fixture\"" + extra + "}");
  }

  private static void image(Fixture f, String item, String ref) throws Exception {
    List<String> c = f.lines("corpus.jsonl");
    int i = List.of("a", "b", "c").indexOf(item);
    c.set(i, c.get(i).replaceFirst("\"image\":\"[^\"]*\"", "\"image\":\"" + ref + "\""));
    f.corpus(c);
  }

  @Test
  void datasetAndQuerySetNamesFollowTheNameRule() throws Exception {
    Fixture f = fixture();
    for (String bad : List.of("../escaped", "fashion.v2", "/abs", "a\\u0001b")) {
      Files.writeString(f.dir.resolve("dataset.json"), "{\"schemaVersion\": 1, \"name\": \"" + bad + "\"}");
      String m = failure(f.dir);
      assertHas(m, f.dir.resolve("dataset.json") + ": name: expected letters, digits");
    }
    card(f, "");
    Files.copy(f.dir.resolve("queries/q.jsonl"), f.dir.resolve("queries/q.v2.jsonl"));
    assertHas(failure(f.dir), "queries/'q.v2.jsonl': query-set name: expected letters, digits");
  }

  @Test
  void idsWithWhitespaceOrControlCharactersAreRefusedAtLoadWithFileAndLine() throws Exception {
    Fixture f = fixture();
    f.corpus(List.of(Fixture.item("a"), Fixture.item("b"), Fixture.item("c"),
        Fixture.item("d").replace("\"id\":\"d\"", "\"id\":\"d e\"").replace("images/d.png", "images/a.png")));
    List<String> q = f.lines("queries/q.jsonl");
    q.add(q.get(0).replace("\"id\":\"t1\"", "\"id\":\"t\\u0009x\""));
    f.queries(q);
    String m = failure(f.dir);
    assertHas(m, "corpus.jsonl line 4: item id 'd e': expected no whitespace or control characters");
    assertHas(m, "queries/q.jsonl line 3: query id 't\\u0009x': expected no whitespace or control characters");
  }

  @Test
  void imageReferencesMustStayInsideTheDatasetsRoots() throws Exception {
    Fixture f = fixture();
    Path outside = tmp.resolve("outside.png");
    Fixture.png(outside, 7);
    Path data = Files.createDirectories(tmp.resolve("data/src/images"));
    Fixture.png(data.resolve("ok.png"), 9);
    card(f, ", \"imageRoots\": {\"source\": {\"dataset\": \"src\", \"builtFrom\": \"/nowhere\"}}");
    Files.createSymbolicLink(f.dir.resolve("images/link.png"), outside);
    image(f, "a", "../outside.png");
    image(f, "b", "source:../../outside.png");
    image(f, "c", outside.toString());
    List<String> q = f.lines("queries/q.jsonl");
    q.set(1, q.get(1).replace("images/q1.png", "images/link.png"));
    f.queries(q);
    LoadOptions opts = LoadOptions.strict().withDataRoot(tmp.resolve("data"));
    String m = assertThrows(BadInputException.class, () -> DatasetLoader.load(f.dir, opts)).getMessage();
    assertHas(m, "corpus.jsonl line 1: image reference '../outside.png': expected a path inside the "
        + "dataset's image roots, found a path leading out of the dataset folder");
    assertHas(m, "corpus.jsonl line 2: image reference 'source:../../outside.png': expected a path "
        + "inside the dataset's image roots, found a path leading out of image root 'source'");
    assertHas(m, "corpus.jsonl line 3: image reference '" + outside + "': expected a path inside the "
        + "dataset's image roots, found an absolute path");
    assertHas(m, "queries/q.jsonl line 2: image reference 'images/link.png': expected a path inside "
        + "the dataset's image roots, found a link leading out of the dataset folder");
    assertHas(m, "\"allowImagesOutsideRoots\": true");

    image(f, "b", "source:images/ok.png"); // inside its declared root: fine
    card(f, ", \"allowImagesOutsideRoots\": true, \"imageRoots\": {\"source\": {\"dataset\": \"src\", "
        + "\"builtFrom\": \"/nowhere\"}}");
    Dataset d = DatasetLoader.load(f.dir, opts).dataset();
    assertEquals(outside, d.items().get("c").image());
    assertEquals(data.resolve("ok.png"), d.items().get("b").image());
  }

  @Test
  void skipInvalidSkipsOnlyTheLineWithABadByte() throws Exception {
    Fixture f = fixture();
    ByteArrayOutputStream corpus = new ByteArrayOutputStream();
    for (String id : List.of("a", "b", "c")) {
      byte[] line = Fixture.item(id).getBytes(StandardCharsets.UTF_8);
      if (id.equals("b")) {
        line[line.length - 5] = (byte) 0xC3; // a torn two-byte character inside the JSON
      }
      corpus.write(line);
      corpus.write('\n');
    }
    Files.write(f.dir.resolve("corpus.jsonl"), corpus.toByteArray());
    assertHas(failure(f.dir), "corpus.jsonl line 2: expected UTF-8 text, found bytes that are not UTF-8");
    LoadResult r = DatasetLoader.load(f.dir, LoadOptions.strict().withSkipInvalid(true));
    assertEquals(List.of("a", "c"), List.copyOf(r.dataset().items().keySet()));
    assertTrue(r.skipped().get(0).toString().startsWith("corpus.jsonl line 2: expected UTF-8 text"),
        r.skipped().toString());
  }

  @Test
  void anEmptyQuerySetIsRefusedUnlessTheCardAllowsIt() throws Exception {
    Fixture f = fixture();
    Files.writeString(f.dir.resolve("queries/none.jsonl"), "");
    Files.writeString(f.dir.resolve("qrels/none.qrels"), "");
    assertHas(failure(f.dir), "queries/none.jsonl: query set 'none': expected at least one query, found none");
    card(f, ", \"allowEmptyQuerySets\": true");
    assertEquals(0, DatasetLoader.load(f.dir).querySet("none").queries().size());
  }

  @Test
  void aDecompressionBombIsAProblemOnItsLineNotAnOutOfMemoryError() throws Exception {
    Fixture f = fixture();
    PngBomb.write(f.dir.resolve("images/b.png"), 30000, 30000);
    String m = failure(f.dir);
    assertHas(m, "corpus.jsonl line 2: image has too many pixels: expected at most 40,000,000, found "
        + "30000 × 30000 = 900,000,000: " + f.dir.resolve("images/b.png"));
  }
}
