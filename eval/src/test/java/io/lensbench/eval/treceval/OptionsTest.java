package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** getopt_long-compatible parsing of the trec_eval command line. */
class OptionsTest {
  @Test
  void parsesLikeGetoptLong() throws Exception {
    TrecEvalOptions o = TrecEvalOptions.parse("q.txt", "-qc", "-mall_trec", "--measure=P.5,10", "-l", "2",
      "--Max_ret", "100", "-D3.301", "r.txt", "--nosum");
    assertTrue(o.perQuery());
    assertTrue(o.completeRelInfo());
    assertEquals(2, o.relevanceLevel());
    assertEquals(100, o.maxDocsPerTopic);
    assertEquals(3, o.debugLevel);
    assertEquals("301", o.debugQuery);
    assertEquals("q.txt", o.relInfoFile());
    assertEquals("r.txt", o.resultsFile());
    assertTrue(o.markedMeasures().contains("ndcg_cut"));
    assertEquals(TrecEvalVersion.V10_0, o.version());
    assertTrue(!o.summaryFlag);
    assertEquals("P", o.measureArgs.get(0)[0]);
    assertEquals("5,10", o.measureArgs.get(0)[1]);
  }

  @Test
  void selectsTheEmulatedVersion() throws Exception {
    assertEquals(TrecEvalVersion.V9_0_4, TrecEvalOptions.parse("--trec-eval-version=9.0.4", "a", "b").version());
    assertEquals(TrecEvalVersion.V9_0_4, TrecEvalOptions.parse("--trec-eval-version", "9", "a", "b").version());
    assertEquals(TrecEvalVersion.V10_0, TrecEvalOptions.parse("a", "b").version());
  }

  @Test
  void refusesWhatGetoptRefuses() {
    assertEquals(1, assertThrows(TrecEvalException.class, () -> TrecEvalOptions.parse("-x", "a", "b")).exitCode());
    // --Re is ambiguous (Rel_info_format, Results_format); --c abbreviates complete_rel_info_wanted
    assertEquals(1, assertThrows(TrecEvalException.class, () -> TrecEvalOptions.parse("--Re", "x", "a", "b"))
      .exitCode());
    assertEquals(1, assertThrows(TrecEvalException.class, () -> TrecEvalOptions.parse("a", "-m")).exitCode());
    assertEquals(1, assertThrows(TrecEvalException.class, () -> TrecEvalOptions.parse("a")).exitCode());
  }

  @Test
  void acceptsUniqueAbbreviations() throws Exception {
    assertTrue(TrecEvalOptions.parse("--c", "a", "b").completeRelInfo());
  }

  @Test
  void versionStopsParsing() throws Exception {
    assertEquals(TrecEvalOptions.Action.VERSION, TrecEvalOptions.parse("-v", "-x").action());
    assertEquals(TrecEvalOptions.Action.HELP, TrecEvalOptions.parse("-h").action());
  }
}
