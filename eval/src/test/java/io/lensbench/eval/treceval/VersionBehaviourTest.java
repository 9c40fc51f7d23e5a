package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented 9.0.4 / 10.0 differences (VERSION-DIFFERENCES.md), each shown on a minimal input. */
class VersionBehaviourTest {
  @TempDir
  Path dir;

  private String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p.toString();
  }

  @Test
  void scoresAreFloatIn904AndDoubleIn10() throws Exception {
    String q = file("q", "1 0 a 1\n1 0 b 0\n");
    String r = file("r", "1 Q0 a 1 0.10000000002 r\n1 Q0 b 2 0.10000000001 r\n");
    // float: a tie, broken by decreasing docno -> b first; double: a first
    assertEquals("relstring             \t1\t'01'\n",
      Harness.port(TrecEvalVersion.V9_0_4, "-q", "-n", "-m", "relstring", q, r).out());
    assertEquals("relstring             \t1\t'10'\n",
      Harness.port(TrecEvalVersion.V10_0, "-q", "-n", "-m", "relstring", q, r).out());
  }

  @Test
  void recallLevelsAreRoundedIn10() {
    Path t = Harness.testsDir();
    String[] a = {"-m", "iprec_at_recall", t.resolve("qrels.test").toString(), t.resolve("results.test").toString()};
    String v9 = Harness.port(TrecEvalVersion.V9_0_4, a).out();
    String v10 = Harness.port(TrecEvalVersion.V10_0, a).out();
    assertTrue(v9.contains("iprec_at_recall_0.10  \tall\t0.3884"), v9);
    assertTrue(v10.contains("iprec_at_recall_0.10  \tall\t0.3885"), v10);
    assertTrue(v9.contains("iprec_at_recall_0.60  \tall\t0.0822"), v9);
    assertTrue(v10.contains("iprec_at_recall_0.60  \tall\t0.0858"), v10);
  }

  @Test
  void missingQueriesArePrintedWithCompleteFlagIn10Only() throws Exception {
    String q = file("q", "1 0 a 1\n2 0 b 1\n");
    String r = file("r", "1 Q0 a 1 1.0 r\n");
    String v9 = Harness.port(TrecEvalVersion.V9_0_4, "-q", "-c", "-m", "map", q, r).out();
    String v10 = Harness.port(TrecEvalVersion.V10_0, "-q", "-c", "-m", "map", q, r).out();
    assertEquals("map                   \t1\t1.0000\nmap                   \tall\t0.5000\n", v9);
    assertEquals("map                   \t1\t1.0000\nmap                   \t2\t0.0000\n"
      + "map                   \tall\t0.5000\n", v10);
  }

  @Test
  void newMeasuresExistIn10Only() throws Exception {
    String q = file("q", "1 0 a 1\n");
    String r = file("r", "1 Q0 a 1 1.0 r\n");
    for (String m : new String[] {"rbp", "rbp_resid", "unj", "dcg", "ideal_dcg"}) {
      assertEquals(1, Harness.port(TrecEvalVersion.V9_0_4, "-m", m, q, r).exit, m);
      assertEquals(0, Harness.port(TrecEvalVersion.V10_0, "-m", m, q, r).exit, m);
    }
  }

  @Test
  void versionFlag() {
    assertEquals("trec_eval version 9.0.4\n", Harness.port(TrecEvalVersion.V9_0_4, "-v").err());
    assertEquals("trec_eval version 10.0\n", Harness.port(TrecEvalVersion.V10_0, "-v").err());
    assertEquals(Harness.binary(Path.of(".").toAbsolutePath(), "-v").err(),
      Harness.port(TrecEvalVersion.V9_0_4, "-v").err());
  }
}
