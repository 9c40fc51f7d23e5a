package io.lensbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark numbers of a run: bench/summary.json (written by the benchmarks module's BenchSummary) when present,
 * else the SampleTime rows of bench/jmh.json. Latencies are held in milliseconds.
 */
public record BenchData(String source, List<Lat> latency, List<Sweep> sweep, List<Indexing> indexing, List<Overhead> overhead) {

  /** One SampleTime row. */
  public record Lat(String benchmark, String strategy, String store, String k, int threads, long samples,
      double p50Ms, double p90Ms, double p99Ms, double p999Ms, double meanMs) {
    /** SearchBenchmark.harness (short or fully qualified name). */
    public boolean harness() {
      return benchmark.endsWith("SearchBenchmark.harness");
    }
  }

  /** One concurrency-sweep point. */
  public record Sweep(String strategy, String store, int threads, double qps, double p50Ms, double p99Ms) {}

  /** Indexing throughput of one store. */
  public record Indexing(String store, long documents, double msPerRun, double itemsPerSecond) {}

  /** harness / raw at one thread. */
  public record Overhead(String strategy, String store, String k, double rawP50Ms, double harnessP50Ms, double ratioP50,
      double ratioMean) {}

  public static BenchData empty() {
    return new BenchData("", List.of(), List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return latency.isEmpty() && sweep.isEmpty() && indexing.isEmpty();
  }

  /** Reads RUN_DIR/bench/summary.json, else RUN_DIR/bench/jmh.json; neither present gives {@link #empty()}. */
  public static BenchData load(Path runDir, JsonNode jmh) {
    Path summary = runDir.resolve("bench").resolve("summary.json");
    if (Files.isRegularFile(summary)) {
      JsonNode s;
      try {
        s = new ObjectMapper().readTree(summary.toFile());
      } catch (IOException e) {
        throw new BadInputException("expected JSON written by `lensbench bench` in " + summary + ", found unparseable text: "
            + e.getMessage(), e);
      }
      return fromSummary(s);
    }
    return fromJmh(jmh);
  }

  static BenchData fromSummary(JsonNode s) {
    List<Lat> lat = new ArrayList<>();
    for (JsonNode o : s.path("latency")) {
      double f = toMs(o.path("unit").asText("us/op"));
      lat.add(new Lat(o.path("benchmark").asText("?"), o.path("strategy").asText(""), o.path("store").asText(""),
          o.path("k").asText(""), o.path("threads").asInt(1), o.path("samples").asLong(0),
          num(o.path("p50")) * f, num(o.path("p90")) * f, num(o.path("p99")) * f, num(o.path("p99_9")) * f, num(o.path("mean")) * f));
    }
    List<Sweep> sweep = new ArrayList<>();
    for (JsonNode o : s.path("sweep")) {
      sweep.add(new Sweep(o.path("strategy").asText(""), o.path("store").asText(""), o.path("threads").asInt(1),
          num(o.path("qps")), num(o.path("p50_us")) / 1000.0, num(o.path("p99_us")) / 1000.0));
    }
    List<Indexing> idx = new ArrayList<>();
    for (JsonNode o : s.path("indexing")) {
      idx.add(new Indexing(o.path("store").asText(""), o.path("documents").asLong(0), num(o.path("msPerRun")),
          num(o.path("itemsPerSecond"))));
    }
    List<Overhead> over = new ArrayList<>();
    for (JsonNode o : s.path("harnessOverhead")) {
      over.add(new Overhead(o.path("strategy").asText(""), o.path("store").asText(""), o.path("k").asText(""),
          num(o.path("rawP50")) / 1000.0, num(o.path("harnessP50")) / 1000.0, num(o.path("ratioP50")), num(o.path("ratioMean"))));
    }
    return new BenchData("bench/summary.json", lat, sweep, idx, over);
  }

  static BenchData fromJmh(JsonNode j) {
    if (j == null || !j.isArray() || j.isEmpty()) {
      return empty();
    }
    List<Lat> lat = new ArrayList<>();
    List<Sweep> sweep = new ArrayList<>();
    for (JsonNode b : j) {
      JsonNode pm = b.path("primaryMetric");
      JsonNode pr = b.path("params");
      String mode = b.path("mode").asText("");
      String name = b.path("benchmark").asText("?");
      int dot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
      String shortName = dot < 0 ? name : name.substring(dot + 1);
      int threads = b.path("threads").asInt(1);
      if (mode.equals("sample")) {
        double f = toMs(pm.path("scoreUnit").asText(""));
        JsonNode pct = pm.path("scorePercentiles");
        lat.add(new Lat(shortName, pr.path("strategy").asText(""), pr.path("store").asText(""), pr.path("k").asText(""),
            threads, 0, num(pct.path("50.0")) * f, num(pct.path("90.0")) * f, num(pct.path("99.0")) * f,
            num(pct.path("99.9")) * f, num(pm.path("score")) * f));
      }
    }
    for (JsonNode b : j) {
      if (b.path("mode").asText("").equals("thrpt")) {
        JsonNode pr = b.path("params");
        int threads = b.path("threads").asInt(1);
        String unit = b.path("primaryMetric").path("scoreUnit").asText("ops/s");
        double perSec = unit.endsWith("/ms") ? 1000.0 : unit.endsWith("/us") ? 1e6 : 1.0;
        Lat at = lat.stream().filter(l -> l.harness() && l.threads() == threads
            && l.strategy().equals(pr.path("strategy").asText("")) && l.store().equals(pr.path("store").asText(""))
            && l.k().equals(pr.path("k").asText(""))).findFirst().orElse(null);
        sweep.add(new Sweep(pr.path("strategy").asText(""), pr.path("store").asText(""), threads,
            num(b.path("primaryMetric").path("score")) * perSec, at == null ? Double.NaN : at.p50Ms(),
            at == null ? Double.NaN : at.p99Ms()));
      }
    }
    List<Overhead> over = new ArrayList<>();
    for (Lat h : lat) {
      if (!h.harness() || h.threads() != 1) {
        continue;
      }
      lat.stream().filter(r -> r.benchmark().endsWith("SearchBenchmark.raw") && r.threads() == 1
              && r.strategy().equals(h.strategy()) && r.store().equals(h.store()) && r.k().equals(h.k())).findFirst()
          .ifPresent(r -> over.add(new Overhead(h.strategy(), h.store(), h.k(), r.p50Ms(), h.p50Ms(), h.p50Ms() / r.p50Ms(),
              h.meanMs() / r.meanMs())));
    }
    return new BenchData("bench/jmh.json", lat, sweep, List.of(), over);
  }

  static double toMs(String unit) {
    return switch (unit) {
      case "ns/op" -> 1e-6;
      case "us/op" -> 1e-3;
      case "ms/op" -> 1.0;
      case "s/op" -> 1e3;
      default -> Double.NaN;
    };
  }

  static double num(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return Double.NaN;
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return n.asDouble();
  }
}
