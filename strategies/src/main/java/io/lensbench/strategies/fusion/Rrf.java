package io.lensbench.strategies.fusion;

import io.lensbench.core.Ranking;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher 2009): {@code score(d) = Σ_i w_i / (k +
 * rank_i(d))} with 1-based ranks; the input scores are ignored. Weights default to 1 (plain RRF).
 * A document that appears twice in one list counts once, at its best rank.
 */
public final class Rrf implements Fusion {
  public static final int DEFAULT_K = 60;

  private final int k;
  private final List<Double> weights;

  public Rrf(int k) {
    this(k, List.of());
  }

  /**
   * @param k the RRF constant (60 in the paper), must be ≥ 0
   * @param weights one weight per list, or empty for all 1.0
   */
  public Rrf(int k, List<Double> weights) {
    if (k < 0) {
      throw new BadInputException(
          String.format(Locale.ROOT, "rrf: k must be >= 0, found %d", k));
    }
    this.k = k;
    this.weights = List.copyOf(weights);
  }

  public int k() {
    return k;
  }

  @Override
  public String id() {
    return "rrf-" + k;
  }

  @Override
  public List<SearchHit> fuse(List<List<SearchHit>> lists, int limit) {
    if (!weights.isEmpty() && weights.size() != lists.size()) {
      throw new BadInputException(
          String.format(Locale.ROOT,
              "rrf: expected one weight per list (%d lists), found %d weights",
              lists.size(), weights.size()));
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < lists.size(); i++) {
      double w = weights.isEmpty() ? 1.0 : weights.get(i);
      Map<String, Integer> bestRank = new HashMap<>();
      List<SearchHit> list = lists.get(i);
      for (int r = 0; r < list.size(); r++) {
        bestRank.putIfAbsent(list.get(r).id(), r + 1);
      }
      for (Map.Entry<String, Integer> e : bestRank.entrySet()) {
        scores.merge(e.getKey(), w / (k + e.getValue()), Double::sum);
      }
    }
    List<SearchHit> fused = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> fused.add(new SearchHit(id, s)));
    return Ranking.sortAndCut(fused, limit);
  }
}
