package io.lensbench.gate;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.metrics.MetricKey;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gate rule. Syntax (one of):
 * <ul>
 *   <li>{@code recall_at_10 >= -0.01} — tolerance: current − baseline must be ≥ −0.01
 *       (in metric units; the number must be ≤ 0);
 *   <li>{@code recall_at_10 >= -2%} — relative tolerance: (current − baseline) / baseline
 *       must be ≥ −2 % (the number must be ≤ 0);
 *   <li>{@code recall_at_10 >= 0.60 absolute} — floor: the current mean must be ≥ 0.60.
 * </ul>
 * A tolerance rule fails only when the drop is beyond the tolerance AND significant (paired
 * randomization test on per-query values); a floor fails whenever it is violated.
 */
public record GateRule(String text, String metric, Type type, double threshold) {

  /** Which comparison the rule makes. */
  public enum Type { DELTA, RELATIVE_PERCENT, ABSOLUTE }

  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*([a-z][a-z0-9_]*)\\s*>=\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(%)?\\s*"
          + "(absolute)?\\s*");

  public static GateRule parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "rule '%s': expected 'METRIC >= -TOL' (drop tolerance), 'METRIC >= -PCT%%' (relative "
              + "tolerance) or 'METRIC >= FLOOR absolute', e.g. 'recall_at_10 >= -0.01'", text));
    }
    String metric = m.group(1);
    MetricKey.parse(metric); // unknown metric → bad input
    double v = Double.parseDouble(m.group(2));
    boolean pct = m.group(3) != null;
    boolean abs = m.group(4) != null;
    if (pct && abs) {
      throw new BadInputException(String.format(Locale.ROOT,
          "rule '%s': a floor is a metric value, not a percentage", text));
    }
    if (abs) {
      return new GateRule(text.trim(), metric, Type.ABSOLUTE, v);
    }
    if (v > 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "rule '%s': a tolerance bounds the drop against the baseline and must be ≤ 0; "
              + "for a floor write '%s >= %s absolute'", text, metric, m.group(2)));
    }
    return new GateRule(text.trim(), metric, pct ? Type.RELATIVE_PERCENT : Type.DELTA, v);
  }
}
