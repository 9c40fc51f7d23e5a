package io.lensbench.reports;

import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Quality against p99 latency, one panel per query set: each cell of the query set is a point
 * (its mean primary metric, its system's p99) and the Pareto front holds the points no other
 * point beats on both (lower p99 and higher quality). Latency comes from bench/summary.json's
 * SearchBenchmark.harness at 1 thread per strategy × store, else from JMH SampleTime p99 matched
 * on the benchmark's params, else from the run's own per-query wall clock per cell.
 */
final class Tradeoff {
  /** One cell as a point; {@code front} when it is on its panel's Pareto front. */
  record Point(RunCell cell, double p99Ms, double quality, boolean front) {}

  final String metric;
  final String source;
  /** Query set → its points, sorted by p99. */
  final Map<String, List<Point>> panels = new LinkedHashMap<>();

  Tradeoff(ReportModel model) {
    this.metric = model.options.primaryMetric();
    List<BenchData.Lat> harness1 = model.bench.latency().stream().filter(l -> l.harness() && l.threads() == 1).toList();
    String m = MetricNames.display(metric);
    ToDoubleFunction<RunCell> p99;
    if (!harness1.isEmpty()) {
      source = model.bench.source() + ": SearchBenchmark.harness p99 at 1 thread per strategy × store (encoding excluded, "
          + "deepest k measured); quality = the cell's mean " + m;
      p99 = c -> c.id().reranker() != null ? Double.NaN : harness1.stream()
          .filter(l -> l.strategy().equals(c.id().strategy()) && l.store().equals(c.id().store()))
          .max(Comparator.comparingInt(l -> parseK(l.k()))).map(BenchData.Lat::p99Ms).orElse(Double.NaN);
    } else if (!model.jmh.results.isEmpty()) {
      source = "JMH (bench/jmh.json, SampleTime p99 of the benchmark matching the cell's strategy, store and reranker); "
          + "quality = the cell's mean " + m;
      p99 = c -> model.jmh.results.stream().filter(r -> matches(r.params(), c)).mapToDouble(JmhResults.Result::p99Ms)
          .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    } else {
      source = "run-time records (p99 of timingMs.total per cell, encoding included; no bench data in this run — "
          + "`lensbench bench` measures latency properly); quality = the cell's mean " + m;
      Map<String, Double> byCell = model.latency.p99ByCell();
      p99 = c -> byCell.getOrDefault(c.cell(), Double.NaN);
    }
    for (String qs : model.run.querySets()) {
      List<Point> pts = new ArrayList<>();
      for (RunCell c : model.run.cells()) {
        double x = c.id().querySet().equals(qs) ? p99.applyAsDouble(c) : Double.NaN;
        double y = c.mean(metric);
        if (x > 0 && !Double.isNaN(y)) {
          pts.add(new Point(c, x, y, false));
        }
      }
      if (!pts.isEmpty()) {
        panels.put(qs, front(pts));
      }
    }
  }

  /** The points sorted by p99 (then quality, best first) with the Pareto front marked. */
  static List<Point> front(List<Point> pts) {
    List<Point> sorted = new ArrayList<>(pts);
    sorted.sort(Comparator.comparingDouble(Point::p99Ms).thenComparing(Comparator.comparingDouble(Point::quality).reversed()));
    List<Point> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point p : sorted) {
      boolean onFront = p.quality() > best;
      best = Math.max(best, p.quality());
      out.add(new Point(p.cell(), p.p99Ms(), p.quality(), onFront));
    }
    return out;
  }

  private static boolean matches(Map<String, String> params, RunCell c) {
    String rr = params.getOrDefault("reranker", "none");
    return c.id().strategy().equals(params.get("strategy")) && c.id().store().equals(params.get("store"))
        && rr.equals(c.id().reranker() == null ? "none" : c.id().reranker())
        && (!params.containsKey("querySet") || params.get("querySet").equals(c.id().querySet()));
  }

  private static int parseK(String k) {
    try {
      return Integer.parseInt(k);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** tables/quality_latency.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("quality_latency", "Quality vs p99 latency per query set (" + source + ")",
        List.of("query_set", "strategy", "store", "reranker", "p99_ms", metric, "pareto"));
    panels.forEach((qs, pts) -> pts.forEach(p -> t.add(qs, p.cell().id().strategy(), p.cell().id().store(),
        p.cell().id().reranker() == null ? "" : p.cell().id().reranker(), p.p99Ms(), p.quality(), p.front() ? "yes" : "no")));
    return t;
  }
}
