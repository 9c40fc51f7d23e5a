package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.eval.run.CellId;
import io.lensbench.captioners.Captioner;
import io.lensbench.core.ExitCode;
import io.lensbench.core.InfrastructureException;
import io.lensbench.datasets.Dataset;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.embedded.EmbeddedMilvusServer;
import io.lensbench.stores.embedded.EmbeddedStores;
import io.lensbench.stores.embedded.StoresConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the real Milvus and OpenSearch on a small slice of the fashion data (the
 * test split of the default source, 3 queries per query set), every strategy type:
 * run → metrics → parity; resume (cells lost from a finished run are recomputed, identical
 * metrics); and a store killed mid-run (clear error, exit 3; after a restart the rerun matches an
 * uninterrupted run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnerEndToEndTest {
  private static final int QUERIES = 3;
  @TempDir static Path tmp;
  static Path data;
  static Path runDir;
  static Path experiment;
  static Runner.Result first;

  @BeforeAll
  static void setUp() throws IOException {
    EmbeddedStores.Endpoints endpoints = EndToEndFixture.stores();
    data = EndToEndFixture.buildDataset(tmp.resolve("fashion"), QUERIES);
    Path joint = EndToEndFixture.trainJoint(data, tmp.resolve("joint"), 1);
    runDir = tmp.resolve("run");
    experiment = tmp.resolve("e2e.yaml");
    Files.writeString(experiment, String.join("\n",
        "schemaVersion: 1",
        "name: e2e",
        "dataset: {name: fashion, path: '" + data + "'}",
        "stores:",
        "  - {name: milvus, uri: '" + endpoints.milvusUri() + "'}",
        "  - {name: opensearch, uri: '" + endpoints.openSearchUrl() + "'}",
        "models: {joint: '" + joint + "'}",
        "k: 20",
        "concurrency: 2",
        "strategies:",
        "  - {type: joint}",
        "  - {type: crossmodal, captioner: text-summary}",
        "  - {type: multivector, fusion: rrf}",
        "  - {type: multivector, fusion: native-rrf}",
        "output: '" + runDir + "'",
        ""));
    first = run(experiment, runDir, null);
  }

  /** Runs the experiment file into out; the scorer hook (may be null) sees every scored cell. */
  static Runner.Result run(Path file, Path out, Runnable afterEachCell) {
    Experiment e = ExperimentValidator.resolve(ExperimentReader.read(file),
        new Overrides(out.toString(), null, null, null, null, null, null, null), file.toString());
    PrintStream table = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (RunComponents real = RunComponents.open(e, Environment.system(), System.err)) {
      Components c = afterEachCell == null ? real : new HookedComponents(real, afterEachCell);
      return new Runner(e, file.toString(), c, false, table, System.err).run();
    }
  }

  @Test
  @Order(1)
  void everyCellIsWrittenAndScored() throws IOException {
    assertEquals(9 * 4 * 2, first.cells().size(), "9 query sets (7 + the cross-lingual text-ko-en, image-text-ko-en) x 4 strategies x 2 stores");
    assertEquals(first.cells().size(), first.cellsRun());
    ObjectMapper om = new ObjectMapper();
    for (CellId c : first.cells()) {
      String id = c.toString();
      assertTrue(Files.exists(runDir.resolve("cells/" + id + ".done")), id);
      List<String> trec = Files.readAllLines(runDir.resolve("runs/" + id + ".trec"));
      assertTrue(trec.size() >= QUERIES, id + " has hits for every query");
      assertTrue(trec.get(0).matches("\\S+ Q0 \\S+ 1 \\S+ " + java.util.regex.Pattern.quote(id)), trec.get(0));
      List<String> records = Files.readAllLines(runDir.resolve("records/" + id + ".jsonl"));
      assertEquals(QUERIES, records.size(), id);
      JsonNode r = om.readTree(records.get(0));
      for (String t : List.of("encode", "search", "fuse", "rerank", "total")) {
        assertTrue(r.path("timingMs").has(t), id + " timing " + t + ": " + records.get(0));
      }
      assertTrue(r.path("hits").size() <= 20 && !r.has("firstStage"));
      JsonNode m = om.readTree(runDir.resolve("metrics/" + id + ".json").toFile());
      assertEquals(QUERIES, m.path("numQueries").asInt(), id);
      for (String k : RunSummary.TABLE_KEYS) {
        double v = m.path("summary").path(k).path("mean").asDouble(-1);
        assertTrue(v >= 0 && v <= 1, id + " " + k + " = " + v);
      }
    }
    for (String f : List.of("experiment.resolved.json", "provenance.json", "dataset-card.json",
        "parity.json", "items.jsonl", "queries/text-en.jsonl", "qrels/image.qrels")) {
      assertTrue(Files.exists(runDir.resolve(f)), f);
    }
    JsonNode prov = om.readTree(runDir.resolve("provenance.json").toFile());
    assertEquals(64, prov.path("dataset").path("checksum").asText().length(), prov.toString());
    assertEquals(2, prov.path("stores").size());
    assertTrue(!prov.path("stores").get(0).path("version").asText().isEmpty(), prov.toString());
    assertTrue(prov.path("models").size() >= 2, prov.toString());
  }

  @Test
  @Order(2)
  void excludedIdsNeverComeBack() throws IOException {
    // image queries exclude their own source item
    ObjectMapper om = new ObjectMapper();
    for (String line : Files.readAllLines(runDir.resolve("queries/image.jsonl"))) {
      JsonNode q = om.readTree(line);
      for (JsonNode x : q.path("excludeIds")) {
        for (String store : List.of("milvus", "opensearch")) {
          String trec = Files.readString(runDir.resolve("runs/fashion.image.joint." + store + ".trec"));
          assertTrue(!trec.contains(q.path("id").asText() + " Q0 " + x.asText() + " "),
              q.path("id").asText() + " returned its excluded item " + x.asText());
        }
      }
    }
  }

  @Test
  @Order(3)
  void textQueriesFindRelevantItems() {
    // weak models, but not random: catalogue sentences vs attribute queries must succeed often
    Map<String, Double> m = first.summaries().get("fashion.text-en.crossmodal-text-summary.milvus");
    assertTrue(m.get("success_at_10") >= 0.5, m.toString());
  }

  @Test
  @Order(4)
  void exactSearchGivesTheSameListsOnBothStores() throws IOException {
    JsonNode parity = new ObjectMapper().readTree(runDir.resolve("parity.json").toFile());
    assertEquals(9 * 4, parity.path("rows").size());
    for (JsonNode row : parity.path("rows")) {
      String s = row.path("strategy").asText();
      if (s.equals("joint") || s.equals("crossmodal-text-summary")) {
        assertEquals(1.0, row.path("overlap_at_10").asDouble(), 1e-9, row.toString());
      }
    }
  }

  @Test
  @Order(5)
  void resumeRecomputesOnlyMissingCellsWithIdenticalMetrics() throws IOException {
    Path copy = tmp.resolve("resumed");
    copyTree(runDir, copy);
    // an interruption: every second cell lost its marker, every fourth its metrics and records too
    int removed = 0;
    for (int i = 0; i < first.cells().size(); i += 2) {
      String id = first.cells().get(i).toString();
      Files.delete(copy.resolve("cells/" + id + ".done"));
      if (i % 4 == 0) {
        Files.delete(copy.resolve("metrics/" + id + ".json"));
        Files.delete(copy.resolve("records/" + id + ".jsonl"));
      }
      removed++;
    }
    Runner.Result again = run(experiment, copy, null);
    assertEquals(removed, again.cellsRun());
    assertEquals(first.cells().size() - removed, again.cellsSkipped());
    for (CellId c : first.cells()) {
      assertEquals(scores(runDir, c), scores(copy, c), c.toString());
      assertEquals(Files.readString(runDir.resolve("runs/" + c + ".trec")),
          Files.readString(copy.resolve("runs/" + c + ".trec")), c.toString());
    }
    assertEquals(0, run(experiment, copy, null).cellsRun(), "nothing left to do");
  }

  @Test
  @Order(6)
  void killedStoreGivesAClearErrorAndTheRerunMatchesAnUninterruptedRun() throws Exception {
    // a Milvus server of this test's own (port 19633, own data), so killing it disturbs nobody
    StoresConfig cfg = StoresConfig.fromEnvironment().withPorts(19652, 19752, 19633, 19631);
    EmbeddedMilvusServer milvus = new EmbeddedMilvusServer(cfg, m -> {});
    try {
      milvus.up();
      Path file = tmp.resolve("death.yaml");
      Files.writeString(file, String.join("\n",
          "schemaVersion: 1",
          "name: death",
          "dataset: {name: fashion, path: '" + data + "'}",
          "querySets: [text-en, text-ko, table-image-en, table-image-ko]",
          "stores: [{name: milvus, uri: '" + milvus.uri() + "', requestTimeoutSeconds: 30}]",
          "k: 20",
          "strategies: [{type: crossmodal, captioner: text-summary, queryCaptioner: tesseract}]",
          ""));
      Path reference = tmp.resolve("reference");
      run(file, reference, null);

      Path interrupted = tmp.resolve("interrupted");
      AtomicInteger cells = new AtomicInteger();
      InfrastructureException x = assertThrows(InfrastructureException.class,
          () -> run(file, interrupted, () -> {
            if (cells.incrementAndGet() == 2) {
              ProcessHandle.of(milvus.status().pid().getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
            }
          }));
      assertEquals(ExitCode.INFRASTRUCTURE, x.exitCode());
      assertTrue(x.getMessage().startsWith("store milvus, collection lb_fashion_crossmodal_"),
          "names store and collection: " + x.getMessage());
      try (Stream<Path> s = Files.list(interrupted.resolve("cells"))) {
        assertEquals(2, s.count(), "the two finished cells are kept");
      }

      milvus.up();
      Runner.Result r = run(file, interrupted, null);
      assertEquals(2, r.cellsRun());
      assertEquals(2, r.cellsSkipped());
      for (CellId c : r.cells()) {
        assertEquals(Files.readString(reference.resolve("runs/" + c + ".trec")),
            Files.readString(interrupted.resolve("runs/" + c + ".trec")), c.toString());
        assertEquals(scores(reference, c), scores(interrupted, c), c.toString());
      }
    } finally {
      milvus.down();
    }
  }

  @Test
  @Order(7)
  void storeDownOrUnknownModelFailBeforeAnyWork() throws IOException {
    String base = String.join("\n",
        "schemaVersion: 1",
        "dataset: {name: fashion, path: '" + data + "'}",
        "strategies: [{type: crossmodal}]",
        "");
    Path down = tmp.resolve("down.yaml");
    Files.writeString(down, base + "stores: [{name: opensearch, uri: 'http://127.0.0.1:9'}]\n");
    InfrastructureException x = assertThrows(InfrastructureException.class,
        () -> run(down, tmp.resolve("down"), null));
    assertEquals(ExitCode.INFRASTRUCTURE, x.exitCode());
    assertTrue(x.getMessage().contains("127.0.0.1:9"), x.getMessage());

    Path model = tmp.resolve("model.yaml");
    Files.writeString(model, base + "stores: [{name: milvus}]\nmodels: {text: no-such-encoder}\n");
    io.lensbench.core.BadInputException y = assertThrows(io.lensbench.core.BadInputException.class,
        () -> run(model, tmp.resolve("model"), null));
    assertEquals(ExitCode.BAD_INPUT, y.exitCode());
    assertTrue(y.getMessage().contains("no-such-encoder"), y.getMessage());
    assertTrue(!Files.exists(tmp.resolve("model").resolve("cells")), "no cell was started");
  }

  /** The scored part of metrics/<cell>.json: summary (with intervals) and per-query values. */
  static String scores(Path dir, CellId c) throws IOException {
    JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics/" + c + ".json").toFile());
    return m.path("summary").toString() + m.path("perQuery").toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = new ArrayList<>(s.toList());
    }
    for (Path p : all) {
      Path t = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(t);
      } else {
        Files.copy(p, t);
      }
    }
  }

  /** The real components, with a hook after each scored cell (to kill a store mid-run). */
  private record HookedComponents(RunComponents real, Runnable afterEachCell) implements Components {
    @Override public Dataset dataset() { return real.dataset(); }
    @Override public RetrievalStore store(Experiment.StoreSpec s) { return real.store(s); }
    @Override public String storeAddress(Experiment.StoreSpec s) { return real.storeAddress(s); }
    @Override public TextEncoder textEncoder(String id) { return real.textEncoder(id); }
    @Override public JointEncoder jointEncoder(String id) { return real.jointEncoder(id); }
    @Override public Captioner captioner(String id) { return real.captioner(id); }
    @Override public RerankStage reranker(Experiment.RerankerSpec s) { return real.reranker(s); }
    @Override public Map<String, Object> modelCard(String id) { return real.modelCard(id); }
    @Override public java.nio.file.Path lockDir() { return real.lockDir(); }
    @Override public void close() {}

    @Override
    public CellScorer scorer(long seed) {
      CellScorer inner = real.scorer(seed);
      return (cell, qs, run, f) -> {
        Map<String, Double> m = inner.score(cell, qs, run, f);
        afterEachCell.run();
        return m;
      };
    }
  }
}
