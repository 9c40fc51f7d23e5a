package io.lensbench.scale;

import java.util.List;
import java.util.Map;

/**
 * What a scale run does (docs/scale.md).
 *
 * @param steps corpus sizes, ascending (real items plus seeded vector-model distractors)
 * @param stores store names
 * @param sweeps the index sweep per store name
 * @param strategies the single-vector strategies, by experiment strategy id, each swept on every store
 * @param querySet the query set searched
 * @param k depth of every search (recall@k, nDCG@k, ANN recall@k)
 * @param rounds measured passes over the queries per search setting (after a warm-up)
 * @param batchSize documents per encoded / upserted batch
 * @param seed the distractors' seed
 * @param keep keep the collections after measuring (default: dropped)
 * @param searchBudgetSeconds per search setting, the most seconds its searches may take (warm-up
 *     included); past it the setting stops after the current query and its row says how many
 *     queries it measured (0: no budget)
 */
public record ScaleSettings(List<Long> steps, List<String> stores, Map<String, IndexSweep> sweeps,
    List<String> strategies, String querySet, int k, int rounds, int batchSize, long seed, boolean keep,
    int searchBudgetSeconds) {

  public ScaleSettings {
    strategies = List.copyOf(strategies);
  }

  /** As {@code scale.json} records it. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("steps", steps);
    m.put("strategies", strategies);
    m.put("querySet", querySet);
    m.put("k", k);
    m.put("rounds", rounds);
    m.put("batchSize", batchSize);
    m.put("seed", seed);
    m.put("searchBudgetSeconds", searchBudgetSeconds == 0 ? null : searchBudgetSeconds);
    Map<String, Object> sw = new java.util.LinkedHashMap<>();
    sweeps.forEach((store, sweep) -> sw.put(store, sweep.toJson()));
    m.put("sweeps", sw);
    return m;
  }
}
