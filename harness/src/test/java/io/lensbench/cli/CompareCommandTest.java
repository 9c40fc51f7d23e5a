package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
