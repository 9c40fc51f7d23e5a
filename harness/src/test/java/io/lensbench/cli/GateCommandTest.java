package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Qrels;
import io.lensbench.eval.run.MetricsFile;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.ScoreOptions;
import io.lensbench.eval.metrics.Scoring;
import io.lensbench.core.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
  static final String CELL = "fashion.text-en.joint.milvus";
  @TempDir static Path dir;
  static Path good;
  static Path bad;
  static Path slightlyWorse;

  /** 80 queries, 5 relevant docs each; quality = chance that a relevant doc is ranked on top. */
  static Path cell(Path runDir, double quality, long seed) {
    Random r = new Random(seed);
    Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
    Map<String, List<SearchHit>> hits = new LinkedHashMap<>();
    Random stable = new Random(1);
    for (int i = 0; i < 80; i++) {
      String qid = "q" + i;
      Map<String, Integer> j = new LinkedHashMap<>();
      for (int d = 0; d < 5; d++) {
        j.put("rel" + i + "-" + d, 1);
      }
      q.put(qid, j);
      List<SearchHit> h = new ArrayList<>();
      for (int d = 0; d < 20; d++) {
        h.add(new SearchHit("doc" + d, stable.nextDouble()));
      }
      for (int d = 0; d < 5; d++) {
        double s = r.nextDouble() < quality ? 2 + r.nextDouble() : r.nextDouble();
        h.add(new SearchHit("rel" + i + "-" + d, s));
      }
      hits.put(qid, h);
    }
    CellMetrics m = Scoring.score(new Qrels(q), hits, Map.of(), ScoreOptions.defaults());
    return MetricsFile.write(runDir.resolve("metrics").resolve(CELL + ".json"), m, CELL);
  }

  @BeforeAll
  static void setUp() {
    good = cell(dir.resolve("good"), 0.8, 1);
    bad = cell(dir.resolve("bad"), 0.2, 2);
    slightlyWorse = cell(dir.resolve("noise"), 0.8, 3);
  }

  @Test
  void identicalResultsPass() {
    CliRunner.Result r = CliRunner.gate("--baseline", good.toString(), "--current",
        good.toString(), "--rule", "recall_at_10 >= -0.01", "--rule", "mrr >= 0.1 absolute");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("OK "), r.out());
  }

  @Test
  void significantDropFailsWithExitOneAndWritesReports() throws Exception {
    Path md = dir.resolve("out/gate.md");
    Path junit = dir.resolve("out/gate.xml");
    CliRunner.Result r = CliRunner.gate("--baseline", dir.resolve("good").toString(),
        "--current", dir.resolve("bad").toString(), "--rule", "recall_at_10 >= -0.01",
        "--markdown", md.toString(), "--junit", junit.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL"), r.out());
    assertTrue(r.out().contains("delta -0."), r.out());
    assertTrue(Files.readString(md).contains("| FAIL |"));
    String xml = Files.readString(junit);
    assertTrue(xml.contains("failures=\"1\"") && xml.contains("<failure"), xml);
  }

  @Test
  void improvementIsReported() {
    CliRunner.Result r = CliRunner.gate("--baseline", bad.toString(), "--current",
        good.toString(), "--rule", "recall_at_10 >= -0.01");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().startsWith("IMPROVED"), r.out());
  }

  @Test
  void dropWithinNoiseIsNotAFailure() {
    // same quality, different random draw: any drop is noise
    CliRunner.Result r = CliRunner.gate("--baseline", good.toString(), "--current",
        slightlyWorse.toString(), "--rule", "recall_at_10 >= 0", "--rule", "mrr >= 0");
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void floorViolationFails() {
    CliRunner.Result r = CliRunner.gate("--baseline", good.toString(), "--current",
        good.toString(), "--rule", "recall_at_10 >= 0.99 absolute");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("below the floor"), r.out());
  }

  @Test
  void badInputExitsTwo() {
    assertEquals(2, CliRunner.gate("--baseline", good.toString(), "--current", good.toString(),
        "--rule", "recall_at_10 >= 0.6").code(), "positive tolerance is ambiguous");
    assertEquals(2, CliRunner.gate("--baseline", good.toString(), "--current", good.toString(),
        "--rule", "recal_at_10 >= -0.01").code(), "unknown metric");
    CliRunner.Result missing = CliRunner.gate("--baseline", dir.resolve("x.json").toString(),
        "--current", good.toString(), "--rule", "mrr >= -0.01");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("x.json"), missing.err());
  }
}
