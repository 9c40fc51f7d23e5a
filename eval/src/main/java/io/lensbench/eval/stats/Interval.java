package io.lensbench.eval.stats;

/** A confidence interval [low, high]; NaN bounds when there was no data. */
public record Interval(double low, double high) {
  public static final Interval EMPTY = new Interval(Double.NaN, Double.NaN);
}
