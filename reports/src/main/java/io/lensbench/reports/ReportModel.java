package io.lensbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the report shows, computed before any markup: one typed model per section. The
 * CSV/JSON exports are written from it ({@link #exports()}), the page renders it.
 */
final class ReportModel {
  final RunData run;
  /** The run compared against (B), or null. */
  final RunData other;
  final ReportOptions options;
  final Overview overview;
  final Headline headline;
  final Comparison comparison;
  final List<QuerySlices.SliceRow> slices;
  final ParitySummary parity;
  final RerankSummary rerank;
  final Significance significance;
  final Latency latency;
  final JmhResults jmh;
  final BenchData bench;
  final Drilldown drilldown;
  final Tradeoff tradeoff;
  /** bench_latency, bench_overhead, bench_sweep, bench_indexing: those the run has data for. */
  final List<ReportTable> benchTables;

  ReportModel(RunData run, RunData other, ReportOptions options) {
    this.run = run;
    this.other = other;
    this.options = options;
    this.overview = new Overview(run.cells());
    this.headline = new Headline(run, options.primaryMetric());
    this.comparison = other == null ? null
        : new Comparison(run, other, overview.metrics, options.primaryMetric(), options.paired());
    this.slices = QuerySlices.rows(run, options.primaryMetric());
    this.parity = new ParitySummary(run.parity());
    this.rerank = run.hasReranker() ? new RerankSummary(run, options.topK()) : null;
    this.significance = new Significance(run.cells(), options.primaryMetric(), options.paired());
    this.latency = new Latency(run);
    this.jmh = new JmhResults(run, options.primaryMetric());
    this.bench = BenchData.load(run.dir(), run.jmh());
    this.drilldown = new Drilldown(run, options);
    this.benchTables = BenchTables.tables(bench, this);
    this.tradeoff = new Tradeoff(this);
  }

  /** Mean primary metric of a strategy × store over its query sets (NaN when none). */
  double quality(String strategy, String store) {
    return jmh.qualityFor(Map.of("strategy", strategy, "store", store));
  }

  /** The tables written as tables/&lt;name&gt;.csv and .json. */
  List<ReportTable> exports() {
    List<ReportTable> out = new ArrayList<>();
    out.add(headline.table());
    out.add(overview.table());
    if (comparison != null) {
      out.add(comparison.table());
    }
    out.add(sliceTable());
    if (!jmh.results.isEmpty()) {
      out.add(jmh.table());
    }
    out.add(parity.table());
    if (rerank != null) {
      out.add(rerank.table());
    }
    out.add(significance.table());
    out.addAll(benchTables);
    out.add(latency.table());
    out.add(tradeoff.table());
    return out;
  }

  ReportTable sliceTable() {
    String metric = options.primaryMetric();
    ReportTable t = new ReportTable("slices", "Per-slice means of " + MetricNames.display(metric),
        List.of("store", "system", "slice", "num_q", metric));
    slices.forEach(r -> t.add(r.store(), r.system(), r.slice(), r.numQueries(), r.mean()));
    return t;
  }
}
