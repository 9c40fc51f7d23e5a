package io.lensbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.testkit.PngBomb;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in datasets through the real command line in a child JVM: names, ids and image
 * references that try to leave the dataset, a decompression bomb, an empty query set, one bad
 * byte under --skip-invalid — each exit 2 naming the file and line (or exit 0 skipping just that
 * line), no stack trace, the dataset untouched.
 */
class DatasetFaultsTest {
  @TempDir Path tmp;

  private static final String CORPUS_LINE =
      "{\"id\":\"%s\",\"image\":\"%s\",\"texts\":{\"name_en\":\"item %s\"},\"attributes\":{}}";

  /** A valid dataset: items a, b, c, d (8×8 PNGs), query set q judging a and b. */
  private Path dataset(String folder) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(folder).resolve("images"));
    for (String id : List.of("a", "b", "c", "d")) {
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
          d.resolve(id + ".png").toFile());
    }
    Path dir = d.getParent();
    Files.writeString(dir.resolve("dataset.json"), "{\"schemaVersion\": 1, \"name\": \"tiny\"}");
    StringBuilder corpus = new StringBuilder();
    for (String id : List.of("a", "b", "c", "d")) {
      corpus.append(String.format(CORPUS_LINE, id, "images/" + id + ".png", id)).append('\n');
    }
    Files.writeString(dir.resolve("corpus.jsonl"), corpus);
    Files.createDirectories(dir.resolve("queries"));
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("queries/q.jsonl"),
        "{\"id\":\"t1\",\"kind\":\"text\",\"language\":\"en\",\"text\":\"item\",\"attributes\":{},\"excludeIds\":[]}\n");
    Files.writeString(dir.resolve("qrels/q.qrels"), "t1 0 a 2\nt1 0 b 1\n");
    return dir;
  }

  private static void replaceLine(Path file, int line, String text) throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(line - 1, text);
    Files.write(file, lines);
  }

  /** Validates {@code dir} in a child JVM, expecting exit 2 and the mentions; the dataset is not changed. */
  private Cli.Result refused(Path dir, List<String> extra, String... mentions) throws IOException {
    Map<String, String> before = Snapshots.of(dir);
    List<String> args = new java.util.ArrayList<>(List.of("datasets", "validate", dir.toString()));
    args.addAll(extra);
    Cli.Result r = Cli.run(tmp, Map.of(), List.of("-Xmx96m"), args.toArray(String[]::new))
        .assertFailure(2, mentions);
    assertEquals(before, Snapshots.of(dir), "validation changes nothing");
    return r;
  }

  @Test
  void namesAndIdsThatWouldLeaveTheirPlaceAreRefused() throws IOException {
    Path escape = dataset("escape");
    Files.writeString(escape.resolve("dataset.json"), "{\"schemaVersion\": 1, \"name\": \"../../escaped\"}");
    refused(escape, List.of(), escape.resolve("dataset.json") + ": name: expected letters", "'../../escaped'");

    Path dotted = dataset("dotted");
    Files.copy(dotted.resolve("queries/q.jsonl"), dotted.resolve("queries/q.v2.jsonl"));
    refused(dotted, List.of(), "queries/'q.v2.jsonl': query-set name: expected letters");

    Path spaced = dataset("spaced");
    replaceLine(spaced.resolve("corpus.jsonl"), 3, String.format(CORPUS_LINE, "c 1", "images/c.png", "c"));
    refused(spaced, List.of(), "corpus.jsonl line 3: item id 'c 1': expected no whitespace or control characters");
  }

  @Test
  void imageReferencesLeavingTheDatasetAreRefusedWithTheirLine() throws IOException {
    Path outside = tmp.resolve("outside.png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", outside.toFile());
    Path data = Files.createDirectories(tmp.resolve("data/src"));
    Path dir = dataset("escaping-images");
    Files.writeString(dir.resolve("dataset.json"), "{\"schemaVersion\": 1, \"name\": \"tiny\", "
        + "\"imageRoots\": {\"source\": {\"dataset\": \"src\", \"builtFrom\": \"" + data + "\"}}}");
    Files.createSymbolicLink(dir.resolve("images/link.png"), outside);
    replaceLine(dir.resolve("corpus.jsonl"), 1, String.format(CORPUS_LINE, "a", "../outside.png", "a"));
    replaceLine(dir.resolve("corpus.jsonl"), 2, String.format(CORPUS_LINE, "b", "source:../../outside.png", "b"));
    replaceLine(dir.resolve("corpus.jsonl"), 3, String.format(CORPUS_LINE, "c", outside, "c"));
    replaceLine(dir.resolve("corpus.jsonl"), 4, String.format(CORPUS_LINE, "d", "images/link.png", "d"));
    String found = "expected a path inside the dataset's image roots, found ";
    refused(dir, List.of("--data", tmp.resolve("data").toString()),
        "corpus.jsonl line 1: image reference '../outside.png': " + found + "a path leading out",
        "corpus.jsonl line 2: image reference 'source:../../outside.png': " + found + "a path leading out",
        "corpus.jsonl line 3: image reference '" + outside + "': " + found + "an absolute path",
        "corpus.jsonl line 4: image reference 'images/link.png': " + found + "a link leading out");
  }

  @Test
  void aDecompressionBombAndAnEmptyQuerySetAreBadInput() throws IOException {
    Path bomb = dataset("bomb");
    PngBomb.write(bomb.resolve("images/b.png"), 30000, 30000);
    refused(bomb, List.of(), "corpus.jsonl line 2: image has too many pixels", bomb.resolve("images/b.png").toString());

    Path empty = dataset("empty");
    Files.writeString(empty.resolve("queries/none.jsonl"), "");
    Files.writeString(empty.resolve("qrels/none.qrels"), "");
    refused(empty, List.of(), "queries/none.jsonl: query set 'none': expected at least one query, found none");
  }

  @Test
  void oneBadByteUnderSkipInvalidCostsOneLine() throws IOException {
    Path dir = dataset("bad-byte");
    byte[] corpus = Files.readAllBytes(dir.resolve("corpus.jsonl"));
    String text = new String(corpus, StandardCharsets.UTF_8);
    corpus[text.indexOf("item d")] = (byte) 0xC3; // a torn character in line 4
    Files.write(dir.resolve("corpus.jsonl"), corpus);
    refused(dir, List.of(), "corpus.jsonl line 4: expected UTF-8 text, found bytes that are not UTF-8");
    Cli.Result r = Cli.run(tmp, "datasets", "validate", dir.toString(), "--skip-invalid");
    assertEquals(0, r.code(), r.all());
    r.assertNoStackTrace();
    assertTrue(r.out().contains("skipped 1 invalid record(s):\n  corpus.jsonl line 4: expected UTF-8"), r.out());
    assertTrue(r.out().contains("(3 items, 1 query sets, 1 queries, 1 skipped)"), r.out());
  }

  /**
   * The demo's dataset step killed for real (SIGKILL of the {@code datasets build} JVM) in the
   * middle of a build, then run again: the rerun succeeds and its dataset is byte-identical to a
   * clean build's. A second build killed over the complete dataset leaves it as it was.
   */
  @Test
  void aBuildKilledMidwayLeavesNothingARerunTripsOn() throws Exception {
    Path source = DataRoot.fromEnvironment(null).locate("fashion-kaggle-default", KaggleFashionLoader.ITEMS);
    Map<String, String> env = Map.of(DataRoot.ENV, source.getParent().toString());
    String[] build = {"datasets", "build", "fashion", "--out", "fashion", "--max-queries", "20"};
    Path clean = Files.createDirectories(tmp.resolve("clean"));
    Cli.Result c = Cli.run(clean, env, List.of(), build);
    assertEquals(0, c.code(), c.all());
    Map<String, String> expected = Snapshots.of(clean.resolve("fashion"));

    Path work = Files.createDirectories(tmp.resolve("killed"));
    killMidway(work, env, build);
    assertTrue(Files.notExists(work.resolve("fashion")), "nothing at the target after the kill");
    Cli.Result rerun = Cli.run(work, env, List.of(), build);
    assertEquals(0, rerun.code(), rerun.all());
    rerun.assertNoStackTrace();
    assertEquals(expected, Snapshots.of(work.resolve("fashion")), "the rerun equals a clean build, byte for byte");
    assertEquals(List.of(".fashion.lock", "fashion"), names(work), "the killed build's leftovers are gone");

    killMidway(work, env, build);
    assertEquals(expected, Snapshots.of(work.resolve("fashion")), "a killed rebuild leaves the dataset as it was");
  }

  /** Starts a build in {@code work} and SIGKILLs it once it has written part of the dataset. */
  private void killMidway(Path work, Map<String, String> env, String[] build) throws Exception {
    Process p = Cli.start(work, env, tmp.resolve("killed-build.out"), build);
    try {
      long deadline = System.nanoTime() + 10L * 60 * 1_000_000_000L;
      while (p.isAlive() && !partlyWritten(work) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the build was still running when killed (exit " + (p.isAlive() ? "-" : p.exitValue()) + ")");
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
      p.waitFor();
    }
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
    assertTrue(names(work).stream().anyMatch(n -> n.startsWith(".fashion.building-")),
        "a half-written build was left behind: " + names(work));
  }

  private static boolean partlyWritten(Path work) throws IOException {
    try (Stream<Path> s = Files.list(work)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".fashion.building-"))
          .anyMatch(p -> Files.exists(p.resolve("corpus.jsonl")));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

}
