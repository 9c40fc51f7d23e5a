package io.lensbench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ANN recall, percentiles, the growth exponent fit and the Pareto front. */
class ScaleMathTest {
  @Test
  void annRecallIsTheShareOfTheExactTopKFound() {
    List<String> exact = List.of("a", "b", "c", "d");
    assertEquals(1.0, ScaleMath.annRecall(List.of("d", "c", "b", "a"), exact, 4), "order does not matter");
    assertEquals(0.5, ScaleMath.annRecall(List.of("a", "x", "c", "y"), exact, 4));
    assertEquals(1.0, ScaleMath.annRecall(List.of("a", "b", "x"), exact, 2), "only the top k of each list count");
    assertEquals(0.0, ScaleMath.annRecall(List.of("x", "a"), exact, 1));
    assertEquals(1.0, ScaleMath.annRecall(List.of(), List.of(), 10), "nothing to find");
    assertEquals(0.5, ScaleMath.annRecall(List.of("a"), List.of("a", "b"), 10), "a short exact list counts as it is");
  }

  @Test
  void percentilesAreNearestRank() {
    double[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
    assertEquals(5, ScaleMath.percentile(v, 50));
    assertEquals(10, ScaleMath.percentile(v, 99));
    assertEquals(1, ScaleMath.percentile(v, 0));
    assertEquals(Double.NaN, ScaleMath.percentile(new double[0], 50));
  }

  @Test
  void growthExponentIsTheLogLogSlope() {
    double[] n = {1e4, 1e5, 1e6};
    ScaleMath.Growth linear = ScaleMath.fitGrowth(n, new double[] {2, 20, 200});
    assertEquals(1.0, linear.exponent(), 1e-9);
    assertEquals(2e-4, linear.coefficient(), 1e-12);
    assertEquals(1.0, linear.r2(), 1e-12);
    ScaleMath.Growth root = ScaleMath.fitGrowth(n, new double[] {1, Math.sqrt(10), 10});
    assertEquals(0.5, root.exponent(), 1e-9);
    ScaleMath.Growth noisy = ScaleMath.fitGrowth(new double[] {1, 2, 4, 8}, new double[] {1, 2.2, 3.6, 8.8});
    assertEquals(1.0, noisy.exponent(), 0.1);
    assertEquals(3, ScaleMath.fitGrowth(new double[] {1, 2, 4, 8}, new double[] {1, Double.NaN, 3, 8}).points(),
        "missing measurements are left out");
    assertNull(ScaleMath.fitGrowth(new double[] {10}, new double[] {1}), "one point fits nothing");
    assertNull(ScaleMath.fitGrowth(new double[] {10, 10}, new double[] {1, 2}), "one size fits nothing");
  }

  @Test
  void paretoFrontKeepsOnlyUnbeatenPointsInLatencyOrder() {
    List<ScaleMath.Point> pts = List.of(
        new ScaleMath.Point("flat", 40, 1.0),
        new ScaleMath.Point("ef=16", 3, 0.80),
        new ScaleMath.Point("ef=64", 6, 0.97),
        new ScaleMath.Point("slow-and-worse", 20, 0.90),
        new ScaleMath.Point("ef=256", 12, 0.999),
        new ScaleMath.Point("same-latency-worse", 6, 0.95));
    assertEquals(List.of("ef=16", "ef=64", "ef=256", "flat"),
        ScaleMath.paretoFront(pts).stream().map(ScaleMath.Point::label).toList());
  }
}
