package io.lensbench.gate;

import io.lensbench.eval.stats.Interval;

/**
 * Outcome of one rule on one cell.
 *
 * @param status OK, IMPROVED or FAIL
 * @param cell cell id
 * @param rule the rule
 * @param baseline baseline mean (NaN for floors without baseline)
 * @param actual current mean
 * @param delta current − baseline
 * @param tolerance allowed delta (metric units) or the floor
 * @param ci CI of the delta (paired bootstrap), or of the current mean for floors
 * @param p paired randomization p-value (NaN when not tested)
 * @param note human explanation
 */
public record GateCheck(Status status, String cell, GateRule rule, double baseline, double actual,
    double delta, double tolerance, Interval ci, double p, String note) {

  /** Check result. */
  public enum Status { OK, IMPROVED, FAIL }
}
