package io.lensbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.reports.RunData.CellMetrics;
import io.lensbench.reports.RunData.QueryRecord;
import io.lensbench.reports.RunData.QueryRow;
import io.lensbench.reports.RunData.Stat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns a {@link RunData} into the report's tables. Grouping and aggregation over per-query values
 * (slices, latency percentiles) go through Tablesaw; statistics through {@link Stats}.
 */
public final class Analysis {
  /** Overview metrics, in display order, when present in at least one cell. */
  static final List<String> OVERVIEW_METRICS =
      List.of("recall_at_10", "recall_at_100", "success_at_1", "success_at_10", "mrr", "ndcg_at_10");

  private final RunData run;
  private final ReportOptions options;

  public Analysis(RunData run, ReportOptions options) {
    this.run = run;
    this.options = options;
  }

  /** "Recall@10" from "recall_at_10"; "MRR", "nDCG@10", "Success@1" and so on. */
  public static String display(String key) {
    String[] p = key.split("_at_");
    String base = switch (p[0]) {
      case "recall" -> "Recall";
      case "success" -> "Success";
      case "precision" -> "P";
      case "mrr" -> "MRR";
      case "ndcg" -> "nDCG";
      case "map" -> "MAP";
      default -> p[0];
    };
    return p.length > 1 ? base + "@" + p[1] : base;
  }

  public List<String> overviewMetrics() {
    List<String> out = new ArrayList<>();
    for (String m : OVERVIEW_METRICS) {
      if (run.cells().stream().anyMatch(c -> c.summary().containsKey(m))) {
        out.add(m);
      }
    }
    return out;
  }

  /** Metric keys of one family with a cutoff present in any cell, sorted by cutoff (e.g. recall). */
  public List<Integer> cutoffs(String family) {
    Set<Integer> ks = new TreeSet<>();
    for (CellMetrics c : run.cells()) {
      for (String k : c.summary().keySet()) {
        if (k.startsWith(family + "_at_")) {
          try {
            ks.add(Integer.parseInt(k.substring(family.length() + 4)));
          } catch (NumberFormatException ignored) {
            // e.g. recall_at_x: not a cutoff metric
          }
        }
      }
    }
    return List.copyOf(ks);
  }

  public ReportTable overview() {
    List<String> cols = new ArrayList<>(List.of("query_set", "strategy", "store", "reranker", "num_q"));
    for (String m : overviewMetrics()) {
      cols.add(m);
      cols.add(m + "_ci_low");
      cols.add(m + "_ci_high");
    }
    ReportTable t = new ReportTable("overview", "Overview: strategy × store × query set", cols);
    for (CellMetrics c : run.cells()) {
      List<Object> row = new ArrayList<>(List.of(c.querySet(), c.strategy(), c.store(), c.reranker() == null ? "" : c.reranker(), c.numQueries()));
      for (String m : overviewMetrics()) {
        Stat s = c.summary().get(m);
        row.add(s == null ? Double.NaN : s.mean());
        row.add(s == null ? Double.NaN : s.ciLow());
        row.add(s == null ? Double.NaN : s.ciHigh());
      }
      t.add(row.toArray());
    }
    return t;
  }

  /** Slice label of a query: English text, Korean text, image, table image, image + text. */
  public static String slice(QueryRow q, String fallback) {
    if (q == null) {
      return fallback;
    }
    String lang = q.language() == null ? "none" : q.language();
    return switch (q.kind()) {
      case "text" -> switch (lang) {
        case "en" -> "English text";
        case "ko" -> "Korean text";
        default -> "text (" + lang + ")";
      };
      case "image" -> "image";
      case "table_image" -> "table image" + ("ko".equals(lang) ? " (ko)" : "en".equals(lang) ? " (en)" : "");
      case "image_text" -> "image + text";
      default -> q.kind();
    };
  }

  static final List<String> SLICE_ORDER =
      List.of("English text", "Korean text", "image", "table image (en)", "table image", "table image (ko)", "image + text");

  /** Reading order of slices; unknown slices last. */
  static int sliceRank(String slice) {
    int i = SLICE_ORDER.indexOf(slice);
    return i < 0 ? 100 : i;
  }

  /** Per-query long table (Tablesaw): system, strategy, store, reranker, query_set, slice, query, metric. */
  Table perQueryTable(String metric) {
    StringColumn system = StringColumn.create("system");
    StringColumn strategy = StringColumn.create("strategy");
    StringColumn store = StringColumn.create("store");
    StringColumn querySet = StringColumn.create("query_set");
    StringColumn slice = StringColumn.create("slice");
    StringColumn query = StringColumn.create("query");
    DoubleColumn value = DoubleColumn.create(metric);
    Map<String, Map<String, QueryRow>> index = new TreeMap<>();
    run.queries().forEach((qs, rows) -> {
      Map<String, QueryRow> m = new LinkedHashMap<>();
      rows.forEach(r -> m.put(r.id(), r));
      index.put(qs, m);
    });
    for (CellMetrics c : run.cells()) {
      Map<String, QueryRow> qi = index.getOrDefault(c.querySet(), Map.of());
      c.perQuery().forEach((qid, vals) -> {
        Double v = vals.get(metric);
        if (v == null) {
          return;
        }
        system.append(c.strategy() + (c.reranker() == null ? "" : " + " + c.reranker()));
        strategy.append(c.strategy());
        store.append(c.store());
        querySet.append(c.querySet());
        slice.append(slice(qi.get(qid), c.querySet()));
        query.append(qid);
        value.append(v);
      });
    }
    return Table.create("per_query_" + metric, system, strategy, store, querySet, slice, query, value);
  }

  /** Mean of the metric per (store, system, slice), aggregated with Tablesaw. */
  public ReportTable slices(String metric) {
    Table pq = perQueryTable(metric);
    ReportTable t = new ReportTable("slices", "Per-slice means of " + display(metric),
        List.of("store", "system", "slice", "num_q", metric));
    if (pq.rowCount() == 0) {
      return t;
    }
    Table agg = pq.summarize(metric, AggregateFunctions.mean, AggregateFunctions.count).by("store", "system", "slice");
    agg = agg.sortOn("store", "system", "slice");
    for (Row r : agg) {
      t.add(r.getString("store"), r.getString("system"), r.getString("slice"),
          (int) Math.round(r.getDouble("Count [" + metric + "]")), r.getDouble("Mean [" + metric + "]"));
    }
    return t;
  }

  /** Latency percentiles per cell from records' timingMs.total (run-time, not JMH), via Tablesaw. */
  public ReportTable latency() {
    StringColumn cell = StringColumn.create("cell");
    DoubleColumn total = DoubleColumn.create("total_ms");
    for (CellMetrics c : run.cells()) {
      Map<String, QueryRecord> recs = run.records().getOrDefault(c.cell(), Map.of());
      for (QueryRecord r : recs.values()) {
        Double v = r.timingMs().get("total");
        if (v != null) {
          cell.append(c.cell());
          total.append(v);
        }
      }
    }
    ReportTable t = new ReportTable("latency", "Per-query latency from records (wall clock in the run, ms)",
        List.of("cell", "num_q", "p50_ms", "p95_ms", "p99_ms", "mean_ms"));
    if (cell.size() == 0) {
      return t;
    }
    Table tbl = Table.create("latency", cell, total);
    Table agg = tbl.summarize("total_ms", AggregateFunctions.count, AggregateFunctions.median,
        AggregateFunctions.percentile95, AggregateFunctions.percentile99, AggregateFunctions.mean).by("cell");
    for (Row r : agg.sortOn("cell")) {
      t.add(r.getString("cell"), (int) Math.round(r.getDouble(1)), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5));
    }
    return t;
  }

  /** Paired per-query arrays over queries present in both cells (sorted ids). */
  static double[][] paired(CellMetrics a, CellMetrics b, String metric) {
    List<String> ids = new ArrayList<>(new TreeSet<>(a.perQuery().keySet()));
    List<double[]> pairs = new ArrayList<>();
    for (String q : ids) {
      Map<String, Double> va = a.perQuery().get(q);
      Map<String, Double> vb = b.perQuery().get(q);
      if (vb != null && va.containsKey(metric) && vb.containsKey(metric)) {
        pairs.add(new double[] {va.get(metric), vb.get(metric)});
      }
    }
    double[][] out = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      out[0][i] = pairs.get(i)[0];
      out[1][i] = pairs.get(i)[1];
    }
    return out;
  }

  /**
   * Randomization test for every pair of systems sharing query set and store. The family for
   * Holm–Bonferroni is one (query set, store): the strategies compared on the same queries. (A
   * family over every pair of the whole matrix would be hundreds of tests, and with a
   * permutation p-value floor of 1/(permutations+1) nothing could ever be significant.)
   */
  public ReportTable significance(String metric) {
    record Pair(CellMetrics a, CellMetrics b, int n, double ma, double mb, double p) {}
    Map<String, List<CellMetrics>> groups = new LinkedHashMap<>();
    for (CellMetrics c : run.cells()) {
      groups.computeIfAbsent(c.querySet() + "\u0000" + c.store(), k -> new ArrayList<>()).add(c);
    }
    List<Pair> pairs = new ArrayList<>();
    List<Double> holmAll = new ArrayList<>();
    int largestFamily = 0;
    for (List<CellMetrics> g : groups.values()) {
      List<Pair> family = new ArrayList<>();
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          double[][] ab = paired(g.get(i), g.get(j), metric);
          if (ab[0].length == 0) {
            continue;
          }
          double p = Stats.pairedRandomization(ab[0], ab[1], options.permutations(), options.seed());
          family.add(new Pair(g.get(i), g.get(j), ab[0].length, Stats.mean(ab[0]), Stats.mean(ab[1]), p));
        }
      }
      double[] holm = Stats.holm(family.stream().mapToDouble(Pair::p).toArray());
      for (double h : holm) {
        holmAll.add(h);
      }
      pairs.addAll(family);
      largestFamily = Math.max(largestFamily, family.size());
    }
    ReportTable t = new ReportTable("significance",
        "Paired randomization test on " + display(metric) + " (" + options.permutations() + " permutations, seed "
            + options.seed() + "), Holm-corrected within each query set × store (families of up to "
            + largestFamily + " pairs)",
        List.of("query_set", "store", "system_a", "system_b", "num_q", "mean_a", "mean_b", "delta", "p", "p_holm", "significant"));
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      double h = holmAll.get(i);
      t.add(p.a().querySet(), p.a().store(), sys(p.a()), sys(p.b()), p.n(), p.ma(), p.mb(), p.mb() - p.ma(), p.p(), h,
          h < 0.05 ? "yes" : "no");
    }
    return t;
  }

  static String sys(CellMetrics c) {
    return c.strategy() + (c.reranker() == null ? "" : " + " + c.reranker());
  }

  /** Rerank cells: before (first-stage cell) / after metrics and the records' fault counters. */
  public ReportTable rerank() {
    List<String> ms = overviewMetrics();
    List<String> cols = new ArrayList<>(List.of("cell", "query_set", "strategy", "store", "reranker", "policy"));
    for (String m : ms) {
      cols.add(m + "_before");
      cols.add(m + "_after");
    }
    cols.addAll(List.of("queries", "reordered", "dropped", "duplicated", "invented", "malformed", "timeouts",
        "http_errors", "retries", "cached", "prompt_tokens", "completion_tokens", "mean_rerank_ms"));
    ReportTable t = new ReportTable("rerank", "Rerank: before and after, with the reranker's fault counters", cols);
    for (CellMetrics c : run.cells()) {
      if (c.reranker() == null) {
        continue;
      }
      CellMetrics base = run.cells().stream()
          .filter(o -> o.reranker() == null && o.querySet().equals(c.querySet()) && o.strategy().equals(c.strategy())
              && o.store().equals(c.store()) && o.dataset().equals(c.dataset()))
          .findFirst().orElse(null);
      Map<String, QueryRecord> recs = run.records().getOrDefault(c.cell(), Map.of());
      Map<String, Integer> policies = new TreeMap<>();
      long dropped = 0, dup = 0, inv = 0, malformed = 0, timeouts = 0, http = 0, retries = 0, cached = 0, pt = 0, ct = 0;
      int reordered = 0;
      double lat = 0;
      int latN = 0;
      for (QueryRecord r : recs.values()) {
        JsonNode rr = r.rerank();
        if (!rr.isMissingNode()) {
          policies.merge(rr.path("policy").asText("?"), 1, Integer::sum);
          dropped += rr.path("dropped").asLong();
          dup += rr.path("duplicated").asLong();
          inv += rr.path("invented").asLong();
          malformed += rr.path("malformed").asBoolean() ? 1 : 0;
          timeouts += rr.path("timeout").asBoolean() ? 1 : 0;
          http += rr.path("httpErrors").asLong();
          retries += rr.path("retries").asLong();
          cached += rr.path("cached").asBoolean() ? 1 : 0;
          pt += rr.path("promptTokens").asLong();
          ct += rr.path("completionTokens").asLong();
          if (rr.has("latencyMs")) {
            lat += rr.path("latencyMs").asDouble();
            latN++;
          }
        }
        if (r.firstStage() != null && !sameOrder(r.firstStage(), r.hits(), options.topK())) {
          reordered++;
        }
      }
      List<Object> row = new ArrayList<>(List.of(c.cell(), c.querySet(), c.strategy(), c.store(), c.reranker(),
          String.join(", ", policies.keySet())));
      for (String m : ms) {
        // before: the un-reranked cell of the same strategy and store when the run has one,
        // else the records' first-stage lists scored against the run's qrels
        row.add(base != null ? base.mean(m)
            : FirstStageScore.mean(m, run.qrels().get(c.querySet()), recs));
        row.add(c.mean(m));
      }
      row.addAll(List.of(recs.size(), reordered, dropped, dup, inv, malformed, timeouts, http, retries, cached, pt, ct,
          latN == 0 ? Double.NaN : lat / latN));
      t.add(row.toArray());
    }
    return t;
  }

  private static boolean sameOrder(List<RunData.Hit> a, List<RunData.Hit> b, int k) {
    int n = Math.min(k, Math.min(a.size(), b.size()));
    for (int i = 0; i < n; i++) {
      if (!a.get(i).id().equals(b.get(i).id())) {
        return false;
      }
    }
    return Math.min(k, a.size()) == Math.min(k, b.size());
  }

  /** Store parity from parity.json (see docs/run-directory.md); tolerant of a bare array. */
  public ReportTable parity() {
    ReportTable t = new ReportTable("parity", "Store parity: overlap@k of the stores' result lists",
        List.of("strategy", "query_set", "store_a", "store_b", "k", "overlap", "num_q"));
    JsonNode p = run.parity();
    if (p.isMissingNode()) {
      return t;
    }
    JsonNode arr = p.isArray() ? p
        : p.has("rows") ? p.get("rows") : p.has("pairs") ? p.get("pairs") : p.has("entries") ? p.get("entries") : p.path("results");
    int rootK = p.path("k").asInt(10);
    JsonNode rootStores = p.path("stores");
    for (JsonNode e : arr) {
      int k = e.path("k").asInt(rootK);
      double ov;
      if (e.has("overlapAtK") || e.has("overlap") || e.has("meanOverlap")) {
        ov = e.has("overlapAtK") ? e.get("overlapAtK").asDouble()
            : e.has("overlap") ? e.get("overlap").asDouble() : e.get("meanOverlap").asDouble();
      } else {
        // runner form: overlap_at_1, overlap_at_10, overlap_at_<k>; show @10 when present
        ov = Double.NaN;
        int best = -1;
        Iterator<String> names = e.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (n.startsWith("overlap_at_")) {
            try {
              int kk = Integer.parseInt(n.substring("overlap_at_".length()));
              if (best < 0 || kk == 10 || (best != 10 && kk > best)) {
                best = kk;
                ov = e.get(n).asDouble();
              }
            } catch (NumberFormatException ignored) {
              // not a cutoff key
            }
          }
        }
        if (best > 0) {
          k = best;
        }
      }
      JsonNode stores = e.has("stores") ? e.get("stores") : rootStores;
      String a = e.has("storeA") ? e.get("storeA").asText() : stores.path(0).asText("milvus");
      String b = e.has("storeB") ? e.get("storeB").asText() : stores.path(1).asText("opensearch");
      t.add(e.path("strategy").asText("?"), e.path("querySet").asText("?"), a, b, k, ov, e.path("numQueries").asInt(0));
    }
    return t;
  }

  /** One JMH result: name, params, unit, score, p50/p99 in ms (NaN when not a time mode). */
  public record JmhResult(String benchmark, Map<String, String> params, String mode, double scoreMs, double p50Ms, double p99Ms) {}

  public List<JmhResult> jmh() {
    List<JmhResult> out = new ArrayList<>();
    JsonNode j = run.jmh();
    if (j.isMissingNode() || !j.isArray()) {
      return out;
    }
    for (JsonNode b : j) {
      JsonNode pm = b.path("primaryMetric");
      double toMs = unitToMs(pm.path("scoreUnit").asText(""));
      Map<String, String> params = new TreeMap<>();
      b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode pct = pm.path("scorePercentiles");
      out.add(new JmhResult(b.path("benchmark").asText("?"), params, b.path("mode").asText("?"),
          num(pm.path("score")) * toMs, num(pct.path("50.0")) * toMs, num(pct.path("99.0")) * toMs));
    }
    return out;
  }

  private static double num(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return Double.NaN;
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN; // JMH writes "NaN" strings when undefined
      }
    }
    return n.asDouble();
  }

  private static double unitToMs(String unit) {
    return switch (unit) {
      case "ns/op" -> 1e-6;
      case "us/op" -> 1e-3;
      case "ms/op" -> 1.0;
      case "s/op" -> 1e3;
      default -> Double.NaN; // throughput modes have no latency percentiles
    };
  }

  public ReportTable jmhTable() {
    ReportTable t = new ReportTable("jmh", "JMH latency (bench/jmh.json)",
        List.of("benchmark", "params", "mode", "score_ms", "p50_ms", "p99_ms", "quality_" + options.primaryMetric()));
    for (JmhResult r : jmh()) {
      t.add(r.benchmark(), paramString(r.params()), r.mode(), r.scoreMs(), r.p50Ms(), r.p99Ms(), qualityFor(r.params()));
    }
    return t;
  }

  static String paramString(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }

  /** Mean primary metric over cells matching the JMH params strategy/store/querySet/reranker (when given). */
  public double qualityFor(Map<String, String> params) {
    double sum = 0;
    int n = 0;
    for (CellMetrics c : run.cells()) {
      if (matches(params.get("strategy"), c.strategy()) && matches(params.get("store"), c.store())
          && matches(params.get("querySet"), c.querySet())
          && matches(params.get("reranker"), c.reranker() == null ? "none" : c.reranker())
          && (params.containsKey("reranker") || c.reranker() == null)) {
        double v = c.mean(options.primaryMetric());
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

  /** Query ids of one query set chosen for the drill-down: largest spread of the metric across cells first. */
  public List<String> drilldownQueries(String querySet, int max) {
    Map<String, double[]> minMax = new TreeMap<>();
    for (CellMetrics c : run.cells()) {
      if (!c.querySet().equals(querySet)) {
        continue;
      }
      c.perQuery().forEach((q, vals) -> {
        double v = vals.getOrDefault(options.primaryMetric(), Double.NaN);
        if (Double.isNaN(v)) {
          return;
        }
        double[] mm = minMax.computeIfAbsent(q, k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
        mm[0] = Math.min(mm[0], v);
        mm[1] = Math.max(mm[1], v);
      });
    }
    if (minMax.isEmpty()) {
      List<String> ids = new ArrayList<>();
      run.queries().getOrDefault(querySet, List.of()).forEach(q -> ids.add(q.id()));
      return ids.subList(0, Math.min(max, ids.size()));
    }
    List<String> ids = new ArrayList<>(minMax.keySet());
    ids.sort(Comparator.<String>comparingDouble(q -> -(minMax.get(q)[1] - minMax.get(q)[0]))
        .thenComparing(Comparator.naturalOrder()));
    return ids.subList(0, Math.min(max, ids.size()));
  }

  /** Query sets in cell order. */
  public List<String> querySets() {
    Set<String> s = new LinkedHashSet<>();
    run.cells().forEach(c -> s.add(c.querySet()));
    return List.copyOf(s);
  }

  /** Comparison of two runs: every metric of every common cell, with paired test and Holm. */
  public static ReportTable compare(RunData a, RunData b, List<String> metrics, ReportOptions options) {
    record Row2(String cell, String metric, double ma, double mb, int n, double p) {}
    List<Row2> rows = new ArrayList<>();
    for (CellMetrics ca : a.cells()) {
      CellMetrics cb = b.cells().stream().filter(x -> x.cell().equals(ca.cell())).findFirst().orElse(null);
      if (cb == null) {
        continue;
      }
      for (String m : metrics) {
        double[][] ab = paired(ca, cb, m);
        double p = ab[0].length == 0 ? Double.NaN : Stats.pairedRandomization(ab[0], ab[1], options.permutations(), options.seed());
        rows.add(new Row2(ca.cell(), m, ca.mean(m), cb.mean(m), ab[0].length, p));
      }
    }
    double[] raw = rows.stream().mapToDouble(r -> Double.isNaN(r.p()) ? 1.0 : r.p()).toArray();
    double[] holm = Stats.holm(raw);
    ReportTable t = new ReportTable("delta", "Run B − run A per cell and metric (paired randomization, Holm over "
        + rows.size() + " tests)",
        List.of("cell", "metric", "run_a", "run_b", "delta", "num_q_paired", "p", "p_holm", "significant"));
    for (int i = 0; i < rows.size(); i++) {
      Row2 r = rows.get(i);
      t.add(r.cell(), r.metric(), r.ma(), r.mb(), r.mb() - r.ma(), r.n(), r.p(), Double.isNaN(r.p()) ? Double.NaN : holm[i],
          !Double.isNaN(r.p()) && holm[i] < 0.05 ? "yes" : "no");
    }
    return t;
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
