package io.lensbench.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Qrels;
import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Changing one judgment must move exactly the metrics it should, in the right direction. */
class PerturbationTest {
  static final EvalOptions OPTS = EvalOptions.defaults().withCutoffs(1, 3, 5, 10, 20);
  static final List<MetricKey> KEYS = MetricKey.all(OPTS.cutoffs());

  /** Ranking d1..d20 (d1 best); relevant: d5 (grade 1), d8 (grade 2). */
  static Map<String, Integer> base() {
    Map<String, Integer> j = new LinkedHashMap<>();
    j.put("d5", 1);
    j.put("d8", 2);
    j.put("d2", 0);
    j.put("d3", 0);
    return j;
  }

  static Map<String, Double> score(Map<String, Integer> judgments, EvalOptions o) {
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      hits.add(new SearchHit("d" + i, 100 - i));
    }
    RunEvaluation r = new Evaluator(o).evaluate(new Qrels(Map.of("q", judgments)),
        Map.of("q", hits), "p");
    Map<String, Double> out = new HashMap<>();
    for (MetricKey k : KEYS) {
      out.put(k.key(), k.value(r.query("q"), o));
    }
    return out;
  }

  static Set<String> changed(Map<String, Double> a, Map<String, Double> b) {
    Set<String> s = new TreeSet<>();
    a.forEach((k, v) -> {
      if (!v.equals(b.get(k))) {
        s.add(k);
      }
    });
    return s;
  }

  @Test
  void makingRank3RelevantImprovesEverythingFromCutoff3() {
    Map<String, Double> before = score(base(), OPTS);
    Map<String, Integer> j = base();
    j.put("d3", 1);
    Map<String, Double> after = score(j, OPTS);
    Set<String> expected = new TreeSet<>(List.of(
        "precision_at_3", "precision_at_5", "precision_at_10", "precision_at_20",
        "recall_at_3", "recall_at_5", "success_at_3",
        "mrr_at_3", "mrr_at_5", "mrr_at_10", "mrr_at_20", "mrr", "ndcg_at_3", "ndcg_at_5",
        "ndcg_at_10", "ndcg_at_20", "ndcg", "map_at_3", "map_at_5", "map_at_10", "map_at_20",
        "map", "rprec", "num_rel", "num_rel_ret"));
    assertEquals(expected, changed(before, after));
    for (String k : expected) {
      assertTrue(after.get(k) > before.get(k), k + " must rise");
    }
    // rank 1 is untouched; recall@10 stays 1 (2/2 → 3/3: both relevant sets fully in the top 10)
    assertEquals(0.0, after.get("success_at_1"));
    assertEquals(1.0, after.get("recall_at_10"));
  }

  @Test
  void raisingAGradeMovesOnlyNdcgAtLevelOne() {
    Map<String, Double> before = score(base(), OPTS);
    Map<String, Integer> j = base();
    j.put("d5", 3);
    Map<String, Double> after = score(j, OPTS);
    Set<String> ch = changed(before, after);
    assertTrue(ch.stream().allMatch(k -> k.startsWith("ndcg")), ch.toString());
    assertTrue(ch.containsAll(List.of("ndcg_at_5", "ndcg_at_10", "ndcg")), ch.toString());
    assertTrue(!ch.contains("ndcg_at_1") && !ch.contains("ndcg_at_3"), "d5 is at rank 5");
  }

  @Test
  void raisingAGradeAcrossTheRelevanceLevelMovesBinaryMeasures() {
    EvalOptions l2 = OPTS.withRelevanceLevel(2);
    Map<String, Double> before = score(base(), l2);
    Map<String, Integer> j = base();
    j.put("d5", 2);
    Map<String, Double> after = score(j, l2);
    assertTrue(after.get("mrr") > before.get("mrr"));
    assertTrue(after.get("success_at_5") > before.get("success_at_5"));
    assertEquals(before.get("success_at_3"), after.get("success_at_3"));
  }

  @Test
  void judgingAnUnretrievedDocRelevantHurtsRecallAndMapButNotPrecision() {
    Map<String, Double> before = score(base(), OPTS);
    Map<String, Integer> j = base();
    j.put("elsewhere", 1);
    Map<String, Double> after = score(j, OPTS);
    for (String k : List.of("recall_at_5", "recall_at_10", "recall_at_20", "map", "map_at_10",
        "ndcg", "ndcg_at_20")) {
      assertTrue(after.get(k) < before.get(k), k + " must fall");
    }
    for (String k : List.of("precision_at_5", "precision_at_20", "success_at_5", "mrr",
        "mrr_at_10", "num_rel_ret")) {
      assertEquals(before.get(k), after.get(k), k + " must not move");
    }
  }

  @Test
  void aJudgmentBelowTheCutoffLeavesTopKMeasuresAlone() {
    Map<String, Double> before = score(base(), OPTS);
    Map<String, Integer> j = base();
    j.put("d15", 1);
    Map<String, Double> after = score(j, OPTS);
    for (String k : List.of("precision_at_10", "success_at_10", "mrr_at_10", "mrr",
        "precision_at_1", "success_at_1")) {
      assertEquals(before.get(k), after.get(k), k + " must not move");
    }
    assertTrue(after.get("precision_at_20") > before.get("precision_at_20"));
    assertTrue(after.get("recall_at_10") < before.get("recall_at_10"), "num_rel grew");
  }
}
