package io.lensbench.reports;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.metrics.RunComparison;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.stats.Holm;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.eval.stats.PairedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paired randomization tests between the systems of one run, with eval's statistics and the
 * options of compare and gate ({@link RunComparison#pair}), so the report's p-values equal
 * compare's. The Holm–Bonferroni family is one (query set, store): the systems compared on the
 * same queries. (A family over every pair of the whole matrix would be hundreds of tests, and with
 * a permutation p-value floor of 1/(permutations+1) nothing could ever be significant.)
 */
final class Significance {
  /** One compared pair: B against A on the same queries; delta = B − A. */
  record Row(String querySet, String store, String systemA, String systemB, int numQueries, double meanA,
      double meanB, double delta, double p, double pHolm) {
    boolean significant() {
      return pHolm < 0.05;
    }
  }

  final String metric;
  final List<Row> rows = new ArrayList<>();
  final String title;

  Significance(List<RunCell> cells, String metric, PairedOptions options) {
    this.metric = metric;
    Map<String, List<RunCell>> groups = new LinkedHashMap<>();
    for (RunCell c : cells) {
      groups.computeIfAbsent(c.id().querySet() + "\u0000" + c.id().store(), k -> new ArrayList<>()).add(c);
    }
    int largestFamily = 0;
    for (List<RunCell> g : groups.values()) {
      List<RunCell[]> pairs = new ArrayList<>();
      List<PairedResult> results = new ArrayList<>();
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          PairedResult r = pair(g.get(i), g.get(j), metric, options);
          if (r != null && r.n() > 0) {
            pairs.add(new RunCell[] {g.get(i), g.get(j)});
            results.add(r);
          }
        }
      }
      double[] holm = Holm.adjust(results.stream().mapToDouble(PairedResult::p).toArray());
      for (int i = 0; i < results.size(); i++) {
        RunCell a = pairs.get(i)[0];
        PairedResult r = results.get(i);
        rows.add(new Row(a.id().querySet(), a.id().store(), a.id().system(), pairs.get(i)[1].id().system(), r.n(),
            r.meanA(), r.meanB(), r.diff(), r.p(), holm[i]));
      }
      largestFamily = Math.max(largestFamily, results.size());
    }
    this.title = "Paired randomization test on " + MetricNames.display(metric) + " (" + options.permutations()
        + " permutations, seed " + options.bootstrap().seed() + "), Holm-corrected within each query set × store "
        + "(families of up to " + largestFamily + " pairs)";
  }

  /** compare's paired test of B against A; null when either lacks per-query values or the queries differ. */
  static PairedResult pair(RunCell a, RunCell b, String metric, PairedOptions options) {
    if (!a.scores().perQuery().containsKey(metric) || !b.scores().perQuery().containsKey(metric)) {
      return null;
    }
    try {
      return RunComparison.pair(a.scores(), b.scores(), metric, options);
    } catch (BadInputException e) {
      return null; // the cells score different queries: no paired test
    }
  }

  /** tables/significance.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("significance", title, List.of("query_set", "store", "system_a", "system_b",
        "num_q", "mean_a", "mean_b", "delta", "p", "p_holm", "significant"));
    for (Row r : rows) {
      t.add(r.querySet(), r.store(), r.systemA(), r.systemB(), r.numQueries(), r.meanA(), r.meanB(), r.delta(), r.p(),
          r.pHolm(), r.significant() ? "yes" : "no");
    }
    return t;
  }
}
