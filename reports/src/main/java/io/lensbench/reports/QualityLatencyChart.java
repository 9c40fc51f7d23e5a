package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quality vs p99 latency: from bench/summary.json's harness latency at one thread when present,
 * else from JMH, else from the records' run-time totals.
 */
final class QualityLatencyChart {
  private static final List<String> NAMED_PARAMS = List.of("strategy", "store", "reranker", "querySet", "k");

  private final ReportModel model;
  private final Look look;

  QualityLatencyChart(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    String metric = MetricNames.display(model.options.primaryMetric());
    StringBuilder b = new StringBuilder("<h3>Quality vs p99 latency</h3>");
    List<Svg.Point> pts = new ArrayList<>();
    List<BenchData.Lat> harness1 = model.bench.latency().stream().filter(l -> l.harness() && l.threads() == 1).toList();
    String source;
    if (!harness1.isEmpty()) {
      source = model.bench.source() + ": SearchBenchmark.harness p99 at 1 thread per strategy × store (encoding excluded); "
          + "quality = mean " + metric + " over that strategy × store's query sets";
      harness1.forEach(l -> addBench(pts, l));
    } else if (!model.jmh.results.isEmpty()) {
      source = "JMH (bench/jmh.json, SampleTime p99 per operation)";
      model.jmh.results.forEach(r -> addJmh(pts, r));
    } else {
      source = "run-time records (timingMs.total per query; no bench/jmh.json in this run — run `lensbench bench` for JMH numbers)";
      Map<String, Double> p99 = model.latency.p99ByCell();
      for (RunCell c : model.run.cells()) {
        Double p = p99.get(c.cell());
        double q = c.mean(model.options.primaryMetric());
        if (p != null && p > 0 && !Double.isNaN(q)) {
          pts.add(new Svg.Point(c.id().label() + " · " + c.id().querySet(), p, q, look.color(c),
              look.secondaryStore(c.id().store())));
        }
      }
    }
    if (pts.isEmpty()) {
      return b.append("<p class=\"muted\">No latency data (neither bench/jmh.json nor timingMs in records).</p>").toString();
    }
    b.append("<p class=\"lead\">Up and to the left is better. Source: ").append(esc(source))
        .append(". Hollow markers: second store.</p>");
    b.append("<div class=\"charts\">").append(Svg.scatter(metric + " vs p99 latency", pts, "p99 latency (ms)", metric)).append("</div>");
    return b.toString();
  }

  private void addBench(List<Svg.Point> pts, BenchData.Lat l) {
    double q = model.quality(l.strategy(), l.store());
    if (!Double.isNaN(q) && !Double.isNaN(l.p99Ms()) && l.p99Ms() > 0) {
      pts.add(new Svg.Point(l.strategy() + " · " + l.store() + (l.k().isEmpty() ? "" : " · k=" + l.k()), l.p99Ms(), q,
          look.color(l.strategy()), look.secondaryStore(l.store())));
    }
  }

  private void addJmh(List<Svg.Point> pts, JmhResults.Result r) {
    double q = model.jmh.qualityFor(r.params());
    if (Double.isNaN(q) || Double.isNaN(r.p99Ms()) || r.p99Ms() <= 0) {
      return;
    }
    String strat = r.params().getOrDefault("strategy", "?");
    String rr = r.params().get("reranker");
    boolean reranked = rr != null && !rr.equals("none");
    StringBuilder extra = new StringBuilder();
    r.params().forEach((k, v) -> {
      if (!NAMED_PARAMS.contains(k)) {
        extra.append(" · ").append(k).append('=').append(v);
      }
    });
    String bench = r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
    pts.add(new Svg.Point(bench + " · " + strat + " · " + r.params().getOrDefault("store", "?")
        + (reranked ? " · " + rr : "") + extra
        + (r.params().containsKey("querySet") ? " · " + r.params().get("querySet") : ""), r.p99Ms(), q,
        look.color(reranked ? strat + " + " + rr : strat), look.secondaryStore(r.params().getOrDefault("store", ""))));
  }
}
