package io.lensbench.regress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes an {@link Expected} as YAML in one fixed layout, so that rewriting a file from an equal
 * run gives the same bytes and a changed value is a one-line diff: a header comment, then the
 * settings, what the values were measured on, the counts, and one block per cell with its values
 * on one line. Values have 4 decimals (as trec_eval prints them); strings are double-quoted.
 */
final class ExpectedYaml {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+\\-]*");

  private ExpectedYaml() {}

  /** The file's text; {@code experimentFile} names the experiment in the header comment. */
  static String format(Expected e, String experimentFile) {
    StringBuilder b = new StringBuilder();
    b.append("# Expected results of ").append(experimentFile).append(", checked by `lensbench regress ")
        .append(experimentFile).append("`.\n");
    b.append("# Rewritten from a run by `lensbench regress ").append(experimentFile)
        .append(" --update`; hand-kept: metrics, tolerance and per-cell tolerance.\n");
    b.append("# Format: docs/regressions.md. Tolerances are absolute, in metric units, by family or metric key.\n");
    b.append("schemaVersion: ").append(Expected.SCHEMA_VERSION).append('\n');
    b.append("experiment: ").append(str(e.experiment())).append('\n');
    b.append("metrics: ").append(list(e.metrics())).append('\n');
    b.append("tolerance: ").append(numbers(e.tolerance(), false)).append('\n');
    measuredOn(b, e.measuredOn());
    counts(b, e.counts());
    b.append("cells:\n");
    e.cells().forEach((id, c) -> {
      b.append("  ").append(key(id)).append(":\n");
      b.append("    queries: ").append(c.queries()).append('\n');
      b.append("    values: ").append(numbers(c.values(), true)).append('\n');
      if (!c.tolerance().isEmpty()) {
        b.append("    tolerance: ").append(numbers(c.tolerance(), false)).append('\n');
      }
    });
    return b.toString();
  }

  private static void measuredOn(StringBuilder b, Expected.MeasuredOn m) {
    b.append("measuredOn:\n");
    field(b, "dataset", m.dataset());
    field(b, "datasetChecksum", m.datasetChecksum());
    field(b, "configHash", m.configHash());
    field(b, "commit", m.commit());
    if (m.dirty() != null) {
      b.append("  dirty: ").append(m.dirty()).append('\n');
    }
    field(b, "finishedAt", m.finishedAt());
    b.append("  models: ").append(strings(m.models())).append('\n');
    b.append("  stores: ").append(strings(m.stores())).append('\n');
  }

  private static void counts(StringBuilder b, Expected.Counts c) {
    b.append("counts:\n");
    if (c.corpusItems() != null) {
      b.append("  corpusItems: ").append(c.corpusItems()).append('\n');
    }
    b.append("  querySets:").append(c.querySets().isEmpty() ? " {}" : "").append('\n');
    c.querySets().forEach((qs, q) -> {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      j.add("queries: " + q.queries()).add("judgments: " + q.judgments());
      if (q.language() != null) {
        j.add("language: " + str(q.language()));
      }
      if (q.derived() != null) {
        j.add("derived: " + str(q.derived()));
      }
      b.append("    ").append(key(qs)).append(": ").append(j).append('\n');
    });
    b.append("  indexes:").append(c.indexes().isEmpty() ? " {}" : "").append('\n');
    c.indexes().forEach((strategy, byStore) -> {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      byStore.forEach((store, n) -> j.add(key(store) + ": " + n));
      b.append("    ").append(key(strategy)).append(": ").append(j).append('\n');
    });
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append("  ").append(name).append(": ").append(str(value)).append('\n');
    }
  }

  private static String list(List<String> values) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    values.forEach(v -> j.add(key(v)));
    return j.toString();
  }

  private static String strings(Map<String, String> m) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    m.forEach((k, v) -> j.add(key(k) + ": " + str(v)));
    return j.toString();
  }

  /** {@code fixed}: 4 decimals (measured values); otherwise the shortest exact form (tolerances). */
  private static String numbers(Map<String, Double> m, boolean fixed) {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    m.forEach((k, v) -> j.add(key(k) + ": " + (fixed ? value(v) : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())));
    return j.toString();
  }

  /** A measured value as written: 4 decimals. */
  static String value(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A measured value rounded as the file keeps it. */
  static double rounded(double v) {
    return Double.parseDouble(value(v));
  }

  private static String key(String k) {
    return PLAIN_KEY.matcher(k).matches() && !k.matches("[0-9.+\\-]+|true|false|null|yes|no|on|off|~") ? k : str(k);
  }

  /** A double-quoted YAML scalar (JSON escapes, which YAML's double-quoted style shares). */
  private static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (ch < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
