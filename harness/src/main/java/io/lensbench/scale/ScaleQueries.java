package io.lensbench.scale;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.stores.HybridRequest;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The queries of a scale step, encoded once: one kNN vector each (a scale run measures the
 * engine, so only single-vector strategies take part), with the query set's judgments.
 */
public record ScaleQueries(String querySet, String field, List<String> ids, List<float[]> vectors,
    Map<String, Map<String, Integer>> qrels) {

  /** Encodes {@code qs} with {@code strategy}; bad input when a plan is not one kNN search. */
  public static ScaleQueries encode(Strategy strategy, QuerySet qs) {
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    String field = null;
    for (Query q : qs.queries()) {
      QueryPlan plan = strategy.plan(q);
      if (plan.searches().size() != 1 || !(plan.searches().get(0) instanceof HybridRequest.Knn knn)) {
        throw new BadInputException("bench scale: strategy '" + strategy.id() + "', query " + q.id()
            + ": expected one kNN search (a single-vector strategy), found " + plan.searches().size()
            + " sub-searches");
      }
      field = knn.field();
      ids.add(q.id());
      vectors.add(knn.vector());
    }
    return new ScaleQueries(qs.name(), field, ids, vectors, qs.qrels().asMap());
  }

  /** recall@k and nDCG@k of one query's ranked ids against its judgments (trec_eval's definitions); null when unjudged. */
  public double[] quality(int i, List<String> ranked, int k) {
    Map<String, Integer> rel = qrels.getOrDefault(ids.get(i), Map.of());
    long relevant = rel.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return null;
    }
    double dcg = 0;
    int hits = 0;
    for (int r = 0; r < Math.min(k, ranked.size()); r++) {
      int g = rel.getOrDefault(ranked.get(r), 0);
      if (g > 0) {
        hits++;
        dcg += g / (Math.log(r + 2) / Math.log(2));
      }
    }
    List<Integer> ideal = rel.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int r = 0; r < Math.min(k, ideal.size()); r++) {
      idcg += ideal.get(r) / (Math.log(r + 2) / Math.log(2));
    }
    return new double[] {(double) hits / relevant, idcg == 0 ? 0 : dcg / idcg};
  }
}
