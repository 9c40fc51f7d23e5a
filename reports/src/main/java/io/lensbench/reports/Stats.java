package io.lensbench.reports;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * The two statistics the report computes itself, kept small on purpose.
 *
 * <p><b>Paired randomization test</b> (Fisher; Smucker, Allan &amp; Carterette, CIKM 2007): under
 * H0 the two systems are exchangeable per query, so each per-query difference d_i keeps or flips
 * its sign with probability 1/2. The two-sided p-value is the share of {@code permutations}
 * random sign assignments whose |mean| is at least the observed |mean(d)|, counted as
 * (hits + 1) / (permutations + 1) so it is never 0. Seeded, hence deterministic.
 *
 * <p><b>Holm–Bonferroni</b>: sort the m p-values ascending, p_(i) ← max over j ≤ i of
 * min(1, (m − j + 1) · p_(j)); controls the family-wise error rate without independence
 * assumptions.
 */
public final class Stats {
  private Stats() {}

  /** Two-sided paired randomization test on equal-length arrays of per-query values. */
  public static double pairedRandomization(double[] a, double[] b, int permutations, long seed) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired test needs equal lengths, found " + a.length + " and " + b.length);
    }
    int n = a.length;
    if (n == 0) {
      return 1.0;
    }
    double[] d = new double[n];
    double observed = 0;
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
      observed += d[i];
    }
    observed = Math.abs(observed);
    if (observed == 0) {
      return 1.0;
    }
    double eps = 1e-12 * Math.max(1.0, observed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int hits = 0;
    for (int p = 0; p < permutations; p++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += rnd.nextBoolean() ? d[i] : -d[i];
      }
      if (Math.abs(s) >= observed - eps) {
        hits++;
      }
    }
    return (hits + 1.0) / (permutations + 1.0);
  }

  /** Holm step-down adjusted p-values, in the input order. */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adj = new double[m];
    double running = 0;
    for (int r = 0; r < m; r++) {
      int i = order[r];
      running = Math.max(running, Math.min(1.0, (m - r) * p[i]));
      adj[i] = running;
    }
    return adj;
  }

  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }
}
