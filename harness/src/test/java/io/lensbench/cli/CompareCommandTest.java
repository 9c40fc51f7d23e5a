package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  @Test
  void runDirectoriesAreComparedCellByCellWithSlices() throws Exception {
    GateCommandTest.cell(dir.resolve("a"), 0.8, 1);
    GateCommandTest.cell(dir.resolve("b"), 0.2, 2);
    GateCommandTest.cell(dir.resolve("c"), 0.8, 3);
    Path queries = dir.resolve("a/queries/text-en.jsonl");
    Files.createDirectories(queries.getParent());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      sb.append("{\"id\":\"q").append(i).append("\",\"kind\":\"text\",\"language\":\"")
          .append(i % 2 == 0 ? "en" : "ko").append("\",\"attributes\":{}}\n");
    }
    Files.writeString(queries, sb);
    CliRunner.Result r = CliRunner.compare(dir.resolve("a").toString(),
        dir.resolve("b").toString(), dir.resolve("c").toString(), "-m", "recall_at_10",
        "--format", "csv", "--permutations", "2000");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    // header + (all, kind=text, language=en, language=ko) × 2 runs
    assertEquals(1 + 4 * 2, lines.size(), r.out());
    String bVsA = lines.stream().filter(l -> l.contains(",all,") && l.contains("b/")).findFirst()
        .orElseThrow();
    String[] f = bVsA.split(",");
    assertTrue(Double.parseDouble(f[8]) < 0, "b is worse: " + bVsA);
    assertTrue(Double.parseDouble(f[12]) < 0.01, "Holm-adjusted p small: " + bVsA);
    assertTrue(lines.stream().anyMatch(l -> l.contains(",language=ko,")));
  }

  /** `compare A B` and `report A --compare B` print the same p for every cell and metric. */
  @Test
  void reportComparisonShowsComparesPValues() throws Exception {
    Path a = SyntheticRun.create(dir.resolve("run-a"), 0);
    Path b = SyntheticRun.create(dir.resolve("run-b"), 2);
    CliRunner.Result r = CliRunner.compare(a.toString(), b.toString(), "-m", "ndcg_at_10", "-m", "mrr",
        "--format", "csv");
    assertEquals(0, r.code(), r.err());
    CliRunner.Result rep = CliRunner.run((o, e) -> new ReportCommand(), a.toString(), "--compare", b.toString(),
        "--max-drilldown", "0");
    assertEquals(0, rep.code(), rep.err());
    Map<String, String> reportP = new HashMap<>();
    for (JsonNode row : new ObjectMapper().readTree(a.resolve("tables/compare-delta.json").toFile()).get("rows")) {
      reportP.put(row.get("cell").asText() + " " + row.get("metric").asText(), row.get("p").asText());
    }
    int checked = 0;
    for (String line : r.out().lines().skip(1).filter(l -> l.split(",")[1].equals("all")).toList()) {
      String[] f = line.split(",");
      String key = f[0] + " " + f[2];
      assertEquals(Double.parseDouble(f[11]), Double.parseDouble(reportP.get(key)), 0.0, key);
      checked++;
    }
    assertEquals(35 * 2, checked, "every common cell, two metrics");
  }

  @Test
  void trecFilesNeedQrels() throws Exception {
    Path a = dir.resolve("a.trec");
    Files.writeString(a, "q1 Q0 d 1 1 a\n");
    CliRunner.Result r = CliRunner.compare(a.toString(), a.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--qrels"), r.err());
  }

  @Test
  void trecFilesAreScoredAndPaired() throws Exception {
    Path q = dir.resolve("q.qrels");
    Files.writeString(q, "q1 0 d1 1\nq2 0 d2 1\nq3 0 d3 1\n");
    Path a = dir.resolve("a.trec");
    Path b = dir.resolve("b.trec");
    Files.writeString(a, "q1 Q0 d1 1 1 a\nq2 Q0 d2 1 1 a\nq3 Q0 x 1 1 a\n");
    Files.writeString(b, "q1 Q0 d1 1 1 b\nq2 Q0 x 1 1 b\n");
    CliRunner.Result r = CliRunner.compare(a.toString(), b.toString(), "--qrels", q.toString(),
        "-m", "success_at_1");
    assertEquals(0, r.code(), r.err());
    // q1 tie, q2 lost (b misses it), q3 tie (a misses, b has no result)
    assertTrue(r.out().contains("0/2/1"), r.out());
  }
}
