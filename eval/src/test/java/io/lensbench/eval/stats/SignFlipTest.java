package io.lensbench.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sign-flip p-value and Holm against hand computations (moved here with the report's own copy of them). */
class SignFlipTest {
  private static double p(double[] a, double[] b, int permutations, long seed) {
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = b[i] - a[i];
    }
    return Paired.signFlipP(d, permutations, seed);
  }

  @Test
  void identicalSystemsHavePOne() {
    double[] a = {0.1, 0.5, 0.9, 0.3};
    assertEquals(1.0, p(a, a.clone(), 1000, 42));
  }

  @Test
  void consistentImprovementIsSignificantAndExact() {
    int n = 20;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 0.3;
      b[i] = 0.5;
    }
    // all differences equal: only the all-same-sign assignments reach |mean|; 2 / 2^20 of them
    double p = p(a, b, 10_000, 7);
    assertEquals(1.0 / 10_001, p, 1e-12, "no permutation reaches the observed sum, so p = 1/(R+1)");
  }

  @Test
  void pValueMatchesExactEnumerationForSmallN() {
    double[] d = {0.4, -0.1, 0.3, 0.2, -0.05, 0.25};
    double[] zero = new double[d.length];
    // exact two-sided p by enumerating all 2^6 sign patterns
    double obs = Math.abs(java.util.Arrays.stream(d).sum());
    int hits = 0;
    for (int mask = 0; mask < 64; mask++) {
      double s = 0;
      for (int i = 0; i < 6; i++) {
        s += ((mask >> i) & 1) == 1 ? d[i] : -d[i];
      }
      if (Math.abs(s) >= obs - 1e-12) {
        hits++;
      }
    }
    double exact = hits / 64.0;
    double approx = p(d, zero, 200_000, 42);
    assertEquals(exact, approx, 0.005, "Monte Carlo p within 0.005 of the exact enumeration " + exact);
  }

  @Test
  void seededAndDeterministic() {
    double[] a = {0.1, 0.7, 0.2, 0.9, 0.4, 0.3, 0.8};
    double[] b = {0.2, 0.6, 0.5, 0.9, 0.6, 0.2, 0.9};
    assertEquals(p(a, b, 5000, 42), p(a, b, 5000, 42));
    assertEquals(p(a, b, 5000, 42), p(b, a, 5000, 42), "the sign of the differences does not matter");
  }

  @Test
  void holmMatchesHandComputation() {
    // sorted: 0.01*3=0.03, 0.03*2=0.06, 0.04*1=0.04 -> monotone max 0.06
    assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
    assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
    double[] p = {0.001, 0.2, 0.02, 0.5};
    double[] h = Holm.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertTrue(h[i] >= p[i]);
    }
  }
}
