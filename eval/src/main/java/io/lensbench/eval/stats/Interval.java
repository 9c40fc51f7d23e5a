package io.lensbench.eval.stats;

/** A confidence interval [low, high]; NaN bounds when there was no data. */
public record Interval(double low, double high) {
  public static final Interval EMPTY = new Interval(Double.NaN, Double.NaN);

  /** True when both bounds are numbers. */
  public boolean isDefined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }
}
