package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations for the rerank table's "before" scores. */
class FirstStageScoreTest {

  private static List<RunData.Hit> list(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new RunData.Hit(id, 0)).toList();
  }

  @Test
  void perQueryValues() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1, "c", 0, "d", 1);
    List<RunData.Hit> ranked = list("x", "a", "c", "b", "y");
    assertEquals(2.0 / 3, FirstStageScore.perQuery("recall_at_5", judged, ranked), 1e-12);
    assertEquals(1.0 / 3, FirstStageScore.perQuery("recall_at_2", judged, ranked), 1e-12);
    assertEquals(0.2, FirstStageScore.perQuery("precision_at_10", judged, ranked), 1e-12);
    assertEquals(1, FirstStageScore.perQuery("success_at_2", judged, ranked));
    assertEquals(0, FirstStageScore.perQuery("success_at_1", judged, ranked));
    assertEquals(0.5, FirstStageScore.perQuery("mrr", judged, ranked), 1e-12);
    assertEquals(0, FirstStageScore.perQuery("mrr_at_1", judged, ranked));
    double dcg = 2 / log2(3) + 1 / log2(5);
    double ideal = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / ideal, FirstStageScore.perQuery("ndcg_at_10", judged, ranked), 1e-12);
    assertTrue(Double.isNaN(FirstStageScore.perQuery("bpref", judged, ranked)));
  }

  @Test
  void everyQrelsQueryCountsAndMissingRecordsScoreZero() {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    qrels.put("q1", Map.of("a", 1));
    qrels.put("q2", Map.of("b", 1));
    qrels.put("q3", Map.of("c", 0));
    Map<String, RunData.QueryRecord> recs = new LinkedHashMap<>();
    recs.put("q1", new RunData.QueryRecord("q1", list("z"), list("a", "z"), Map.of(), null));
    recs.put("q3", new RunData.QueryRecord("q3", list("c"), list("c"), Map.of(), null));
    // q1: success 1; q2: no record -> 0; q3: no relevant -> 0
    assertEquals(1.0 / 3, FirstStageScore.mean("success_at_10", qrels, recs), 1e-12);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
