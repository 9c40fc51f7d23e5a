package io.lensbench.reports;

import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Run-time latency per cell from the records' total milliseconds (not JMH), aggregated with Tablesaw. */
final class Latency {
  record CellLatency(String cell, int numQueries, double p50Ms, double p95Ms, double p99Ms, double meanMs) {}

  final List<CellLatency> rows = new ArrayList<>();

  Latency(RunData run) {
    StringColumn cell = StringColumn.create("cell");
    DoubleColumn total = DoubleColumn.create("total_ms");
    for (RunCell c : run.cells()) {
      for (QueryRecord r : run.records(c).values()) {
        if (r.timing() != null && !Double.isNaN(r.timing().totalMs())) {
          cell.append(c.cell());
          total.append(r.timing().totalMs());
        }
      }
    }
    if (cell.size() == 0) {
      return;
    }
    Table agg = Table.create("latency", cell, total).summarize("total_ms", AggregateFunctions.count,
        AggregateFunctions.median, AggregateFunctions.percentile95, AggregateFunctions.percentile99,
        AggregateFunctions.mean).by("cell");
    for (Row r : agg.sortOn("cell")) {
      rows.add(new CellLatency(r.getString("cell"), (int) Math.round(r.getDouble(1)), r.getDouble(2), r.getDouble(3),
          r.getDouble(4), r.getDouble(5)));
    }
  }

  /** Cell id → p99 in ms. */
  Map<String, Double> p99ByCell() {
    Map<String, Double> m = new LinkedHashMap<>();
    rows.forEach(r -> m.put(r.cell(), r.p99Ms()));
    return m;
  }

  /** tables/latency.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("latency", "Per-query latency from records (wall clock in the run, ms)",
        List.of("cell", "num_q", "p50_ms", "p95_ms", "p99_ms", "mean_ms"));
    rows.forEach(r -> t.add(r.cell(), r.numQueries(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.meanMs()));
    return t;
  }
}
