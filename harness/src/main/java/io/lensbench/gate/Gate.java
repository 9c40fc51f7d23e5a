package io.lensbench.gate;

import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import io.lensbench.eval.metrics.RunComparison;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.stats.Bootstrap;
import io.lensbench.eval.stats.Interval;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.eval.stats.PairedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies gate rules to baseline/current cells. Missing data never passes: a baseline cell absent
 * from the current run, a cell with zero queries, a missing or NaN value, or queries that cannot
 * be paired are {@link GateCheck.Status#UNUSABLE} (exit 2); a significant drop beyond tolerance or
 * a broken floor is {@link GateCheck.Status#FAIL} (exit 1).
 */
public final class Gate {
  private final PairedOptions paired;
  private final double alpha;
  private final boolean pairQueries;

  /** @param pairQueries false when the runs are on different datasets: compare means only */
  public Gate(PairedOptions paired, double alpha, boolean pairQueries) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new BadInputException("alpha must be within (0, 1), found " + alpha);
    }
    this.paired = paired;
    this.alpha = alpha;
    this.pairQueries = pairQueries;
  }

  public Gate(PairedOptions paired, double alpha) {
    this(paired, alpha, true);
  }

  /** Checks every rule on every baseline cell. */
  public List<GateCheck> check(Map<String, ScoredCell> baseline, Map<String, ScoredCell> current,
      List<GateRule> rules) {
    if (baseline.isEmpty()) {
      throw new BadInputException("the baseline holds no scored cell: nothing to gate against");
    }
    List<GateCheck> out = new ArrayList<>();
    boolean single = baseline.size() == 1 && current.size() == 1;
    for (ScoredCell b : baseline.values()) {
      ScoredCell c = single ? current.values().iterator().next() : current.get(b.cell());
      for (GateRule r : rules) {
        out.add(c == null
            ? GateCheck.unusable(b.cell(), r, mean(b, r.metric()), Double.NaN,
                "cell is in the baseline but missing from the current run")
            : check(b, c, r));
      }
    }
    return out;
  }

  /** 2 when any check was unusable, else 1 when any failed, else 0. */
  public static int exitCode(List<GateCheck> checks) {
    if (checks.stream().anyMatch(c -> c.status() == GateCheck.Status.UNUSABLE)) {
      return ExitCode.BAD_INPUT.code();
    }
    return checks.stream().allMatch(GateCheck::passed) ? ExitCode.OK.code()
        : ExitCode.REGRESSION.code();
  }

  GateCheck check(ScoredCell b, ScoredCell c, GateRule rule) {
    String m = rule.metric();
    double base = mean(b, m);
    double cur = mean(c, m);
    if (c.numQueries() == 0) {
      return GateCheck.unusable(c.cell(), rule, base, cur, "the current cell scored zero queries");
    }
    if (Double.isNaN(cur)) {
      return GateCheck.unusable(c.cell(), rule, base, cur, c.means().containsKey(m)
          ? "the current value is NaN/null" : "the metric is missing from the current cell");
    }
    if (rule.type() == GateRule.Type.ABSOLUTE) {
      return floor(c, rule, base, cur);
    }
    if (b.numQueries() == 0 || Double.isNaN(base)) {
      return GateCheck.unusable(c.cell(), rule, base, cur, b.numQueries() == 0
          ? "the baseline cell scored zero queries" : "the baseline value is missing or NaN");
    }
    double tol = rule.type() == GateRule.Type.DELTA ? rule.threshold() : base * rule.threshold() / 100.0;
    double delta = cur - base;
    PairedResult pr = null;
    if (pairQueries && b.perQuery().containsKey(m) && c.perQuery().containsKey(m)) {
      try {
        pr = RunComparison.pair(b, c, m, paired);
      } catch (BadInputException e) {
        return GateCheck.unusable(c.cell(), rule, base, cur, e.getMessage());
      }
    }
    Interval ci = pr == null ? Interval.EMPTY : pr.ci();
    double p = pr == null ? Double.NaN : pr.p();
    if (delta < tol) {
      if (pr == null) {
        return new GateCheck(GateCheck.Status.FAIL, c.cell(), rule, base, cur, delta, tol, ci, p,
            pairQueries ? "dropped beyond tolerance; no per-query values to test significance"
                : "dropped beyond tolerance (runs on different datasets: means compared, queries not paired)");
      }
      if (p < alpha) {
        return new GateCheck(GateCheck.Status.FAIL, c.cell(), rule, base, cur, delta, tol, ci, p,
            String.format(Locale.ROOT, "significant drop beyond tolerance (p < %s)", alpha));
      }
      return new GateCheck(GateCheck.Status.OK, c.cell(), rule, base, cur, delta, tol, ci, p,
          String.format(Locale.ROOT, "drop beyond tolerance but not significant (p ≥ %s)", alpha));
    }
    if (delta > 0 && pr != null && p < alpha) {
      return new GateCheck(GateCheck.Status.IMPROVED, c.cell(), rule, base, cur, delta, tol, ci,
          p, String.format(Locale.ROOT, "significant improvement (p < %s)", alpha));
    }
    return new GateCheck(GateCheck.Status.OK, c.cell(), rule, base, cur, delta, tol, ci, p,
        "within tolerance");
  }

  private GateCheck floor(ScoredCell c, GateRule rule, double base, double cur) {
    double[] values = c.perQuery().get(rule.metric());
    Interval ci = values == null ? Interval.EMPTY : Bootstrap.meanInterval(values, paired.bootstrap());
    boolean ok = cur >= rule.threshold();
    return new GateCheck(ok ? GateCheck.Status.OK : GateCheck.Status.FAIL, c.cell(), rule, base,
        cur, cur - base, rule.threshold(), ci, Double.NaN,
        ok ? "at or above the floor" : "below the floor");
  }

  /** The recorded mean, NaN when absent or null. */
  private static double mean(ScoredCell cell, String metric) {
    Double v = cell.means().get(metric);
    return v == null ? Double.NaN : v;
  }
}
