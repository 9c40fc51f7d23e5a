package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** (d) Inputs and command lines trec_eval refuses: same exit status and messages (9.0.4 checked against the binary). */
class ErrorCasesTest {
  @TempDir
  Path dir;

  private static final String QRELS = "1 0 a 1\n1 0 b 0\n1 0 c 2\n2 0 a 0\n2 0 d 1\n";
  private static final String RUN = "1 Q0 a 1 0.9 r\n1 Q0 b 2 0.8 r\n1 Q0 x 3 0.7 r\n2 Q0 d 1 0.5 r\n";

  private String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p.toString();
  }

  /** Runs the port (both versions) and, for 9.0.4, the binary; returns the 10.0 outcome. */
  private Harness.Outcome both(String... args) {
    Harness.Outcome bin = Harness.binary(dir, args);
    Harness.Outcome v9 = Harness.port(TrecEvalVersion.V9_0_4, args);
    assertEquals(bin.exit, v9.exit, () -> "exit: port " + v9 + "\nbinary " + bin);
    assertEquals(bin.out(), v9.out(), "stdout");
    assertEquals(bin.err(), v9.err(), "stderr");
    return Harness.port(TrecEvalVersion.V10_0, args);
  }

  @Test
  void duplicateDocnoInRun() throws IOException {
    String q = file("q", QRELS);
    String r = file("r", "1 Q0 a 1 0.9 r\n1 Q0 b 2 0.8 r\n1 Q0 a 3 0.7 r\n2 Q0 d 1 0.5 r\n");
    Harness.Outcome o = both(q, r);
    assertEquals(4, o.exit);
    assertEquals("trec_eval.form_res_qrels: duplicate docs atrec_eval: Can't calculate measure 'num_ret'\n", o.err());
  }

  @Test
  void duplicateDocnoInRunPrintsEarlierQueries() throws IOException {
    String q = file("q", QRELS);
    String r = file("r", "1 Q0 a 1 0.9 r\n2 Q0 d 1 0.5 r\n2 Q0 d 2 0.4 r\n");
    Harness.Outcome o = both("-q", q, r);
    assertEquals(4, o.exit);
    assertTrue(o.out().startsWith("num_ret               \t1\t1\n"), o::toString);
  }

  @Test
  void duplicateJudgementInQrels() throws IOException {
    String q = file("q", QRELS + "1 0 a 0\n");
    Harness.Outcome o = both(q, file("r", RUN));
    assertEquals(4, o.exit);
    assertEquals("trec_eval.form_res_rels: duplicate docs a\ntrec_eval: Can't calculate measure 'num_ret'\n",
      o.err());
  }

  @Test
  void malformedRunLine() throws IOException {
    String r = file("r", "1 Q0 a 1 0.9 r\n\n1 Q0 b 2 0.8\n");
    Harness.Outcome o = both(file("q", QRELS), r);
    assertEquals(2, o.exit);
    assertEquals("trec_eval.get_results: Malformed line 2\ntrec_eval: Quit in file '" + r + "'\n", o.err());
  }

  @Test
  void malformedRunLineReportsPhysicalLineInException() throws Exception {
    String r = file("r", "# comment\n1 Q0 a 1 0.9 r\n\n1 Q0 b 2 0.8\n");
    TrecEvalException e = org.junit.jupiter.api.Assertions.assertThrows(TrecEvalException.class,
      () -> TrecEval.run(TrecEvalOptions.parse(file("q", QRELS), r), new java.io.PrintStream(
        java.io.OutputStream.nullOutputStream())));
    assertEquals(2, e.exitCode());
    assertEquals(r, e.fileName());
    assertEquals(4, e.lineNumber());
    assertTrue(e.getMessage().startsWith("trec_eval.get_results: Malformed line 2\n"), e.getMessage());
  }

  @Test
  void malformedQrelsLines() throws IOException {
    String r = file("r", RUN);
    for (String bad : new String[] {"1 0 a\n", "1 0 a 1 extra\n", "\n", "   \n"}) {
      String q = file("q", QRELS + bad);
      Harness.Outcome o = both(q, r);
      assertEquals(2, o.exit, bad);
      assertEquals("trec_eval.get_qrels: Malformed line 6\ntrec_eval: Quit in file '" + q + "'\n", o.err());
    }
  }

  @Test
  void unreadableFiles() throws IOException {
    String q = file("q", QRELS);
    Harness.Outcome o = both(dir.resolve("nope").toString(), q);
    assertEquals(2, o.exit);
    assertTrue(o.err().startsWith("trec_eval.get_qrels: Cannot read qrels file"), o::toString);
    o = both(q, file("empty", ""));
    assertEquals(2, o.exit);
    assertTrue(o.err().startsWith("trec_eval.get_results: Cannot read results file"), o::toString);
    o = both("-Z", dir.resolve("nope").toString(), q, file("r", RUN));
    assertEquals(255, o.exit);
  }

  @Test
  void commandLineErrors() throws IOException {
    String q = file("q", QRELS);
    String r = file("r", RUN);
    Harness.Outcome o = both("-m", "nosuchmeasure", q, r);
    assertEquals(1, o.exit);
    assertEquals("trec_eval: illegal measure 'nosuchmeasure'\n", o.err());
    o = both("-m", "P.", q, r);
    assertEquals(1, o.exit);
    assertEquals("trec_eval: improper measure in parameter 'P'\ntrec_eval: illegal measure 'P'\n", o.err());
    o = both(q);
    assertEquals(1, o.exit);
    assertEquals(TrecEvalOptions.USAGE, o.err());
    o = both("-m", "P.0,5", q, r);
    assertEquals(2, o.exit);
    assertEquals("trec_eval: Negative cutoff detected\ntrec_eval: Cannot initialize measure 'P'\n", o.err());
    o = both("-m", "recall.5,5", q, r);
    assertEquals(2, o.exit);
    assertEquals("trec_eval: duplicate cutoffs detected\ntrec_eval: Cannot initialize measure 'recall'\n",
      o.err());
    o = both("-m", "ndcg.1=2,,3=4", q, r);
    assertEquals(2, o.exit);
    o = both("-R", "nosuchformat", q, r);
    assertEquals(2, o.exit);
    assertEquals("trec_eval: Illegal rel_format 'nosuchformat'\n", o.err());
    o = both("-m", "all_trec", "-R", "prefs", file("p", "1 a b d1 1\n1 a b d2 0\n"), r);
    assertEquals(4, o.exit);
    assertTrue(o.err().contains("rel_info format not qrels"), o::toString);
  }

  @Test
  void noQueryInCommon() throws IOException {
    Harness.Outcome o = both(file("q", QRELS), file("r", "9 Q0 a 1 0.9 r\n"));
    assertEquals(7, o.exit);
    assertEquals("trec_eval: No queries with both results and relevance info\n", o.err());
  }

  @Test
  void refusesOverlongLines() throws IOException {
    String r = file("r", "1 Q0 a 1 0.9 r\n1 Q0 " + "x".repeat(70_000) + " 2 0.8 r\n");
    Harness.Outcome o = Harness.port(TrecEvalVersion.V10_0, file("q", QRELS), r);
    assertEquals(2, o.exit);
    assertEquals("trec_eval.get_results: line 2 of '" + r + "' is longer than 65536 bytes\n"
      + "trec_eval: Quit in file '" + r + "'\n", o.err());
  }

  @Test
  void commentLinesOnlyIn10() throws IOException {
    String q = file("q", "# header\n" + QRELS);
    String r = file("r", "# run comment\n  # indented comment\n" + RUN);
    Harness.Outcome v10 = Harness.port(TrecEvalVersion.V10_0, q, r);
    assertEquals(0, v10.exit, v10::toString);
    assertEquals(Harness.port(TrecEvalVersion.V10_0, file("q2", QRELS), file("r2", RUN)).out(), v10.out());
    both(q, file("r3", RUN)); // 9.0.4 (binary and port alike) refuses the comment line
    assertEquals(2, Harness.binary(dir, q, r).exit);
    assertEquals(2, Harness.port(TrecEvalVersion.V9_0_4, q, r).exit);
    // get_qrels.c parses the line after a skipped comment unconditionally: two comments in a row are refused
    Harness.Outcome twice = Harness.port(TrecEvalVersion.V10_0, file("q4", "# a\n# b\n" + QRELS), r);
    assertEquals(2, twice.exit);
    assertTrue(twice.err().startsWith("trec_eval.get_qrels: Malformed line 1\n"), twice::toString);
  }

  @Test
  void resultsFromStandardInputIn10() throws IOException {
    String q = file("q", QRELS);
    Harness.Outcome viaStdin = Harness.port(TrecEvalVersion.V10_0, RUN.getBytes(StandardCharsets.UTF_8), q, "-");
    Harness.Outcome viaFile = Harness.port(TrecEvalVersion.V10_0, q, file("r", RUN));
    assertEquals(0, viaStdin.exit, viaStdin::toString);
    assertEquals(viaFile.out(), viaStdin.out());
  }
}
