package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir Path dir;
  Path qrels;
  Path run;

  @BeforeEach
  void files() throws Exception {
    qrels = dir.resolve("q.qrels");
    run = dir.resolve("r.trec");
    Files.writeString(qrels, "q1 0 a 1\nq1 0 b 2\nq2 0 c 1\n");
    Files.writeString(run, "q1 Q0 a 1 0.9 t\nq1 Q0 x 2 0.5 t\nq2 Q0 y 1 1.0 t\n");
  }

  void assertBadInput(CliRunner.Result r, String... fragments) {
    assertEquals(2, r.code(), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "stderr should mention '" + f + "': " + r.err());
    }
  }

  @Test
  void malformedLineNamesFileAndLine() throws Exception {
    Files.writeString(run, "q1 Q0 a 1 0.9 t\nq1 Q0 b 2 0.5\n");
    assertBadInput(CliRunner.eval("--qrels", qrels.toString(), "--run", run.toString()),
        run.toString() + " line 2", "Malformed line");
  }

  @Test
  void whatTrecEvalAcceptsIsAccepted() throws Exception {
    // trec_eval reads a score with atof and a grade with atol: "high" is 0.0, "yes" is 0
    Files.writeString(run, "q1 Q0 a 1 0.9 t\n\nq1 Q0 b 2 high t more junk\n");
    Files.writeString(qrels, "q1 0 a 1\nq1 0 b yes\n");
    CliRunner.Result r = CliRunner.eval("-m", "num_rel", "-m", "num_ret", qrels.toString(), run.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("num_ret               \tall\t2\nnum_rel               \tall\t1\n", r.out());
  }

  @Test
  void unknownMeasureAndMissingFile() {
    assertBadInput(CliRunner.eval("-m", "bogus", qrels.toString(), run.toString()),
        "illegal measure 'bogus'");
    assertBadInput(CliRunner.eval(qrels.toString(), dir.resolve("nope.trec").toString()),
        "Cannot read results file", "nope.trec");
    assertBadInput(CliRunner.eval("-m", "P.5,5", qrels.toString(), run.toString()),
        "duplicate cutoffs");
    assertBadInput(CliRunner.eval("--trec-eval-version", "8", qrels.toString(), run.toString()),
        "--trec-eval-version");
  }

  @Test
  void unknownRunQueriesAreIgnoredByDefaultAndCanBeReportedOrRefused() throws Exception {
    Files.writeString(run, "q1 Q0 a 1 0.9 t\nq1 Q0 b 2 0.5 t\nzz Q0 a 1 0.1 t\n");
    CliRunner.Result ignored = CliRunner.eval("-m", "num_q", qrels.toString(), run.toString());
    assertEquals(0, ignored.code(), ignored.err());
    assertEquals("", ignored.err());
    CliRunner.Result warn = CliRunner.eval("--unknown-queries", "warn", "-m", "num_q", qrels.toString(), run.toString());
    assertEquals(0, warn.code(), warn.err());
    assertTrue(warn.err().contains("'zz'"), warn.err());
    assertBadInput(CliRunner.eval("--unknown-queries", "error", qrels.toString(), run.toString()),
        run + " line 3", "query 'zz' is not in");
  }

  @Test
  void duplicateDocIdsAreRefusedOrDropped() throws Exception {
    Files.writeString(run, "q1 Q0 a 1 0.9 t\nq1 Q0 b 2 0.5 t\nq1 Q0 a 3 0.1 t\n");
    assertBadInput(CliRunner.eval(qrels.toString(), run.toString()), "duplicate docs a", run.toString());
    CliRunner.Result r = CliRunner.eval("--duplicates", "keep-first", "-m", "num_ret",
        qrels.toString(), run.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("num_ret               \tall\t2\n", r.out());
    assertTrue(r.err().contains("removed 1 duplicate"), r.err());
  }

  @Test
  void jsonFormatUsesMachineKeysAndTheRunDirectoryShape() throws Exception {
    CliRunner.Result r = CliRunner.eval("-c", "--format", "json", "--qrels", qrels.toString(),
        "--run", run.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("numQueries").asInt());
    assertEquals(0.5, j.at("/summary/success_at_1/mean").asDouble());
    assertTrue(j.at("/summary/recall_at_10/ciLow").isNumber());
    assertEquals(1.0, j.at("/perQuery/q1/mrr").asDouble());
    assertEquals(1.0, j.at("/perQuery/q1/mrr_at_10").asDouble());
    assertEquals(1000, j.at("/bootstrap/resamples").asInt());
  }

  @Test
  void csvFormat() {
    CliRunner.Result r = CliRunner.eval("-q", "-c", "--format", "csv", qrels.toString(),
        run.toString());
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("query,recall_at_1,"), lines[0]);
    assertEquals(4, lines.length);
    assertTrue(lines[3].startsWith("all,"));
  }
}
