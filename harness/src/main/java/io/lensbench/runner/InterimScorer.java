package io.lensbench.runner;

import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.stores.SearchHit;
import io.lensbench.strategies.fusion.Ranking;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TEMPORARY, minimal scorer used until the metrics module's scorer (io.lensbench.metrics) is on
 * main: recall@10, success@10, MRR (trec_eval recip_rank), nDCG@10 with trec_eval's rules (ties by
 * docno descending, every query of the set counted, missing query = 0, grades as gains). Means
 * only — no bootstrap intervals. {@link DefaultComponents} switches to the real scorer.
 */
final class InterimScorer implements CellScorer {

  @Override
  public Map<String, Double> score(
      CellId cell, QuerySet qs, Map<String, List<SearchHit>> run, Path metricsFile) {
    Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Double>>> sliced = new LinkedHashMap<>();
    for (Query q : qs.queries()) {
      Map<String, Double> m = perQuery(qs.qrels().forQuery(q.id()), run.getOrDefault(q.id(), List.of()));
      perQuery.put(q.id(), m);
      sliced.computeIfAbsent("kind=" + q.kind().wireName(), x -> new LinkedHashMap<>()).put(q.id(), m);
      sliced.computeIfAbsent("language=" + q.language(), x -> new LinkedHashMap<>()).put(q.id(), m);
    }
    Map<String, Double> means = means(perQuery);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cell", cell.toString());
    json.put("dataset", cell.dataset());
    json.put("querySet", cell.querySet());
    json.put("strategy", cell.strategy());
    json.put("store", cell.store());
    json.put("reranker", cell.reranker());
    json.put("numQueries", perQuery.size());
    json.put("summary", wrap(means));
    Map<String, Object> slices = new LinkedHashMap<>();
    sliced.forEach((k, v) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("numQueries", v.size());
      s.put("summary", wrap(means(v)));
      slices.put(k, s);
    });
    json.put("slices", slices);
    json.put("perQuery", perQuery);
    json.put("scorer", "interim");
    RunFiles.writeJson(metricsFile, json);
    return means;
  }

  private static Map<String, Object> wrap(Map<String, Double> means) {
    Map<String, Object> out = new LinkedHashMap<>();
    means.forEach((k, v) -> out.put(k, Map.of("mean", v)));
    return out;
  }

  private static Map<String, Double> means(Map<String, Map<String, Double>> perQuery) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Map<String, Double> m : perQuery.values()) {
      m.forEach((k, v) -> sums.merge(k, v, Double::sum));
    }
    Map<String, Double> means = new LinkedHashMap<>();
    int n = perQuery.size();
    sums.forEach((k, v) -> means.put(k, n == 0 ? 0.0 : v / n));
    return means;
  }

  static Map<String, Double> perQuery(Map<String, Integer> judged, List<SearchHit> hits) {
    List<SearchHit> ranked = Ranking.sortAndCut(hits, 0);
    int numRel = 0;
    for (int g : judged.values()) {
      if (g > 0) {
        numRel++;
      }
    }
    int relRet10 = 0;
    double rr = 0;
    double dcg = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int g = judged.getOrDefault(ranked.get(i).id(), 0);
      if (g > 0) {
        if (rr == 0) {
          rr = 1.0 / (i + 1);
        }
        if (i < 10) {
          relRet10++;
          dcg += g / (Math.log(i + 2) / Math.log(2));
        }
      }
    }
    int[] grades = judged.values().stream().filter(g -> g > 0)
        .sorted((a, b) -> Integer.compare(b, a)).mapToInt(Integer::intValue).toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(10, grades.length); i++) {
      idcg += grades[i] / (Math.log(i + 2) / Math.log(2));
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("recall_at_10", numRel == 0 ? 0.0 : (double) relRet10 / numRel);
    m.put("success_at_10", relRet10 > 0 ? 1.0 : 0.0);
    m.put("mrr", rr);
    m.put("ndcg_at_10", idcg == 0 ? 0.0 : dcg / idcg);
    return m;
  }
}
