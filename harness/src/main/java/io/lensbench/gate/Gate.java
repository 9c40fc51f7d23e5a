package io.lensbench.gate;

import io.lensbench.core.BadInputException;
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

/** Applies gate rules to baseline/current cells. */
public final class Gate {
  private final PairedOptions paired;
  private final double alpha;

  public Gate(PairedOptions paired, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new BadInputException("alpha must be within (0, 1), found " + alpha);
    }
    this.paired = paired;
    this.alpha = alpha;
  }

  /** Checks every rule on every baseline cell; a baseline cell missing in current is bad input. */
  public List<GateCheck> check(Map<String, ScoredCell> baseline, Map<String, ScoredCell> current,
      List<GateRule> rules) {
    List<GateCheck> out = new ArrayList<>();
    boolean single = baseline.size() == 1 && current.size() == 1;
    for (ScoredCell b : baseline.values()) {
      ScoredCell c = single ? current.values().iterator().next() : current.get(b.cell());
      if (c == null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "cell '%s' is in the baseline but not in the current results (current has %s)",
            b.cell(), current.keySet()));
      }
      for (GateRule r : rules) {
        out.add(check(b, c, r));
      }
    }
    return out;
  }

  GateCheck check(ScoredCell b, ScoredCell c, GateRule rule) {
    String m = rule.metric();
    Double cur = c.means().get(m);
    if (cur == null) {
      throw new BadInputException(String.format(Locale.ROOT,
          "metric '%s' is not in the current results for cell '%s' (it has %s)", m, c.cell(),
          c.means().keySet()));
    }
    if (rule.type() == GateRule.Type.ABSOLUTE) {
      Interval ci = c.perQuery().containsKey(m) ? Bootstrap.meanInterval(c.perQuery().get(m),
          paired.bootstrap()) : Interval.EMPTY;
      Double base = b.means().get(m);
      double bv = base == null ? Double.NaN : base;
      boolean ok = cur >= rule.threshold();
      return new GateCheck(ok ? GateCheck.Status.OK : GateCheck.Status.FAIL, c.cell(), rule, bv,
          cur, cur - bv, rule.threshold(), ci, Double.NaN,
          ok ? "at or above the floor" : "below the floor");
    }
    Double base = b.means().get(m);
    if (base == null) {
      throw new BadInputException(String.format(Locale.ROOT,
          "metric '%s' is not in the baseline for cell '%s' (it has %s)", m, b.cell(),
          b.means().keySet()));
    }
    double tol = rule.type() == GateRule.Type.DELTA ? rule.threshold()
        : base * rule.threshold() / 100.0;
    double delta = cur - base;
    PairedResult pr = null;
    if (b.hasPerQuery() && c.hasPerQuery() && b.perQuery().containsKey(m)
        && c.perQuery().containsKey(m)) {
      pr = RunComparison.pair(b, c, m, paired);
    }
    Interval ci = pr == null ? Interval.EMPTY : pr.ci();
    double p = pr == null ? Double.NaN : pr.p();
    if (delta < tol) {
      if (pr == null) {
        return new GateCheck(GateCheck.Status.FAIL, c.cell(), rule, base, cur, delta, tol, ci, p,
            "dropped beyond tolerance; no per-query values to test significance");
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
}
