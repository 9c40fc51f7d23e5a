package io.lensbench.gate;

import io.lensbench.eval.stats.Interval;

/**
 * Outcome of one rule on one cell.
 *
 * @param status the verdict
 * @param cell cell id
 * @param rule the rule
 * @param baseline baseline mean (NaN for floors without baseline)
 * @param actual current mean (NaN when missing)
 * @param delta current − baseline
 * @param tolerance allowed delta (metric units) or the floor
 * @param ci CI of the delta (paired bootstrap), or of the current mean for floors
 * @param p paired randomization p-value (NaN when not tested)
 * @param note human explanation
 */
public record GateCheck(Status status, String cell, GateRule rule, double baseline, double actual,
    double delta, double tolerance, Interval ci, double p, String note) {

  /**
   * The verdict. {@code UNUSABLE}: the check could not be made on the data given — a cell
   * missing from the current run, zero queries, a missing or NaN value, queries that cannot be
   * paired; it is never "within tolerance" and makes the gate exit 2.
   */
  public enum Status { OK, IMPROVED, FAIL, UNUSABLE }

  /** A check that could not be made; the note says why. */
  static GateCheck unusable(String cell, GateRule rule, double baseline, double actual, String why) {
    return new GateCheck(Status.UNUSABLE, cell, rule, baseline, actual, actual - baseline,
        Double.NaN, Interval.EMPTY, Double.NaN, why);
  }

  public boolean passed() {
    return status == Status.OK || status == Status.IMPROVED;
  }
}
