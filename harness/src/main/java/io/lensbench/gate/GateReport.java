package io.lensbench.gate;

import io.lensbench.eval.stats.Interval;
import java.util.List;
import java.util.Locale;

/** Renders gate checks as console lines, a Markdown summary and JUnit XML. */
public final class GateReport {
  private GateReport() {}

  static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
  }

  static String ci(Interval ci) {
    return Double.isNaN(ci.low()) ? "n/a"
        : String.format(Locale.ROOT, "[%+.4f, %+.4f]", ci.low(), ci.high());
  }

  static String p(double p) {
    return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.4f", p);
  }

  static String expected(GateCheck c) {
    GateRule r = c.rule();
    return switch (r.type()) {
      case ABSOLUTE -> String.format(Locale.ROOT, "%s >= %s", r.metric(), num(r.threshold()));
      case DELTA -> String.format(Locale.ROOT, "delta >= %s", signed(r.threshold()));
      case RELATIVE_PERCENT -> String.format(Locale.ROOT, "delta >= %s%% of baseline (%s)",
          String.format(Locale.ROOT, "%+.2f", r.threshold()), signed(c.tolerance()));
    };
  }

  /** One line per check. */
  public static String line(GateCheck c) {
    String ciLabel = c.rule().type() == GateRule.Type.ABSOLUTE ? "CI95(mean)" : "CI95(delta)";
    return String.format(Locale.ROOT,
        "%-8s %s %s: expected %s, actual %s (baseline %s), delta %s, tolerance %s, %s %s, p %s — %s",
        c.status(), c.cell(), c.rule().metric(), expected(c), num(c.actual()), num(c.baseline()),
        signed(c.delta()), c.rule().type() == GateRule.Type.ABSOLUTE ? "n/a" : signed(c.tolerance()),
        ciLabel, ci(c.ci()), p(c.p()), c.note());
  }

  /**
   * The overall verdict: PASSED, FAILED (a regression), or UNUSABLE INPUT (a check could not be
   * made: missing cell, zero queries, missing or NaN value) — which wins over FAILED.
   */
  public static String verdict(List<GateCheck> checks) {
    long unusable = count(checks, GateCheck.Status.UNUSABLE);
    long fails = count(checks, GateCheck.Status.FAIL);
    String word = unusable > 0 ? "UNUSABLE INPUT" : fails > 0 ? "FAILED" : "PASSED";
    return String.format(Locale.ROOT, "gate: %s (%d check(s), %d failed, %d unusable)", word,
        checks.size(), fails, unusable);
  }

  private static long count(List<GateCheck> checks, GateCheck.Status s) {
    return checks.stream().filter(c -> c.status() == s).count();
  }

  public static String markdown(List<GateCheck> checks) {
    StringBuilder sb = new StringBuilder();
    sb.append("# LensBench ").append(verdict(checks)).append("\n\n");
    sb.append("| Status | Cell | Rule | Expected | Actual | Baseline | Delta | Tolerance | CI 95% | p | Note |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (GateCheck c : checks) {
      sb.append("| ").append(c.status()).append(" | ").append(md(c.cell())).append(" | `")
          .append(md(c.rule().text())).append("` | ").append(md(expected(c))).append(" | ")
          .append(num(c.actual())).append(" | ").append(num(c.baseline())).append(" | ")
          .append(signed(c.delta())).append(" | ")
          .append(c.rule().type() == GateRule.Type.ABSOLUTE ? "n/a" : signed(c.tolerance()))
          .append(" | ").append(ci(c.ci())).append(" | ").append(p(c.p())).append(" | ")
          .append(md(c.note())).append(" |\n");
    }
    return sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  public static String junit(List<GateCheck> checks) {
    long fails = checks.stream().filter(c -> !c.passed()).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(String.format(Locale.ROOT,
        "<testsuite name=\"lensbench-gate\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n",
        checks.size(), fails));
    for (GateCheck c : checks) {
      sb.append("  <testcase classname=\"lensbench.gate.").append(xml(c.cell()))
          .append("\" name=\"").append(xml(c.rule().text())).append("\">");
      if (!c.passed()) {
        String type = c.status() == GateCheck.Status.FAIL ? "regression" : "unusable-input";
        sb.append("\n    <failure message=\"").append(xml(c.note())).append("\" type=\"").append(type).append("\">")
            .append(xml(line(c))).append("</failure>\n  ");
      } else {
        sb.append("<system-out>").append(xml(line(c))).append("</system-out>");
      }
      sb.append("</testcase>\n");
    }
    sb.append("</testsuite>\n");
    return sb.toString();
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
            sb.append(' ');
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }
}
