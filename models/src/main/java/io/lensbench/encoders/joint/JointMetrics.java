package io.lensbench.encoders.joint;

import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out metrics of a joint model, as recorded in its model card.
 *
 * <p>Text→image: one query per distinct {@link EvalItem#query()}; relevant = held-out items with
 * that exact query string; {@code successAt10} is the share of queries with a relevant image in
 * the top 10 (CLIP papers' "R@10" is this success@10); {@code mrr} is the mean reciprocal rank of
 * the first relevant image over the whole list. Chance values are exact expectations under a
 * uniformly random ranking. Image→type: top-1 accuracy of scoring each image against the text
 * embedding of every article-type name (zero-shot).
 */
public record JointMetrics(
    int numItems,
    int numQueries,
    double successAt10,
    double mrr,
    double chanceSuccessAt10,
    double chanceMrr,
    int numTypes,
    double typeTop1,
    double chanceTypeTop1,
    double typeTop1Prototype) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("numItems", numItems);
    m.put("numQueries", numQueries);
    m.put("success_at_10", successAt10);
    m.put("mrr", mrr);
    m.put("chance_success_at_10", chanceSuccessAt10);
    m.put("chance_mrr", chanceMrr);
    m.put("numTypes", numTypes);
    m.put("type_top1", typeTop1);
    m.put("chance_type_top1", chanceTypeTop1);
    m.put("type_top1_prototype", Double.isNaN(typeTop1Prototype) ? null : typeTop1Prototype);
    m.put("definition", "text->image: queries '<gender> <colour> <articleType>', relevant = exact"
        + " attribute match among held-out items; success_at_10 is what CLIP papers call R@10;"
        + " type_top1: image vs article-type names, zero-shot; type_top1_prototype: image vs the mean text"
        + " embedding of the TRAIN descriptions of each article type (text only, no images); chance = expectation under random"
        + " ranking (type: 1/numTypes)");
    return m;
  }

  public static JointMetrics evaluate(List<EvalItem> items, List<float[]> imageVecs, TextEncoder text) {
    return evaluate(items, imageVecs, text, Map.of());
  }

  /**
   * @param typePrototypes article type → unit mean text embedding of TRAIN descriptions of that
   *     type (empty: the prototype metric is NaN)
   */
  public static JointMetrics evaluate(List<EvalItem> items, List<float[]> imageVecs,
      TextEncoder text, Map<String, float[]> typePrototypes) {
    int n = items.size();
    Map<String, List<Integer>> byQuery = new TreeMap<>();
    Map<String, Integer> types = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byQuery.computeIfAbsent(items.get(i).query(), k -> new ArrayList<>()).add(i);
      types.putIfAbsent(items.get(i).articleType(), 0);
    }
    List<String> queries = new ArrayList<>(byQuery.keySet());
    List<float[]> qv = text.embed(queries, TextEncoder.Role.QUERY);
    double s10 = 0;
    double rr = 0;
    double cs10 = 0;
    double crr = 0;
    for (int q = 0; q < queries.size(); q++) {
      List<Integer> rel = byQuery.get(queries.get(q));
      float[] v = qv.get(q);
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = Vectors.dot(v, imageVecs.get(i));
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i])
          .thenComparing(i -> items.get(i).id()));
      boolean[] isRel = new boolean[n];
      for (int i : rel) {
        isRel[i] = true;
      }
      for (int r = 0; r < n; r++) {
        if (isRel[order[r]]) {
          if (r < 10) {
            s10 += 1;
          }
          rr += 1.0 / (r + 1);
          break;
        }
      }
      int k = rel.size();
      // P(first relevant at rank r) for a random permutation of n items with k relevant
      double pNoneBefore = 1.0;
      for (int r = 1; r <= n - k + 1; r++) {
        double pHere = pNoneBefore * k / (n - r + 1);
        crr += pHere / r;
        if (r <= 10) {
          cs10 += pHere;
        }
        pNoneBefore *= (double) (n - r + 1 - k) / (n - r + 1);
        if (pNoneBefore <= 0) {
          break;
        }
      }
    }
    List<String> typeNames = new ArrayList<>(types.keySet());
    List<float[]> tv = text.embed(typeNames, TextEncoder.Role.QUERY);
    int correct = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < typeNames.size(); t++) {
        double s = Vectors.dot(tv.get(t), imageVecs.get(i));
        if (s > bestScore) {
          bestScore = s;
          best = t;
        }
      }
      if (typeNames.get(best).equals(items.get(i).articleType())) {
        correct++;
      }
    }
    double proto = Double.NaN;
    if (!typePrototypes.isEmpty()) {
      List<String> pt = new ArrayList<>(new TreeMap<>(typePrototypes).keySet());
      int ok = 0;
      for (int i = 0; i < n; i++) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String t : pt) {
          double s = Vectors.dot(typePrototypes.get(t), imageVecs.get(i));
          if (s > bestScore) {
            bestScore = s;
            best = t;
          }
        }
        if (items.get(i).articleType().equals(best)) {
          ok++;
        }
      }
      proto = (double) ok / n;
    }
    int nq = queries.size();
    return new JointMetrics(n, nq, s10 / nq, rr / nq, cs10 / nq, crr / nq, typeNames.size(),
        (double) correct / n, 1.0 / typeNames.size(), proto);
  }

  /** Article type → unit mean of the given description vectors of that type. */
  public static Map<String, float[]> prototypes(List<String> types, List<float[]> vectors) {
    Map<String, float[]> sum = new TreeMap<>();
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i) == null) {
        continue;
      }
      float[] acc = sum.computeIfAbsent(types.get(i), k -> new float[vectors.get(0).length]);
      float[] v = vectors.get(i);
      for (int d = 0; d < acc.length; d++) {
        acc[d] += v[d];
      }
    }
    sum.values().forEach(Vectors::normalizeInPlace);
    return sum;
  }
}
