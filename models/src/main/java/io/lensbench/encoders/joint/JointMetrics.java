package io.lensbench.encoders.joint;

import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * embedding of every article-type name (zero-shot). The same queries in other phrasings ({@link
 * EvalItem#translations()}, e.g. Korean) are scored over the same relevant sets, so their chance
 * values are the English ones.
 *
 * @param translated success@10 and MRR by phrasing label ({@code ko}, {@code ko_everyday})
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
    double typeTop1Prototype,
    Map<String, Retrieval> translated) {

  /** Text→image retrieval quality of one phrasing of the queries. */
  public record Retrieval(double successAt10, double mrr) {}

  /** One log line: English and every translated phrasing's success@10 and MRR, with chance. */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "held-out %d items, %d queries:"
        + " success@10 %.3f (chance %.4f), MRR %.3f (chance %.4f)", numItems, numQueries,
        successAt10, chanceSuccessAt10, mrr, chanceMrr));
    translated.forEach((label, r) -> b.append(String.format(Locale.ROOT,
        "; %s success@10 %.3f, MRR %.3f", label, r.successAt10(), r.mrr())));
    return b.toString();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("numItems", numItems);
    m.put("numQueries", numQueries);
    m.put("success_at_10", successAt10);
    m.put("mrr", mrr);
    m.put("chance_success_at_10", chanceSuccessAt10);
    m.put("chance_mrr", chanceMrr);
    translated.forEach((label, r) -> {
      m.put("success_at_10_" + label, r.successAt10());
      m.put("mrr_" + label, r.mrr());
    });
    m.put("numTypes", numTypes);
    m.put("type_top1", typeTop1);
    m.put("chance_type_top1", chanceTypeTop1);
    m.put("type_top1_prototype", Double.isNaN(typeTop1Prototype) ? null : typeTop1Prototype);
    m.put("definition", "text->image: queries '<gender> <colour> <articleType>', relevant = exact"
        + " attribute match among held-out items; success_at_10 is what CLIP papers call R@10;"
        + " type_top1: image vs article-type names, zero-shot; type_top1_prototype: image vs the mean text"
        + " embedding of the TRAIN descriptions of each article type (text only, no images); chance = expectation under random"
        + " ranking (type: 1/numTypes)" + (translated.isEmpty() ? "" : "; *_ko: the same queries in glossary"
        + " Korean ('<gender> <colour> <articleType>' from the glossary), *_ko_everyday: in everyday Korean"
        + " (native colour words), same relevant sets and chance"));
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
    List<List<Integer>> groups = new ArrayList<>(byQuery.values());
    List<float[]> qv = text.embed(new ArrayList<>(byQuery.keySet()), TextEncoder.Role.QUERY);
    double[] en = score(groups, qv, items, imageVecs);
    Map<String, Retrieval> translated = new TreeMap<>();
    for (String label : translationLabels(items)) {
      List<String> phrased = groups.stream()
          .map(g -> items.get(g.get(0)).translations().get(label)).toList();
      double[] r = score(groups, text.embed(phrased, TextEncoder.Role.QUERY), items, imageVecs);
      translated.put(label, new Retrieval(r[0], r[1]));
    }
    List<String> typeNames = new ArrayList<>(types.keySet());
    double typeTop1 = typeTop1(items, imageVecs, typeNames,
        text.embed(typeNames, TextEncoder.Role.QUERY));
    double proto = Double.NaN;
    if (!typePrototypes.isEmpty()) {
      List<String> pt = new ArrayList<>(new TreeMap<>(typePrototypes).keySet());
      proto = typeTop1(items, imageVecs, pt, pt.stream().map(typePrototypes::get).toList());
    }
    return new JointMetrics(n, groups.size(), en[0], en[1], en[2], en[3], typeNames.size(),
        typeTop1, 1.0 / typeNames.size(), proto, translated);
  }

  /** The labels every item has a translation for. */
  private static List<String> translationLabels(List<EvalItem> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    return new TreeMap<>(items.get(0).translations()).keySet().stream()
        .filter(l -> items.stream().allMatch(it -> it.translations().containsKey(l))).toList();
  }

  /** success@10, MRR and their chance values over query groups (relevant = the group's items). */
  private static double[] score(List<List<Integer>> groups, List<float[]> queryVecs,
      List<EvalItem> items, List<float[]> imageVecs) {
    int n = items.size();
    double s10 = 0;
    double rr = 0;
    double cs10 = 0;
    double crr = 0;
    for (int q = 0; q < groups.size(); q++) {
      List<Integer> rel = groups.get(q);
      float[] v = queryVecs.get(q);
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
    int nq = groups.size();
    return new double[] {s10 / nq, rr / nq, cs10 / nq, crr / nq};
  }

  /** Share of images whose best-scoring type vector is their own article type. */
  private static double typeTop1(List<EvalItem> items, List<float[]> imageVecs,
      List<String> typeNames, List<float[]> typeVecs) {
    int correct = 0;
    for (int i = 0; i < items.size(); i++) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < typeNames.size(); t++) {
        double s = Vectors.dot(typeVecs.get(t), imageVecs.get(i));
        if (s > bestScore) {
          bestScore = s;
          best = t;
        }
      }
      if (typeNames.get(best).equals(items.get(i).articleType())) {
        correct++;
      }
    }
    return (double) correct / items.size();
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
