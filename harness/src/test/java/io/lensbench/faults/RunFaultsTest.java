package io.lensbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.LockFile;
import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.stores.embedded.EmbeddedStores;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    return experiment(name, dataset, out, "tesseract", "text-summary");
  }

  private static Path experiment(String name, Path dataset, Path out, String queryCaptioner,
      String itemCaptioner) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, String.join("\n",
        "schemaVersion: 1",
        "name: " + name,
        "dataset: {name: fashion, path: '" + dataset + "'}",
        "querySets: [text-en, text-ko]",
        "stores:",
        "  - {name: milvus, uri: '" + stores.milvusUri() + "'}",
        "  - {name: opensearch, uri: '" + stores.openSearchUrl() + "'}",
        "models: {captioner: " + queryCaptioner + "}",
        "strategies: [{type: crossmodal, captioner: " + itemCaptioner + "}]",
        "output: '" + out + "'",
        ""));
    return f;
  }

  @Test
  void aRunDirectoryInUseIsRefusedNamingTheHolder() throws IOException {
    Path out = tmp.resolve("in-use");
    Path exp = experiment("in-use", data, out);
    assertEquals(0, Cli.run(tmp, "run", exp.toString(), "--no-report").code());
    Map<String, String> before = Snapshots.of(out);
    try (LockFile held = LockFile.tryExclusive(out.resolve("run.lock")).orElseThrow()) {
      held.describeHolder("pid 4242 since a test");
      Cli.run(tmp, "run", exp.toString(), "--no-report")
          .assertFailure(2, "in use by another LensBench run", "pid 4242");
    }
    assertEquals(before, Snapshots.of(out), "nothing written while refused");
  }

  @Test
  void aRebuiltDatasetNeverResumesIntoOldCells() throws IOException {
    Path dataset = build(tmp.resolve("rebuilt"), 42L);
    Path out = tmp.resolve("rebuilt-run");
    Path exp = experiment("rebuilt", dataset, out);
    assertEquals(0, Cli.run(tmp, "run", exp.toString(), "--no-report").code());
    Map<String, String> before = Snapshots.of(out);
    deleteTree(dataset);
    build(dataset, 7L); // same name and place, other content
    Cli.run(tmp, "run", exp.toString(), "--no-report")
        .assertFailure(2, out.toString(), "holds a different run");
    assertEquals(before, Snapshots.of(out), "the finished cells are untouched");
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

  /**
   * A credential inside {@code LENSBENCH_VLM_BASE_URL}: a run against a (fake) endpoint behind it
   * writes it nowhere — console, experiment.resolved.json, provenance, records, report — and a
   * run against an unreachable one names the endpoint with the credential hidden (exit 3). Both
   * rebuild their collections (--reindex) and start from an empty cache, so every item is
   * captioned through the endpoint.
   */
  @Test
  void aCredentialInTheVlmEndpointIsNeverShownOrWritten() throws Exception {
    String secret = "s3cret-vlm-pw";
    Path out = tmp.resolve("vlm-run");
    try (FakeOpenAiServer vlm = new FakeOpenAiServer(req -> FakeReply.answer("a product photo"))) {
      Map<String, String> env = Map.of("LENSBENCH_HOME", tmp.resolve("home-vlm").toString(),
          "LENSBENCH_VLM_BASE_URL", vlm.baseUrl().replace("http://", "http://lb-user:" + secret + "@"),
          "LENSBENCH_VLM_MODEL", "fake-vlm");
      Cli.Result r = Cli.run(tmp, env, List.of(), "run", experiment("vlm-run", data, out, "vlm", "vlm").toString(),
          "--reindex");
      assertEquals(0, r.code(), r.all());
      assertTrue(vlm.requests().size() > 0, "the captions came from the endpoint");
      assertFalse(r.all().contains(secret), r.all());
      assertTrue(Files.isRegularFile(out.resolve("report.html")), "a report was written");
      Snapshots.of(out).forEach((file, content) -> assertFalse(content.contains(secret), file));
    }
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    Map<String, String> unreachable = Map.of("LENSBENCH_HOME", tmp.resolve("home-vlm-down").toString(),
        "LENSBENCH_VLM_BASE_URL", "http://lb-user:" + secret + "@127.0.0.1:" + closed + "/v1",
        "LENSBENCH_VLM_MODEL", "fake-vlm");
    Path down = tmp.resolve("vlm-down");
    Cli.Result r = Cli.run(tmp, unreachable, List.of(), "run",
        experiment("vlm-down", data, down, "vlm", "vlm").toString(), "--no-report", "--reindex")
        .assertFailure(3, "cannot connect to http://****@127.0.0.1:" + closed);
    assertFalse(r.all().contains(secret), r.all());
    Snapshots.of(down).forEach((file, content) -> assertFalse(content.contains(secret), file));
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
