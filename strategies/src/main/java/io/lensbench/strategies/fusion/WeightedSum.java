package io.lensbench.strategies.fusion;

import io.lensbench.core.Ranking;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weighted sum of normalised scores: {@code score(d) = Σ_i w_i · norm_i(s_i(d))}. Scores from
 * different fields (cosine, BM25) live on different scales, so each list is normalised first
 * ({@link Normalization}); a document missing from a list contributes 0 from it. A document that
 * appears twice in one list counts once, with its best score.
 */
public final class WeightedSum implements Fusion {

  /** How each list's scores are mapped before weighting. */
  public enum Normalization {
    /** (s − min) / (max − min) over the list; a list whose scores are all equal maps to 1. */
    MIN_MAX,
    /** (s − mean) / stddev over the list; a list with stddev 0 maps to 0. */
    Z_SCORE,
    /** raw scores. */
    NONE
  }

  private final List<Double> weights;
  private final Normalization normalization;

  public WeightedSum(List<Double> weights, Normalization normalization) {
    this.weights = List.copyOf(weights);
    this.normalization = normalization;
  }

  public List<Double> weights() {
    return weights;
  }

  @Override
  public String id() {
    return "weighted-" + normalization.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public List<SearchHit> fuse(List<List<SearchHit>> lists, int limit) {
    if (weights.size() != lists.size()) {
      throw new BadInputException(
          String.format(Locale.ROOT,
              "weighted sum: expected one weight per list (%d lists), found %d weights",
              lists.size(), weights.size()));
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < lists.size(); i++) {
      Map<String, Double> best = new LinkedHashMap<>();
      for (SearchHit h : lists.get(i)) {
        best.merge(h.id(), h.score(), Math::max);
      }
      Map<String, Double> normalised = normalise(best);
      double w = weights.get(i);
      normalised.forEach((id, s) -> scores.merge(id, w * s, Double::sum));
    }
    List<SearchHit> fused = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> fused.add(new SearchHit(id, s)));
    return Ranking.sortAndCut(fused, limit);
  }

  private Map<String, Double> normalise(Map<String, Double> raw) {
    if (raw.isEmpty() || normalization == Normalization.NONE) {
      return raw;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    if (normalization == Normalization.MIN_MAX) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double s : raw.values()) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      double range = max - min;
      for (Map.Entry<String, Double> e : raw.entrySet()) {
        out.put(e.getKey(), range == 0 ? 1.0 : (e.getValue() - min) / range);
      }
      return out;
    }
    double mean = 0;
    for (double s : raw.values()) {
      mean += s;
    }
    mean /= raw.size();
    double var = 0;
    for (double s : raw.values()) {
      var += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(var / raw.size());
    for (Map.Entry<String, Double> e : raw.entrySet()) {
      out.put(e.getKey(), sd == 0 ? 0.0 : (e.getValue() - mean) / sd);
    }
    return out;
  }
}
