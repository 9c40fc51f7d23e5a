package io.lensbench.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.bench.BenchFixture;
import io.lensbench.stores.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Turns JMH results into LensBench's latency summary: p50/p90/p99/p99.9 per benchmark × params
 * (p99.9 only with ≥ 1,000 samples), the concurrency sweep (QPS from Throughput mode, p99 from
 * SampleTime at the same thread count), indexing throughput, harness overhead (harness / raw) and
 * OpenSearch / Milvus ratios.
 */
final class BenchSummary {
  private BenchSummary() {}

  /** One latency row. */
  record Latency(String benchmark, String strategy, String store, String k, int threads,
      long samples, double p50, double p90, double p99, Double p999, double mean, String unit) {}

  static String shortName(BenchmarkParams p) {
    String b = p.getBenchmark();
    int dot = b.lastIndexOf('.', b.lastIndexOf('.') - 1);
    return b.substring(dot + 1);
  }

  static String param(BenchmarkParams p, String key) {
    return p.getParamsKeys().contains(key) ? p.getParam(key) : "";
  }

  /** The strategy, plus the benchmark's own variant parameter (fusion, layout, model) when it has one. */
  static String variant(BenchmarkParams p) {
    String v = param(p, "strategy");
    for (String extra : new String[] {"fusion", "layout", "model"}) {
      String e = param(p, extra);
      if (!e.isEmpty()) {
        v = v.isEmpty() ? e : v + "/" + e;
      }
    }
    return v;
  }

  static List<Latency> latencies(Collection<RunResult> results) {
    List<Latency> rows = new ArrayList<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getMode() != Mode.SampleTime) {
        continue;
      }
      Statistics s = r.getPrimaryResult().getStatistics();
      rows.add(new Latency(shortName(p), variant(p),
          param(p, "store"), param(p, "k"), p.getThreads(), s.getN(),
          s.getPercentile(50), s.getPercentile(90), s.getPercentile(99),
          s.getN() >= 1000 ? s.getPercentile(99.9) : null, s.getMean(),
          r.getPrimaryResult().getScoreUnit()));
    }
    return rows;
  }

  static String build(Collection<RunResult> results, BenchFixture fixture, String profile) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("profile", profile);
    root.put("note", "latency in microseconds; p99.9 omitted (null) under 1,000 samples; "
        + "QPS measured from wall time (JMH Throughput mode, summed over client threads)");
    ArrayNode lat = root.putArray("latency");
    for (Latency l : latencies(results)) {
      ObjectNode o = lat.addObject();
      o.put("benchmark", l.benchmark()).put("strategy", l.strategy()).put("store", l.store())
          .put("k", l.k()).put("threads", l.threads()).put("samples", l.samples())
          .put("p50", l.p50()).put("p90", l.p90()).put("p99", l.p99())
          .put("mean", l.mean()).put("unit", l.unit());
      if (l.p999() == null) {
        o.putNull("p99_9");
      } else {
        o.put("p99_9", l.p999());
      }
    }
    ArrayNode sweep = root.putArray("sweep");
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getMode() != Mode.Throughput) {
        continue;
      }
      ObjectNode o = sweep.addObject();
      o.put("strategy", param(p, "strategy")).put("store", param(p, "store"))
          .put("threads", p.getThreads()).put("qps", r.getPrimaryResult().getScore());
      latencies(results).stream()
          .filter(l -> l.benchmark().equals("SearchBenchmark.harness")
              && l.strategy().equals(param(p, "strategy")) && l.store().equals(param(p, "store"))
              && l.threads() == p.getThreads() && l.k().equals(param(p, "k")))
          .reduce((a, b) -> b)
          .ifPresent(l -> o.put("p99_us", l.p99()).put("p50_us", l.p50()));
    }
    ArrayNode enc = root.putArray("encoders");
    for (Latency l : latencies(results)) {
      if (l.benchmark().startsWith("EncoderBenchmark.")) {
        enc.addObject().put("model", l.strategy())
            .put("kind", l.benchmark().substring("EncoderBenchmark.".length()))
            .put("meanUs", l.mean()).put("itemsPerSecond", 1e6 / l.mean());
      }
    }
    ArrayNode idx = root.putArray("indexing");
    long docs = countDocs(fixture);
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getMode() != Mode.SingleShotTime) {
        continue;
      }
      double ms = r.getPrimaryResult().getScore();
      idx.addObject().put("store", param(p, "store")).put("documents", docs)
          .put("msPerRun", ms).put("itemsPerSecond", docs / (ms / 1000.0));
    }
    ArrayNode over = root.putArray("harnessOverhead");
    List<Latency> ls = latencies(results);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Latency h : ls) {
      if (!h.benchmark().equals("SearchBenchmark.harness") || h.threads() != 1
          || !seen.add(h.strategy() + "|" + h.store() + "|" + h.k())) {
        continue; // the sweep's 1-thread run repeats the first one: keep the first
      }
      ls.stream()
          .filter(r -> r.benchmark().equals("SearchBenchmark.raw") && r.threads() == 1
              && r.strategy().equals(h.strategy()) && r.store().equals(h.store())
              && r.k().equals(h.k()))
          .findFirst()
          .ifPresent(r -> over.addObject().put("strategy", h.strategy()).put("store", h.store())
              .put("k", h.k()).put("rawP50", r.p50()).put("harnessP50", h.p50())
              .put("ratioP50", h.p50() / r.p50()).put("ratioMean", h.mean() / r.mean()));
    }
    ArrayNode ratio = root.putArray("opensearchOverMilvus");
    for (Latency os : ls) {
      if (!os.store().equals(StoreKind.OPENSEARCH.id()) || !os.benchmark().startsWith("SearchBenchmark")
          || os.threads() != 1) {
        continue;
      }
      ls.stream()
          .filter(mv -> mv.store().equals(StoreKind.MILVUS.id()) && mv.benchmark().equals(os.benchmark())
              && mv.strategy().equals(os.strategy()) && mv.k().equals(os.k())
              && mv.threads() == 1)
          .findFirst()
          .ifPresent(mv -> ratio.addObject().put("benchmark", os.benchmark())
              .put("strategy", os.strategy()).put("k", os.k())
              .put("p50", os.p50() / mv.p50()).put("p99", os.p99() / mv.p99()));
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long countDocs(BenchFixture f) {
    if (f.indexDocs() == null) {
      return 0;
    }
    try (var lines = Files.lines(f.indexDocs())) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String table(Collection<RunResult> results, BenchFixture fixture) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-32s %-28s %-10s %4s %3s %8s %10s %10s %10s %10s%n",
        "benchmark", "strategy/variant", "store", "k", "thr", "samples", "p50 us", "p90 us",
        "p99 us", "p99.9 us"));
    for (Latency l : latencies(results)) {
      sb.append(String.format(Locale.ROOT, "%-32s %-28s %-10s %4s %3d %8d %10.1f %10.1f %10.1f %10s%n",
          l.benchmark(), l.strategy(), l.store(), l.k(), l.threads(), l.samples(), l.p50(),
          l.p90(), l.p99(), l.p999() == null ? "-" : String.format(Locale.ROOT, "%.1f", l.p999())));
    }
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getMode() == Mode.Throughput) {
        sb.append(String.format(Locale.ROOT, "sweep %-26s %-10s threads=%d  QPS=%.1f%n",
            param(p, "strategy"), param(p, "store"), p.getThreads(),
            r.getPrimaryResult().getScore()));
      } else if (p.getMode() == Mode.SingleShotTime) {
        long docs = countDocs(fixture);
        double ms = r.getPrimaryResult().getScore();
        sb.append(String.format(Locale.ROOT, "indexing %-10s %d docs in %.0f ms = %.0f items/s%n",
            param(p, "store"), docs, ms, docs / (ms / 1000.0)));
      }
    }
    return Objects.requireNonNull(sb.toString());
  }
}
