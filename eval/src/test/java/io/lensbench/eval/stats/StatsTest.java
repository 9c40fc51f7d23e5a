package io.lensbench.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {
  static final PairedOptions OPTS = new PairedOptions(new BootstrapOptions(1000, 7, 0.95), 5000,
      1e-12);

  static double[] random(long seed, int n, double shift) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.min(1, Math.max(0, r.nextDouble() * 0.6 + shift));
    }
    return v;
  }

  @Test
  void identicalRunsHaveZeroDifferenceAndPOne() {
    double[] a = random(1, 200, 0.2);
    PairedResult r = Paired.compare(a, a.clone(), OPTS);
    assertEquals(0.0, r.diff());
    assertEquals(1.0, r.p());
    assertEquals(0.0, r.ci().low());
    assertEquals(0.0, r.ci().high());
    assertEquals(200, r.ties());
  }

  @Test
  void clearlyDifferentRunsGetASmallP() {
    double[] a = random(1, 200, 0.1);
    double[] b = a.clone();
    for (int i = 0; i < b.length; i++) {
      b[i] = Math.min(1.0, b[i] + 0.15);
    }
    PairedResult r = Paired.compare(a, b, OPTS);
    assertTrue(r.p() < 0.001, "p " + r.p());
    assertTrue(r.ci().low() > 0, "CI excludes 0");
    assertEquals(200, r.wins());
  }

  @Test
  void noiseAloneIsNotSignificant() {
    double[] a = random(1, 100, 0.2);
    double[] b = random(2, 100, 0.2);
    PairedResult r = Paired.compare(a, b, OPTS);
    assertTrue(r.p() > 0.05, "two draws of the same distribution, p " + r.p());
    assertTrue(r.ci().low() < 0 && r.ci().high() > 0);
  }

  @Test
  void bootstrapIsSeededAndBracketsTheMean() {
    double[] a = random(3, 300, 0.3);
    Interval i1 = Bootstrap.meanInterval(a, new BootstrapOptions(500, 11, 0.95));
    Interval i2 = Bootstrap.meanInterval(a, new BootstrapOptions(500, 11, 0.95));
    assertEquals(i1, i2);
    double m = Bootstrap.mean(a);
    assertTrue(i1.low() < m && m < i1.high());
    Interval narrow = Bootstrap.meanInterval(a, new BootstrapOptions(500, 11, 0.5));
    assertTrue(narrow.high() - narrow.low() < i1.high() - i1.low());
  }

  @Test
  void holmBonferroniMatchesTheTextbookExample() {
    double[] adj = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adj, 1e-12);
  }
}
