package io.lensbench.reports;

import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.stats.Holm;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.eval.stats.PairedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two runs compared: every metric of every common cell (matched by id), B − A, compare's paired
 * test on the per-query values and Holm over all tests.
 */
final class Comparison {
  /** One cell × metric; p is NaN when the per-query values cannot be paired. */
  record Row(String cell, String metric, double meanA, double meanB, int numPaired, double p, double pHolm) {
    double delta() {
      return meanB - meanA;
    }

    boolean significant() {
      return !Double.isNaN(p) && pHolm < 0.05;
    }
  }

  final List<Row> rows = new ArrayList<>();
  final Set<String> onlyA = new LinkedHashSet<>();
  final Set<String> onlyB = new LinkedHashSet<>();
  /** Cell id → row of the primary metric, for the delta matrix. */
  final Map<String, Row> primary = new LinkedHashMap<>();
  final String title;

  Comparison(RunData a, RunData b, List<String> metrics, String primaryMetric, PairedOptions options) {
    Map<String, RunCell> inB = new LinkedHashMap<>();
    b.cells().forEach(c -> inB.put(c.cell(), c));
    List<Row> raw = new ArrayList<>();
    for (RunCell ca : a.cells()) {
      RunCell cb = inB.get(ca.cell());
      if (cb == null) {
        onlyA.add(ca.cell());
        continue;
      }
      for (String m : metrics) {
        PairedResult r = Significance.pair(ca, cb, m, options);
        raw.add(new Row(ca.cell(), m, ca.mean(m), cb.mean(m), r == null ? 0 : r.n(), r == null ? Double.NaN : r.p(),
            Double.NaN));
      }
    }
    Set<String> inA = new LinkedHashSet<>();
    a.cells().forEach(c -> inA.add(c.cell()));
    inB.keySet().stream().filter(c -> !inA.contains(c)).forEach(onlyB::add);
    double[] holm = Holm.adjust(raw.stream().mapToDouble(r -> Double.isNaN(r.p()) ? 1.0 : r.p()).toArray());
    for (int i = 0; i < raw.size(); i++) {
      Row r = raw.get(i);
      Row row = new Row(r.cell(), r.metric(), r.meanA(), r.meanB(), r.numPaired(), r.p(),
          Double.isNaN(r.p()) ? Double.NaN : holm[i]);
      rows.add(row);
      if (r.metric().equals(primaryMetric)) {
        primary.put(r.cell(), row);
      }
    }
    this.title = "Run B − run A per cell and metric (paired randomization, Holm over " + rows.size() + " tests)";
  }

  /** tables/compare-delta.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("delta", title,
        List.of("cell", "metric", "run_a", "run_b", "delta", "num_q_paired", "p", "p_holm", "significant"));
    for (Row r : rows) {
      t.add(r.cell(), r.metric(), r.meanA(), r.meanB(), r.delta(), r.numPaired(), r.p(), r.pHolm(),
          r.significant() ? "yes" : "no");
    }
    return t;
  }
}
