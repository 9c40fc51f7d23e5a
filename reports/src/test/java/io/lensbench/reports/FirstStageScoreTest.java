package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.run.QueryRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations for the rerank table's "before" scores (scored by eval's Evaluator). */
class FirstStageScoreTest {

  private static List<SearchHit> list(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new SearchHit(id, 0)).toList();
  }

  /** One query judged {@code judged}, whose first-stage list is {@code ranked}. */
  private static double perQuery(String metric, Map<String, Integer> judged, List<SearchHit> ranked) {
    return FirstStageScore.mean(metric, new Qrels(Map.of("q", judged)),
        Map.of("q", new QueryRecord("q", List.of(), ranked, null, null)));
  }

  @Test
  void perQueryValues() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1, "c", 0, "d", 1);
    List<SearchHit> ranked = list("x", "a", "c", "b", "y");
    assertEquals(2.0 / 3, perQuery("recall_at_5", judged, ranked), 1e-12);
    assertEquals(1.0 / 3, perQuery("recall_at_2", judged, ranked), 1e-12);
    assertEquals(0.2, perQuery("precision_at_10", judged, ranked), 1e-12);
    assertEquals(1, perQuery("success_at_2", judged, ranked));
    assertEquals(0, perQuery("success_at_1", judged, ranked));
    assertEquals(0.5, perQuery("mrr", judged, ranked), 1e-12);
    assertEquals(0, perQuery("mrr_at_1", judged, ranked));
    double dcg = 2 / log2(3) + 1 / log2(5);
    double ideal = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / ideal, perQuery("ndcg_at_10", judged, ranked), 1e-12);
    assertTrue(Double.isNaN(perQuery("no_such_metric", judged, ranked)), "an unknown metric is NaN");
  }

  @Test
  void everyQrelsQueryCountsAndMissingRecordsScoreZero() {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    qrels.put("q1", Map.of("a", 1));
    qrels.put("q2", Map.of("b", 1));
    qrels.put("q3", Map.of("c", 0));
    Map<String, QueryRecord> recs = new LinkedHashMap<>();
    recs.put("q1", new QueryRecord("q1", list("z"), list("a", "z"), null, null));
    recs.put("q3", new QueryRecord("q3", list("c"), list("c"), null, null));
    // q1: success 1; q2: no record -> 0; q3: no relevant -> 0
    assertEquals(1.0 / 3, FirstStageScore.mean("success_at_10", new Qrels(qrels), recs), 1e-12);
  }

  @Test
  void aRecordWithoutAFirstStageListIsNotScored() {
    Map<String, QueryRecord> recs = Map.of("q1", new QueryRecord("q1", list("a"), null, null, null));
    assertTrue(Double.isNaN(FirstStageScore.mean("mrr", new Qrels(Map.of("q1", Map.of("a", 1))), recs)));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
