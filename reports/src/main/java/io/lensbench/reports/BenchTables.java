package io.lensbench.reports;

import java.util.ArrayList;
import java.util.List;

/** The benchmark tables (bench/summary.json or bench/jmh.json) as exported and shown in the latency section. */
final class BenchTables {
  private BenchTables() {}

  /** The non-empty tables among bench_latency, bench_overhead, bench_sweep and bench_indexing. */
  static List<ReportTable> tables(BenchData bench, ReportModel model) {
    List<ReportTable> out = new ArrayList<>();
    if (bench.isEmpty()) {
      return out;
    }
    if (!bench.latency().isEmpty()) {
      out.add(latency(bench, model));
    }
    if (!bench.overhead().isEmpty()) {
      ReportTable t = new ReportTable("bench_overhead", "Harness overhead: SearchBenchmark.harness / SearchBenchmark.raw at 1 thread",
          List.of("strategy", "store", "k", "raw_p50_ms", "harness_p50_ms", "ratio_p50", "ratio_mean"));
      bench.overhead().forEach(o -> t.add(o.strategy(), o.store(), o.k(), o.rawP50Ms(), o.harnessP50Ms(), o.ratioP50(), o.ratioMean()));
      out.add(t);
    }
    if (!bench.sweep().isEmpty()) {
      ReportTable t = new ReportTable("bench_sweep", "Concurrency sweep: QPS (wall time, summed over client threads) and p99 per thread count",
          List.of("strategy", "store", "threads", "qps", "p50_ms", "p99_ms"));
      bench.sweep().forEach(x -> t.add(x.strategy(), x.store(), (long) x.threads(), x.qps(), x.p50Ms(), x.p99Ms()));
      out.add(t);
    }
    if (!bench.indexing().isEmpty()) {
      ReportTable t = new ReportTable("bench_indexing", "Indexing throughput (IndexBenchmark, SingleShotTime)",
          List.of("store", "documents", "ms_per_run", "items_per_second"));
      bench.indexing().forEach(x -> t.add(x.store(), x.documents(), x.msPerRun(), x.itemsPerSecond()));
      out.add(t);
    }
    return out;
  }

  private static ReportTable latency(BenchData bench, ReportModel model) {
    ReportTable t = new ReportTable("bench_latency", "JMH SampleTime latency per operation (ms), " + bench.source(),
        List.of("benchmark", "strategy", "store", "k", "threads", "samples", "p50_ms", "p90_ms", "p99_ms", "p99_9_ms", "mean_ms",
            "quality_" + model.options.primaryMetric()));
    for (BenchData.Lat l : bench.latency()) {
      t.add(l.benchmark(), l.strategy(), l.store(), l.k(), (long) l.threads(), l.samples(), l.p50Ms(), l.p90Ms(), l.p99Ms(),
          l.p999Ms(), l.meanMs(), model.quality(l.strategy(), l.store()));
    }
    return t;
  }

  /** The named table of {@code tables}, or null. */
  static ReportTable named(List<ReportTable> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }
}
