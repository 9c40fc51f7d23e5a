package io.lensbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.LockFile;
import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around real runs against the real embedded stores: a run directory in use, a dataset
 * rebuilt under a finished run, and two runs at once on the same collection (one of them
 * rebuilding it). Small runs: the default fashion source, text queries, a text-only strategy.
 */
class RunFaultsTest {
  @TempDir static Path tmp;
  static Path data;
  static EmbeddedStores.Endpoints stores;

  @BeforeAll
  static void setUp() {
    stores = EmbeddedStores.ensureRunning();
    data = build(tmp.resolve("fashion"), 42L);
  }

  private static Path build(Path dir, long seed) {
    Path source = DataRoot.fromEnvironment(null).locate("fashion-kaggle-default", KaggleFashionLoader.ITEMS);
    new FashionBuilder(new FashionBuilder.Options("fashion-kaggle-default", source, dir, seed, 4, 0.3,
        false, false), Glossary.load(), m -> {}).build();
    return dir;
  }

  private static Path experiment(String name, Path dataset, Path out) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, String.join("\n",
        "schemaVersion: 1",
        "name: " + name,
        "dataset: {name: fashion, path: '" + dataset + "'}",
        "querySets: [text-en, text-ko]",
        "stores:",
        "  - {name: milvus, uri: '" + stores.milvusUri() + "'}",
        "  - {name: opensearch, uri: '" + stores.openSearchUrl() + "'}",
        "models: {captioner: tesseract}",
        "strategies: [{type: crossmodal, captioner: text-summary}]",
        "output: '" + out + "'",
        ""));
    return f;
  }

  /** Every file under dir with its content, to prove nothing changed. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().equals("run.lock")) {
          m.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return m;
  }

  @Test
  void aRunDirectoryInUseIsRefusedNamingTheHolder() throws IOException {
    Path out = tmp.resolve("in-use");
    Path exp = experiment("in-use", data, out);
    assertEquals(0, Cli.run(tmp, "run", exp.toString(), "--no-report").code());
    Map<String, String> before = snapshot(out);
    try (LockFile held = LockFile.tryExclusive(out.resolve("run.lock")).orElseThrow()) {
      held.describeHolder("pid 4242 since a test");
      Cli.run(tmp, "run", exp.toString(), "--no-report")
          .assertFailure(2, "in use by another LensBench run", "pid 4242");
    }
    assertEquals(before, snapshot(out), "nothing written while refused");
  }

  @Test
  void aRebuiltDatasetNeverResumesIntoOldCells() throws IOException {
    Path dataset = build(tmp.resolve("rebuilt"), 42L);
    Path out = tmp.resolve("rebuilt-run");
    Path exp = experiment("rebuilt", dataset, out);
    assertEquals(0, Cli.run(tmp, "run", exp.toString(), "--no-report").code());
    Map<String, String> before = snapshot(out);
    deleteTree(dataset);
    build(dataset, 7L); // same name and place, other content
    Cli.run(tmp, "run", exp.toString(), "--no-report")
        .assertFailure(2, out.toString(), "holds a different run");
    assertEquals(before, snapshot(out), "the finished cells are untouched");
  }

  @Test
  void twoRunsAtOnceOnOneCollectionBothFinishWithIdenticalResults() throws Exception {
    Path a = tmp.resolve("concurrent-a");
    Path b = tmp.resolve("concurrent-b");
    Path ea = experiment("concurrent-a", data, a);
    Path eb = experiment("concurrent-b", data, b);
    CompletableFuture<Cli.Result> first = CompletableFuture.supplyAsync(
        () -> Cli.run(tmp, "run", ea.toString(), "--no-report"));
    CompletableFuture<Cli.Result> second = CompletableFuture.supplyAsync(
        () -> Cli.run(tmp, "run", eb.toString(), "--no-report", "--reindex"));
    Cli.Result ra = first.get();
    Cli.Result rb = second.get();
    assertEquals(0, ra.code(), ra.all());
    assertEquals(0, rb.code(), rb.all());
    for (String cell : List.of("fashion.text-en.crossmodal-text-summary.milvus",
        "fashion.text-ko.crossmodal-text-summary.opensearch")) {
      assertEquals(Files.readString(a.resolve("runs").resolve(cell + ".trec")),
          Files.readString(b.resolve("runs").resolve(cell + ".trec")),
          cell);
      assertTrue(Files.readString(a.resolve("runs").resolve(cell + ".trec")).lines().count() > 4 * 50,
          "every query has its full list");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
