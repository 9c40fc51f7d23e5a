package io.lensbench.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.treceval.CFormat;
import io.lensbench.datasets.Qrels;
import io.lensbench.core.SearchHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  static final EvalOptions OPTS = EvalOptions.defaults().withCutoffs(1, 2, 3, 5, 10);

  static RunEvaluation eval(Map<String, Map<String, Integer>> qrels,
      Map<String, List<SearchHit>> hits, EvalOptions o) {
    return new Evaluator(o).evaluate(new Qrels(qrels), hits, "test");
  }

  static double v(RunEvaluation r, String q, String key) {
    return MetricKey.parse(key).value(r.query(q), r.options());
  }

  @Test
  void tiesBreakByDocIdDescendingInUtf8ByteOrderNotUtf16() {
    // U+FF21 (EF BC A1) < U+1F600 (F0 9F 98 80) in UTF-8, but > in UTF-16 (FF21 vs D83D)
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";
    assertTrue(fullwidthA.compareTo(emoji) > 0, "Java's String order differs here");
    Map<String, Map<String, Integer>> q = Map.of("q", Map.of(emoji, 1));
    RunEvaluation r = eval(q, Map.of("q", List.of(new SearchHit(fullwidthA, 1.0),
        new SearchHit(emoji, 1.0))), OPTS);
    assertEquals(1.0, v(r, "q", "mrr"), "emoji sorts first (descending UTF-8 bytes)");
    assertEquals(1.0, v(r, "q", "success_at_1"));
  }

  @Test
  void scoresAreNarrowedToFloatBeforeRanking() {
    // 0.1 and 0.1 + 1e-10 are different doubles but the same float: a tie, broken by doc id
    Map<String, Map<String, Integer>> q = Map.of("q", Map.of("a", 1));
    RunEvaluation r = eval(q, Map.of("q", List.of(new SearchHit("a", 0.1 + 1e-10),
        new SearchHit("b", 0.1))), OPTS);
    assertEquals(0.5, v(r, "q", "mrr"), "b > a descending, so a is second");
    assertEquals(2, r.query("q").tiesAt(0), "a tie group of 2 straddles cutoff 1");
  }

  @Test
  void everyQrelsQueryCountsMissingAndZeroRelevantScoreZero() {
    Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
    q.put("hit", Map.of("a", 1));
    q.put("missing", Map.of("a", 1));
    q.put("norel", Map.of("a", 0));
    Map<String, List<SearchHit>> h = new LinkedHashMap<>();
    h.put("hit", List.of(new SearchHit("a", 1)));
    h.put("norel", List.of(new SearchHit("a", 1)));
    h.put("unjudged", List.of(new SearchHit("a", 1)));
    RunEvaluation r = eval(q, h, OPTS);
    assertEquals(3, r.numQueries());
    assertEquals(1.0 / 3, r.mean(MetricKey.parse("recall_at_1")), 1e-15);
    assertTrue(r.query("missing").empty());
    assertFalse(r.query("missing").inRun());
    assertEquals(0.0, v(r, "norel", "ndcg"));
    assertEquals(List.of("unjudged"), r.unjudgedRunQueries());
  }

  @Test
  void duplicatesAreRefusedByDefaultAndCanBeDropped() {
    Map<String, Map<String, Integer>> q = Map.of("q", Map.of("a", 1, "b", 1));
    Map<String, List<SearchHit>> h = Map.of("q", List.of(new SearchHit("b", 3),
        new SearchHit("a", 2), new SearchHit("b", 1)));
    BadInputException e = assertThrows(BadInputException.class, () -> eval(q, h, OPTS));
    assertTrue(e.getMessage().contains("'b' twice"), e.getMessage());
    RunEvaluation r = eval(q, h, OPTS.withDuplicates(DuplicatePolicy.KEEP_FIRST));
    assertEquals(1, r.duplicatesRemoved());
    assertEquals(2, r.query("q").numRet());
    assertEquals(1.0, v(r, "q", "precision_at_2"));
  }

  @Test
  void mrrAtKAndNdcgUseGradesWhileBinaryMeasuresUseLevel() {
    Map<String, Map<String, Integer>> q = Map.of("q", Map.of("a", 1, "b", 3));
    Map<String, List<SearchHit>> h = Map.of("q", List.of(new SearchHit("x", 3),
        new SearchHit("y", 2.5), new SearchHit("a", 2), new SearchHit("b", 1)));
    RunEvaluation r = eval(q, h, OPTS);
    assertEquals(0.0, v(r, "q", "mrr_at_2"));
    assertEquals(1.0 / 3, v(r, "q", "mrr_at_3"), 1e-15);
    assertEquals(1.0 / 3, v(r, "q", "mrr"), 1e-15);
    double dcg = 1 / (Math.log(4) / Math.log(2)) + 3 / (Math.log(5) / Math.log(2));
    double ideal = 3 + 1 / (Math.log(3) / Math.log(2));
    assertEquals(dcg / ideal, v(r, "q", "ndcg"), 1e-12);
    RunEvaluation l2 = eval(q, h, OPTS.withRelevanceLevel(2));
    assertEquals(0.25, v(l2, "q", "mrr"), 1e-15, "only b (grade 3) is relevant at -l 2");
    assertEquals(v(r, "q", "ndcg"), v(l2, "q", "ndcg"), "nDCG ignores -l");
  }

  @Test
  void cFormatRoundsHalfEvenOnTheExactBinaryValue() {
    assertEquals("0.0312", CFormat.fixed(0.03125, 4));
    assertEquals("0.0938", CFormat.fixed(0.09375, 4));
    assertEquals("0.1562", CFormat.fixed(0.15625, 4));
    assertEquals("0.0001", CFormat.fixed(0.00005, 4)); // binary value is slightly above the half
    assertEquals("1.0000", CFormat.fixed(1.0, 4));
    assertEquals("12.5000", CFormat.fixed(12.5, 4));
    assertEquals("0.3333", CFormat.fixed(1.0 / 3, 4));
    assertEquals("0.6667", CFormat.fixed(2.0 / 3, 4));
  }
}
