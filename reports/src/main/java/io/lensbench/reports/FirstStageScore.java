package io.lensbench.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the first-stage (before rerank) lists kept in a reranked cell's records, for the rerank
 * table's "before" column when the run has no un-reranked cell of the same strategy and store.
 * The lists are in the runner's final order (score descending, ties by id descending — trec_eval's
 * order), so ranks are list positions. Semantics as trec_eval -c: every qrels query counts (a
 * query without a record scores 0), binary relevance at grade ≥ 1, nDCG with the raw grades as
 * gains and log2(rank + 1) discounts. Supported keys: recall_at_K, precision_at_K, success_at_K,
 * mrr, mrr_at_K, ndcg_at_K; anything else is NaN.
 */
final class FirstStageScore {
  private FirstStageScore() {}

  static double mean(String metric, Map<String, Map<String, Integer>> qrels,
      Map<String, RunData.QueryRecord> records) {
    if (qrels == null || qrels.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Map.Entry<String, Map<String, Integer>> q : qrels.entrySet()) {
      RunData.QueryRecord r = records.get(q.getKey());
      if (r == null || r.firstStage() == null) {
        if (r != null) {
          return Double.NaN; // not a reranked record: nothing to score
        }
        continue;
      }
      double v = perQuery(metric, q.getValue(), r.firstStage());
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      sum += v;
    }
    return sum / qrels.size();
  }

  static double perQuery(String metric, Map<String, Integer> judged, List<RunData.Hit> list) {
    int k = Integer.MAX_VALUE;
    String base = metric;
    int at = metric.lastIndexOf("_at_");
    if (at > 0) {
      try {
        k = Integer.parseInt(metric.substring(at + 4));
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
      base = metric.substring(0, at);
    }
    int numRel = 0;
    List<Integer> gains = new ArrayList<>();
    for (int g : judged.values()) {
      if (g >= 1) {
        numRel++;
        gains.add(g);
      }
    }
    int depth = Math.min(k, list.size());
    Set<String> seen = new HashSet<>();
    int relFound = 0;
    int firstRel = 0;
    double dcg = 0;
    for (int i = 0; i < list.size(); i++) {
      String id = list.get(i).id();
      if (!seen.add(id)) {
        continue;
      }
      int g = judged.getOrDefault(id, 0);
      if (g >= 1) {
        if (firstRel == 0) {
          firstRel = i + 1;
        }
        if (i < depth) {
          relFound++;
          dcg += g / (Math.log(i + 2) / Math.log(2));
        }
      }
    }
    switch (base) {
      case "recall":
        return numRel == 0 ? 0 : (double) relFound / numRel;
      case "precision":
        return k == Integer.MAX_VALUE ? Double.NaN : (double) relFound / k;
      case "success":
        return relFound > 0 ? 1 : 0;
      case "mrr":
        return firstRel == 0 || firstRel > k ? 0 : 1.0 / firstRel;
      case "ndcg": {
        gains.sort(Collections.reverseOrder());
        double ideal = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
          ideal += gains.get(i) / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
      }
      default:
        return Double.NaN;
    }
  }
}
