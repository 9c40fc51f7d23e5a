package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latency: JMH benchmarks (latency, harness overhead, concurrency sweep, indexing) and the run-time latency per cell. */
final class LatencySection {
  private final ReportModel model;
  private final Look look;

  LatencySection(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    ReportTable t = model.latency.table();
    BenchData bench = model.bench;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"latency\"><h2>Latency</h2>");
    b.append(benchmarks());
    b.append("<details").append(bench.isEmpty() ? " open" : "").append("><summary>Run-time latency per cell (")
        .append(t.rows().size()).append(" cells, records timingMs.total)</summary>")
        .append("<p class=\"lead\">Wall-clock per query as recorded during the evaluation run, encoding included, one client, ")
        .append("cold caches possible — indicative only; benchmark-grade numbers come from JMH (`lensbench bench`).</p>");
    b.append(t.isEmpty() ? "<p class=\"muted\">No timings recorded.</p>" : HtmlTables.table(t, "t-latency", c -> c.replace('_', ' ')));
    b.append("</details>");
    if (!model.jmh.results.isEmpty() && bench.latency().isEmpty()) {
      b.append("<h3>JMH</h3>").append(HtmlTables.table(model.jmh.table(), "t-jmh", c -> c.replace('_', ' ')));
    }
    return b.append("</section>").toString();
  }

  private String benchmarks() {
    BenchData bench = model.bench;
    if (bench.isEmpty()) {
      return "<p class=\"muted\">No benchmark data in this run (bench/summary.json, bench/jmh.json): run `lensbench bench` "
          + "for JMH latency, the concurrency sweep and indexing throughput.</p>";
    }
    StringBuilder b = new StringBuilder("<h3>Benchmarks (").append(esc(bench.source())).append(")</h3>");
    ReportTable latency = BenchTables.named(model.benchTables, "bench_latency");
    if (latency != null) {
      List<String> benches = bench.latency().stream().map(BenchData.Lat::benchmark).distinct().toList();
      List<String> th = bench.latency().stream().map(l -> String.valueOf(l.threads())).distinct().toList();
      String defBench = benches.stream().filter(x -> x.endsWith("SearchBenchmark.harness")).findFirst().orElse("");
      b.append("<p class=\"lead\">Per search, encoding excluded. SearchBenchmark.raw = the store calls alone; ")
          .append("SearchBenchmark.harness = LensBench's query path (store calls + tie ordering, cutting, client-side fusion). ")
          .append("p99.9 is blank under 1,000 samples.</p>");
      b.append(HtmlTables.table(latency, "t-bench", c -> c.replace("p99_9", "p99.9").replace('_', ' '),
          HtmlTables.facet("benchmark", 0, benches, defBench) + HtmlTables.facet("threads", 4, th, th.contains("1") ? "1" : "")));
    }
    ReportTable overhead = BenchTables.named(model.benchTables, "bench_overhead");
    if (overhead != null) {
      b.append("<h3>Harness overhead (harness / raw)</h3><p class=\"lead\">1.00 = no overhead beyond the store calls; the goal is ≤ 1.05.</p>")
          .append(HtmlTables.table(overhead, "t-overhead", c -> c.replace('_', ' ')));
    }
    ReportTable sweep = BenchTables.named(model.benchTables, "bench_sweep");
    if (sweep != null) {
      b.append(sweep(sweep));
    }
    ReportTable indexing = BenchTables.named(model.benchTables, "bench_indexing");
    if (indexing != null) {
      b.append("<h3>Indexing throughput</h3>").append(HtmlTables.table(indexing, "t-indexing", c -> c.replace('_', ' ')));
    }
    return b.toString();
  }

  private String sweep(ReportTable table) {
    List<BenchData.Sweep> sweep = model.bench.sweep();
    List<String> stores = model.run.stores();
    StringBuilder b = new StringBuilder("<h3>Concurrency sweep</h3><p class=\"lead\">SearchBenchmark.harness with 1…N client threads: ")
        .append("QPS from Throughput mode (wall time, not 1/latency), p99 from SampleTime at the same thread count. ")
        .append("Colour = strategy; solid = ").append(esc(stores.isEmpty() ? "first store" : stores.get(0)))
        .append(stores.size() > 1 ? ", dashed = " + esc(stores.get(1)) : "").append(".</p>");
    List<String> th = sweep.stream().map(BenchData.Sweep::threads).distinct().sorted().map(String::valueOf).toList();
    List<Svg.Series> qps = new ArrayList<>();
    List<Svg.Series> p99 = new ArrayList<>();
    List<String> series = sweep.stream().map(x -> x.strategy() + " · " + x.store()).distinct().toList();
    for (String name : series) {
      double[] q = new double[th.size()];
      double[] p = new double[th.size()];
      Arrays.fill(q, Double.NaN);
      Arrays.fill(p, Double.NaN);
      String strat = "";
      String st = "";
      for (BenchData.Sweep x : sweep) {
        if ((x.strategy() + " · " + x.store()).equals(name)) {
          int i = th.indexOf(String.valueOf(x.threads()));
          q[i] = x.qps();
          p[i] = x.p99Ms();
          strat = x.strategy();
          st = x.store();
        }
      }
      Integer ci = look.colorIndex(strat);
      String col = Svg.color(ci == null ? series.indexOf(name) : ci);
      qps.add(new Svg.Series(name, col, look.secondaryStore(st), q));
      p99.add(new Svg.Series(name, col, look.secondaryStore(st), p));
    }
    List<String> xl = th.stream().map(x -> x + " thr").toList();
    b.append("<div class=\"charts\">").append(Svg.lines("QPS vs client threads", xl, qps, "queries / s", 0))
        .append(Svg.lines("p99 (ms) vs client threads", xl, p99, "p99 ms", 0)).append("</div>");
    return b.append(HtmlTables.table(table, "t-sweep", c -> c.replace('_', ' '))).toString();
  }
}
