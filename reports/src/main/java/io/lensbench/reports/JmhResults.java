package io.lensbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** bench/jmh.json as read for the report, and run quality matched to a benchmark's params. */
final class JmhResults {
  /** One JMH result: name, params, mode, score and p50/p99 in ms (NaN when not a time mode). */
  record Result(String benchmark, Map<String, String> params, String mode, double scoreMs, double p50Ms, double p99Ms) {}

  final List<Result> results = new ArrayList<>();
  private final List<RunCell> cells;
  private final String primaryMetric;

  JmhResults(RunData run, String primaryMetric) {
    this.cells = run.cells();
    this.primaryMetric = primaryMetric;
    JsonNode j = run.jmh();
    if (j.isMissingNode() || !j.isArray()) {
      return;
    }
    for (JsonNode b : j) {
      JsonNode pm = b.path("primaryMetric");
      double toMs = BenchData.toMs(pm.path("scoreUnit").asText(""));
      Map<String, String> params = new TreeMap<>();
      b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode pct = pm.path("scorePercentiles");
      results.add(new Result(b.path("benchmark").asText("?"), params, b.path("mode").asText("?"),
          BenchData.num(pm.path("score")) * toMs, BenchData.num(pct.path("50.0")) * toMs,
          BenchData.num(pct.path("99.0")) * toMs));
    }
  }

  /** Mean primary metric over cells matching the params strategy/store/querySet/reranker (when given). */
  double qualityFor(Map<String, String> params) {
    double sum = 0;
    int n = 0;
    for (RunCell c : cells) {
      String reranker = c.id().reranker();
      if (matches(params.get("strategy"), c.id().strategy()) && matches(params.get("store"), c.id().store())
          && matches(params.get("querySet"), c.id().querySet())
          && matches(params.get("reranker"), reranker == null ? "none" : reranker)
          && (params.containsKey("reranker") || reranker == null)) {
        double v = c.mean(primaryMetric);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
    }
    return params.containsKey("strategy") && n > 0 ? sum / n : Double.NaN;
  }

  private static boolean matches(String want, String have) {
    return want == null || want.equals(have);
  }

  static String paramString(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }

  /** tables/jmh.csv and .json. */
  ReportTable table() {
    ReportTable t = new ReportTable("jmh", "JMH latency (bench/jmh.json)",
        List.of("benchmark", "params", "mode", "score_ms", "p50_ms", "p99_ms", "quality_" + primaryMetric));
    for (Result r : results) {
      t.add(r.benchmark(), paramString(r.params()), r.mode(), r.scoreMs(), r.p50Ms(), r.p99Ms(), qualityFor(r.params()));
    }
    return t;
  }
}
