package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.stats.Holm;
import io.lensbench.eval.stats.Paired;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.eval.stats.PairedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Paired comparison of runs B, C, ... against run A on the same queries, per metric and per
 * slice. Holm–Bonferroni runs over the family of every (run, metric) test of one slice.
 */
public final class RunComparison {
  /** One compared pair. */
  public record Row(String slice, String metric, String baseline, String run, PairedResult result,
      double holmP) {}

  private RunComparison() {}

  public static List<Row> compare(List<ScoredCell> cells, List<String> metrics,
      List<String> sliceBy, PairedOptions options) {
    if (cells.size() < 2) {
      throw new BadInputException("compare needs at least two runs, found " + cells.size());
    }
    ScoredCell a = cells.get(0);
    for (ScoredCell c : cells) {
      if (!c.hasPerQuery()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s has no per-query values: a paired comparison needs them", c.cell()));
      }
      for (String m : metrics) {
        if (!c.perQuery().containsKey(m)) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s has no metric '%s' (it has %s)", c.cell(), m, c.perQuery().keySet()));
        }
      }
    }
    // align every run on A's query ids
    List<int[]> align = new ArrayList<>();
    for (ScoredCell c : cells) {
      align.add(alignment(a, c));
    }
    Map<String, List<Integer>> slices = new LinkedHashMap<>();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < a.queryIds().size(); i++) {
      all.add(i);
    }
    slices.put("all", all);
    Map<String, Map<String, String>> attrs = a.attributes();
    for (String attr : sliceBy) {
      TreeSet<String> values = new TreeSet<>();
      for (String q : a.queryIds()) {
        Map<String, String> m = attrs.get(q);
        if (m != null && m.get(attr) != null) {
          values.add(m.get(attr));
        }
      }
      for (String v : values) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < a.queryIds().size(); i++) {
          Map<String, String> m = attrs.get(a.queryIds().get(i));
          if (m != null && v.equals(m.get(attr))) {
            idx.add(i);
          }
        }
        slices.put(attr + "=" + v, idx);
      }
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> s : slices.entrySet()) {
      List<Row> family = new ArrayList<>();
      for (String m : metrics) {
        double[] av = pick(a.perQuery().get(m), align.get(0), s.getValue());
        for (int c = 1; c < cells.size(); c++) {
          double[] bv = pick(cells.get(c).perQuery().get(m), align.get(c), s.getValue());
          PairedResult r = Paired.compare(av, bv, options);
          family.add(new Row(s.getKey(), m, a.cell(), cells.get(c).cell(), r, Double.NaN));
        }
      }
      double[] p = family.stream().mapToDouble(r -> r.result().p()).toArray();
      double[] adj = Holm.adjust(p);
      for (int i = 0; i < family.size(); i++) {
        Row r = family.get(i);
        out.add(new Row(r.slice(), r.metric(), r.baseline(), r.run(), r.result(), adj[i]));
      }
    }
    return out;
  }

  /**
   * The paired test of B against A on one metric over every query, exactly as {@link #compare}
   * computes its "all" rows: B's values aligned on A's query order.
   */
  public static PairedResult pair(ScoredCell a, ScoredCell b, String metric, PairedOptions options) {
    double[] av = a.perQuery().get(metric);
    double[] bv = b.perQuery().get(metric);
    if (av == null || bv == null) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s has no per-query values of '%s'", av == null ? a.cell() : b.cell(), metric));
    }
    int[] align = alignment(a, b);
    double[] bAligned = new double[align.length];
    for (int i = 0; i < align.length; i++) {
      bAligned[i] = bv[align[i]];
    }
    return Paired.compare(av, bAligned, options);
  }

  /** For each query of A, its position in C; bad input unless both cover the same queries. */
  private static int[] alignment(ScoredCell a, ScoredCell c) {
    Map<String, Integer> pos = new LinkedHashMap<>();
    for (int i = 0; i < c.queryIds().size(); i++) {
      pos.put(c.queryIds().get(i), i);
    }
    int[] idx = new int[a.queryIds().size()];
    for (int i = 0; i < idx.length; i++) {
      Integer p = pos.get(a.queryIds().get(i));
      if (p == null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "query '%s' is scored in %s but not in %s: runs must cover the same queries",
            a.queryIds().get(i), a.cell(), c.cell()));
      }
      idx[i] = p;
    }
    if (c.queryIds().size() != idx.length) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s scores %d queries, %s scores %d: runs must cover the same queries",
          c.cell(), c.queryIds().size(), a.cell(), idx.length));
    }
    return idx;
  }

  private static double[] pick(double[] values, int[] align, List<Integer> rows) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[align[rows.get(i)]];
    }
    return out;
  }
}
