package io.lensbench.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for means over queries. All metrics of one call
 * share the same resampled query sets, so intervals of related metrics are consistent.
 * Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7).
 */
public final class Bootstrap {
  private Bootstrap() {}

  /** One interval per row of {@code values} (rows = metrics, columns = queries). */
  public static Interval[] meanIntervals(double[][] values, BootstrapOptions o) {
    int m = values.length;
    Interval[] out = new Interval[m];
    int n = m == 0 ? 0 : values[0].length;
    if (n == 0) {
      Arrays.fill(out, Interval.EMPTY);
      return out;
    }
    int b = o.resamples();
    double[][] means = new double[m][b];
    SplittableRandom rng = new SplittableRandom(o.seed());
    int[] counts = new int[n];
    for (int r = 0; r < b; r++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[rng.nextInt(n)]++;
      }
      for (int k = 0; k < m; k++) {
        double[] v = values[k];
        double s = 0.0;
        for (int i = 0; i < n; i++) {
          if (counts[i] != 0) {
            s += counts[i] * v[i];
          }
        }
        means[k][r] = s / n;
      }
    }
    double alpha = 1.0 - o.level();
    for (int k = 0; k < m; k++) {
      Arrays.sort(means[k]);
      out[k] = new Interval(quantile(means[k], alpha / 2), quantile(means[k], 1 - alpha / 2));
    }
    return out;
  }

  public static Interval meanInterval(double[] values, BootstrapOptions o) {
    return meanIntervals(new double[][] {values}, o)[0];
  }

  /** Type-7 quantile of sorted data. */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  public static double mean(double[] v) {
    double s = 0.0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }
}
