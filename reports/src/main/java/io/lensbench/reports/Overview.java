package io.lensbench.reports;

import io.lensbench.eval.metrics.Summary;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview table: every cell's overview metrics with their intervals, each classified against
 * the best cell of its query set.
 */
final class Overview {
  /** How a value stands in its query set: the best, not clearly worse (CIs overlap), or neither. */
  enum Standing {
    BEST("best"), TIE("tie"), NONE("");

    final String cssClass;

    Standing(String cssClass) {
      this.cssClass = cssClass;
    }
  }

  /** One metric of one cell; {@code present} is false when the cell lacks the metric. */
  record Value(boolean present, double mean, Interval ci, Standing standing) {}

  /** One cell with its values, in the order of {@link #metrics}. */
  record Row(RunCell cell, List<Value> values) {}

  final List<String> metrics;
  /** Query set → its rows, in cell order. */
  final Map<String, List<Row>> byQuerySet = new LinkedHashMap<>();

  Overview(List<RunCell> cells) {
    this.metrics = MetricNames.overview(cells);
    Map<String, List<RunCell>> groups = new LinkedHashMap<>();
    cells.forEach(c -> groups.computeIfAbsent(c.id().querySet(), k -> new ArrayList<>()).add(c));
    groups.forEach((qs, group) -> byQuerySet.put(qs, rows(group)));
  }

  private List<Row> rows(List<RunCell> group) {
    Map<String, Summary> best = new LinkedHashMap<>();
    metrics.forEach(m -> best.put(m, best(group, m)));
    List<Row> out = new ArrayList<>();
    for (RunCell c : group) {
      List<Value> values = new ArrayList<>();
      Summary s = c.scores().summary();
      for (String m : metrics) {
        values.add(new Value(s.has(m), s.mean(m), s.ci(m), standing(s, best.get(m), m)));
      }
      out.add(new Row(c, values));
    }
    return out;
  }

  /** The summary with the highest mean of {@code m} among {@code group}, or null when none has it. */
  static Summary best(List<RunCell> group, String m) {
    Summary best = null;
    for (RunCell c : group) {
      Summary s = c.scores().summary();
      if (s.has(m) && !Double.isNaN(s.mean(m)) && (best == null || s.mean(m) > best.mean(m))) {
        best = s;
      }
    }
    return best;
  }

  /** How {@code s} stands against {@code best} on {@code m}: the best, tied within CI, or neither. */
  static Standing standing(Summary s, Summary best, String m) {
    if (!s.has(m) || best == null || Double.isNaN(s.mean(m))) {
      return Standing.NONE;
    }
    if (s.mean(m) == best.mean(m)) {
      return Standing.BEST;
    }
    return s.ci(m).isDefined() && best.ci(m).isDefined() && s.ci(m).high() >= best.ci(m).low()
        ? Standing.TIE : Standing.NONE;
  }

  /** tables/overview.csv and .json. */
  ReportTable table() {
    List<String> cols = new ArrayList<>(List.of("query_set", "strategy", "store", "reranker", "num_q"));
    for (String m : metrics) {
      cols.add(m);
      cols.add(m + "_ci_low");
      cols.add(m + "_ci_high");
    }
    ReportTable t = new ReportTable("overview", "Overview: strategy × store × query set", cols);
    byQuerySet.values().forEach(rows -> rows.forEach(r -> {
      RunCell c = r.cell();
      List<Object> row = new ArrayList<>(List.of(c.id().querySet(), c.id().strategy(), c.id().store(),
          c.id().reranker() == null ? "" : c.id().reranker(), c.scores().numQueries()));
      for (Value v : r.values()) {
        row.add(v.present() ? v.mean() : Double.NaN);
        row.add(v.present() ? v.ci().low() : Double.NaN);
        row.add(v.present() ? v.ci().high() : Double.NaN);
      }
      t.add(row.toArray());
    }));
    return t;
  }
}
