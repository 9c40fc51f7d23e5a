package io.lensbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.testkit.SyntheticRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need no store: each runs the real command line in its own JVM and asserts the exit
 * code of the contract (1 regression, 2 bad input, 3 infrastructure), a message naming the file or
 * key, no stack trace on the console, and that nothing already written changed.
 */
class BadInputFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static Path baseline;

  @BeforeAll
  static void runs() throws IOException {
    baseline = SyntheticRun.create(tmp.resolve("baseline"), 0);
  }

  private static Path copy(String name) throws IOException {
    Path to = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(baseline)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(baseline.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  private static Path anyMetrics(Path run, int index) throws IOException {
    try (Stream<Path> s = Files.list(run.resolve("metrics"))) {
      return s.sorted().toList().get(index);
    }
  }

  private static void edit(Path metrics, java.util.function.Consumer<ObjectNode> change) throws IOException {
    ObjectNode n = (ObjectNode) JSON.readTree(metrics.toFile());
    change.accept(n);
    Files.writeString(metrics, JSON.writeValueAsString(n));
  }

  @Test
  void gateRefusesNanZeroQueriesAndMissingCells() throws IOException {
    Path nan = copy("nan");
    edit(anyMetrics(nan, 0), n -> ((ObjectNode) n.get("summary").get("recall_at_10")).putNull("mean"));
    Cli.run(tmp, "gate", "--baseline", baseline.toString(), "--current", nan.toString(),
        "--rule", "recall_at_10 >= -0.01").assertFailure(2, "UNUSABLE", "NaN/null");

    Path empty = copy("empty");
    edit(anyMetrics(empty, 1), n -> {
      n.put("numQueries", 0);
      n.putObject("perQuery");
    });
    Cli.run(tmp, "gate", "--baseline", baseline.toString(), "--current", empty.toString(),
        "--rule", "recall_at_10 >= 0.0 absolute").assertFailure(2, "zero queries");

    Path missing = copy("missing");
    Path gone = anyMetrics(missing, 2);
    Files.delete(gone);
    Cli.run(tmp, "gate", "--baseline", baseline.toString(), "--current", missing.toString(),
        "--rule", "mrr >= -0.01").assertFailure(2, "missing from the current run",
        gone.getFileName().toString().replace(".json", ""));
  }

  @Test
  void gateAndCompareRefuseRunsOnDifferentData() throws IOException {
    Path other = copy("other-data");
    Path prov = other.resolve("provenance.json");
    ObjectNode p = (ObjectNode) JSON.readTree(prov.toFile());
    ((ObjectNode) p.get("dataset")).put("checksum", "sha256:another-dataset");
    Files.writeString(prov, JSON.writeValueAsString(p));
    Cli.run(tmp, "gate", "--baseline", baseline.toString(), "--current", other.toString(),
        "--rule", "recall_at_10 >= -0.01")
        .assertFailure(2, baseline.toString(), other.toString(), "dataset checksum");
    Cli.run(tmp, "compare", baseline.toString(), other.toString())
        .assertFailure(2, "not measured on the same data");
    Cli.Result across = Cli.run(tmp, "compare", "--across-datasets", baseline.toString(), other.toString());
    assertEquals(0, across.code(), across.all());
    assertTrue(across.out().contains("means only"), across.out());
  }

  @Test
  void capsAndMalformedInputsAreBadInputNotCrashes() throws IOException {
    Cli.run(tmp, "gate", "--baseline", baseline.toString(), "--current", baseline.toString(),
        "--rule", "mrr >= -0.01", "--resamples", "2000000000").assertFailure(2, "resamples");
    Path dir = Files.createDirectories(tmp.resolve("a-directory"));
    Cli.run(tmp, "eval", "--qrels", dir.toString(), "--run", dir.toString())
        .assertFailure(2, "a-directory", "directory");
    Path noNewline = tmp.resolve("no-newline.trec");
    try (BufferedWriter w = Files.newBufferedWriter(noNewline, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 300_000; i++) {
        w.write("q1 Q0 doc 1 1.0 tag ");
      }
    }
    Cli.run(tmp, "eval", "--qrels", noNewline.toString(), "--run", noNewline.toString())
        .assertFailure(2, "no-newline.trec", "line 1");
  }

  @Test
  void anOutOfMemoryErrorIsExitThreeWithOneLine() throws IOException {
    Path qrels = tmp.resolve("big.qrels");
    Path run = tmp.resolve("big.trec");
    try (BufferedWriter q = Files.newBufferedWriter(qrels); BufferedWriter r = Files.newBufferedWriter(run)) {
      for (int i = 0; i < 4000; i++) {
        q.write("q" + i + " 0 d" + i + " 1\n");
        for (int d = 0; d < 200; d++) {
          r.write("q" + i + " Q0 document-" + i + "-" + d + " " + (d + 1) + " " + (1000 - d) + " t\n");
        }
      }
    }
    // trec_eval output streams in constant memory; the machine-key JSON holds every query
    Cli.Result r = Cli.run(tmp, Map.of(), List.of("-Xmx24m"), "eval", "--format", "json", "--qrels",
        qrels.toString(), "--run", run.toString());
    r.assertFailure(3, "out of memory");
    assertTrue(r.err().contains("error-"), "names the log file:\n" + r.err());
  }

  @Test
  void malformedExperimentsNameTheKey() throws IOException {
    String base = "schemaVersion: 1\ndataset: {name: fashion}\nstores: [{name: milvus}]\n";
    Map<String, String> cases = Map.of(
        "querySets: [~]\nstrategies: [{type: joint}]\n", "querySets[0]",
        "strategies: [{type: multivector, routes: {text: [~]}}]\n", "routes.text[0]",
        "strategies: [~]\n", "strategies[0]",
        "strategies: [{type: joint}]\nstores: [{name: opensearch}]\n", "Duplicate field 'stores'",
        "strategies: [{type: joint}]\nk: 100000000\n", "k: expected 1..10000",
        "strategies: [{type: joint}]\noutput: \"runs/a\\0b\"\n", "output: expected a path",
        "strategies: [{type: joint}]\nreranker: {type: llm-listwise, endpoint: {baseUrl: 'http://u:pw@127.0.0.1:9/v1', model: m}}\n",
        "reranker.endpoint.baseUrl");
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path f = tmp.resolve("bad-" + (i++) + ".yaml");
      Files.writeString(f, base + c.getKey());
      Cli.Result r = Cli.run(tmp, "run", f.toString(), "--no-report").assertFailure(2, c.getValue());
      assertTrue(!r.all().contains("pw@"), "the credential is never echoed:\n" + r.all());
    }
    Path nested = tmp.resolve("nested.json");
    Files.writeString(nested, "[".repeat(200_000));
    Cli.run(tmp, "run", nested.toString()).assertFailure(2, "nested.json");
    Files.writeString(tmp.resolve("escape.yaml"), base.replace("name: fashion", "name: ../../escaped")
        + "strategies: [{type: joint}]\n");
    Cli.run(tmp, "run", "escape.yaml").assertFailure(2, "dataset.name");
    assertTrue(Files.notExists(tmp.getParent().resolve("escaped")));
  }
}
