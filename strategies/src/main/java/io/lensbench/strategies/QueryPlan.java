package io.lensbench.strategies;

import io.lensbench.stores.HybridRequest;
import java.util.List;

/**
 * What to search for one query: one or more sub-searches (kNN on a vector field, BM25 on a text
 * field) and how to fuse them. Sub-search {@code k} values are ignored: the executor searches each
 * at depth {@code max(k, candidates)}.
 *
 * @param searches sub-searches in a fixed order
 * @param weights one weight per sub-search (used by weighted fusion and weighted RRF)
 * @param fusion how several lists become one (ignored with a single sub-search)
 * @param candidates per-sub-search depth before fusion
 */
public record QueryPlan(
    List<HybridRequest.SubSearch> searches, List<Double> weights, FusionSpec fusion, int candidates) {
  public QueryPlan {
    searches = List.copyOf(searches);
    weights = List.copyOf(weights);
    if (weights.size() != searches.size()) {
      throw new IllegalArgumentException(
          "expected one weight per sub-search: " + searches.size() + " vs " + weights.size());
    }
  }

  public static QueryPlan single(HybridRequest.SubSearch search) {
    return new QueryPlan(List.of(search), List.of(1.0), FusionSpec.rrf(60), 0);
  }

  public boolean isEmpty() {
    return searches.isEmpty();
  }
}
