package io.lensbench.reports;

import io.lensbench.core.SearchHit;
import io.lensbench.eval.run.CellId;
import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reranked cells: metrics before and after, and the reranker's fault counters summed over queries. */
final class RerankSummary {
  /** The fault counters of one cell, summed over its records' "rerank" objects. */
  record Counters(int queries, int reordered, long dropped, long duplicated, long invented, long malformed,
      long timeouts, long httpErrors, long retries, long cached, long promptTokens, long completionTokens,
      double meanRerankMs) {}

  /** One reranked cell; before and after hold the {@link #metrics} in order. */
  record Row(RunCell cell, String policy, List<Double> before, List<Double> after, Counters counters) {}

  final List<String> metrics;
  final List<Row> rows = new ArrayList<>();

  RerankSummary(RunData run, int topK) {
    this.metrics = MetricNames.overview(run.cells());
    for (RunCell c : run.cells()) {
      if (c.id().reranker() == null) {
        continue;
      }
      CellId baseId = c.id().firstStage();
      RunCell base = run.cells().stream().filter(o -> o.id().equals(baseId)).findFirst().orElse(null);
      Map<String, QueryRecord> recs = run.records(c);
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      for (String m : metrics) {
        // before: the un-reranked cell of the same strategy and store when the run has one,
        // else the records' first-stage lists scored against the run's qrels
        before.add(base != null ? base.mean(m) : FirstStageScore.mean(m, run.qrels().get(c.id().querySet()), recs));
        after.add(c.mean(m));
      }
      Map<String, Integer> policies = new TreeMap<>();
      recs.values().forEach(r -> {
        if (r.rerank() != null) {
          policies.merge(String.valueOf(r.rerank().getOrDefault("policy", "?")), 1, Integer::sum);
        }
      });
      rows.add(new Row(c, String.join(", ", policies.keySet()), before, after, counters(recs.values(), topK)));
    }
  }

  private static Counters counters(Iterable<QueryRecord> records, int topK) {
    int queries = 0;
    int reordered = 0;
    long dropped = 0, duplicated = 0, invented = 0, malformed = 0, timeouts = 0, http = 0, retries = 0, cached = 0;
    long promptTokens = 0, completionTokens = 0;
    double lat = 0;
    int latN = 0;
    for (QueryRecord r : records) {
      queries++;
      Map<String, Object> rr = r.rerank() == null ? Map.of() : r.rerank();
      dropped += count(rr, "dropped");
      duplicated += count(rr, "duplicated");
      invented += count(rr, "invented");
      malformed += flag(rr, "malformed");
      timeouts += flag(rr, "timeout");
      http += count(rr, "httpErrors");
      retries += count(rr, "retries");
      cached += flag(rr, "cached");
      promptTokens += count(rr, "promptTokens");
      completionTokens += count(rr, "completionTokens");
      if (rr.get("latencyMs") instanceof Number x) {
        lat += x.doubleValue();
        latN++;
      }
      if (r.firstStage() != null && !sameOrder(r.firstStage(), r.hits(), topK)) {
        reordered++;
      }
    }
    return new Counters(queries, reordered, dropped, duplicated, invented, malformed, timeouts, http, retries, cached,
        promptTokens, completionTokens, latN == 0 ? Double.NaN : lat / latN);
  }

  private static long count(Map<String, Object> rerank, String key) {
    return rerank.get(key) instanceof Number x ? x.longValue() : 0;
  }

  private static long flag(Map<String, Object> rerank, String key) {
    return Boolean.TRUE.equals(rerank.get(key)) ? 1 : 0;
  }

  private static boolean sameOrder(List<SearchHit> a, List<SearchHit> b, int k) {
    int n = Math.min(k, Math.min(a.size(), b.size()));
    for (int i = 0; i < n; i++) {
      if (!a.get(i).id().equals(b.get(i).id())) {
        return false;
      }
    }
    return Math.min(k, a.size()) == Math.min(k, b.size());
  }

  /** tables/rerank.csv and .json. */
  ReportTable table() {
    List<String> cols = new ArrayList<>(List.of("cell", "query_set", "strategy", "store", "reranker", "policy"));
    for (String m : metrics) {
      cols.add(m + "_before");
      cols.add(m + "_after");
    }
    cols.addAll(List.of("queries", "reordered", "dropped", "duplicated", "invented", "malformed", "timeouts",
        "http_errors", "retries", "cached", "prompt_tokens", "completion_tokens", "mean_rerank_ms"));
    ReportTable t = new ReportTable("rerank", "Rerank: before and after, with the reranker's fault counters", cols);
    for (Row r : rows) {
      CellId id = r.cell().id();
      List<Object> row = new ArrayList<>(List.of(r.cell().cell(), id.querySet(), id.strategy(), id.store(),
          id.reranker(), r.policy()));
      for (int i = 0; i < metrics.size(); i++) {
        row.add(r.before().get(i));
        row.add(r.after().get(i));
      }
      Counters k = r.counters();
      row.addAll(List.of(k.queries(), k.reordered(), k.dropped(), k.duplicated(), k.invented(), k.malformed(),
          k.timeouts(), k.httpErrors(), k.retries(), k.cached(), k.promptTokens(), k.completionTokens(),
          k.meanRerankMs()));
      t.add(row.toArray());
    }
    return t;
  }
}
