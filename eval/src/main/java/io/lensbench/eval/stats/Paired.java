package io.lensbench.eval.stats;

import io.lensbench.core.BadInputException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired randomization test (Fisher's sign flip) and bootstrap CI of the mean difference.
 * p = (1 + #{|mean(s·d)| ≥ |mean(d)|}) / (1 + permutations), s random signs; identical runs
 * give p = 1.
 */
public final class Paired {
  private Paired() {}

  public static PairedResult compare(double[] a, double[] b, PairedOptions o) {
    if (a.length != b.length) {
      throw new BadInputException(String.format(Locale.ROOT,
          "paired comparison needs the same queries on both sides, found %d and %d",
          a.length, b.length));
    }
    int n = a.length;
    double[] d = new double[n];
    int w = 0;
    int t = 0;
    int l = 0;
    for (int i = 0; i < n; i++) {
      d[i] = b[i] - a[i];
      if (Math.abs(d[i]) <= o.tieEpsilon()) {
        t++;
      } else if (d[i] > 0) {
        w++;
      } else {
        l++;
      }
    }
    if (n == 0) {
      return new PairedResult(0, Double.NaN, Double.NaN, Double.NaN, Interval.EMPTY, 1.0, 0, 0, 0);
    }
    double diff = Bootstrap.mean(d);
    Interval ci = Bootstrap.meanInterval(d, o.bootstrap());
    double p = signFlipP(d, o.permutations(), o.bootstrap().seed());
    return new PairedResult(n, Bootstrap.mean(a), Bootstrap.mean(b), diff, ci, p, w, t, l);
  }

  /** Two-sided sign-flip randomization p-value for the mean of d. */
  public static double signFlipP(double[] d, int permutations, long seed) {
    int n = d.length;
    double obs = 0.0;
    for (double x : d) {
      obs += x;
    }
    obs = Math.abs(obs);
    // tolerance for floating-point sums of the same multiset in another order
    double tol = 1e-9 * Math.max(1.0, obs);
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int atLeast = 0;
    for (int r = 0; r < permutations; r++) {
      double s = 0.0;
      int i = 0;
      while (i < n) {
        long bits = rng.nextLong();
        int lim = Math.min(64, n - i);
        for (int k = 0; k < lim; k++, i++) {
          s += ((bits >>> k) & 1L) == 0 ? d[i] : -d[i];
        }
      }
      if (Math.abs(s) >= obs - tol) {
        atLeast++;
      }
    }
    return (atLeast + 1.0) / (permutations + 1.0);
  }
}
