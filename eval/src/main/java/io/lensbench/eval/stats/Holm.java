package io.lensbench.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Holm–Bonferroni step-down adjustment of a family of p-values (adjusted p, monotone, ≤ 1). */
public final class Holm {
  private Holm() {}

  public static double[] adjust(double[] p) {
    int m = p.length;
    Integer[] idx = new Integer[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] out = new double[m];
    double running = 0.0;
    for (int r = 0; r < m; r++) {
      double adj = Math.min(1.0, (m - r) * p[idx[r]]);
      running = Math.max(running, adj);
      out[idx[r]] = running;
    }
    return out;
  }
}
