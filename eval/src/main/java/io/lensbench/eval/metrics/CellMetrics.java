package io.lensbench.eval.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.eval.stats.Bootstrap;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.stats.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scored cell: per-query values for every machine-key metric, means with bootstrap CIs
 * overall and per slice. Serialises to {@code metrics/<cell>.json} (docs/run-directory.md).
 */
public final class CellMetrics {
  private final RunEvaluation run;
  private final List<MetricKey> keys;
  private final Map<String, Map<String, String>> attributes;
  private final List<String> sliceBy;
  private final BootstrapOptions bootstrap;
  private final Summary overall;
  private final Map<String, Summary> slices;

  /** Means, CIs and totals of one group of queries. */
  public record Summary(int numQueries, Map<String, Double> means, Map<String, Interval> cis,
      Map<String, Long> totals) {}

  private CellMetrics(RunEvaluation run, Map<String, Map<String, String>> attributes,
      List<String> sliceBy, BootstrapOptions bootstrap) {
    this.run = run;
    this.keys = MetricKey.all(run.options().cutoffs());
    this.attributes = attributes;
    this.sliceBy = List.copyOf(sliceBy);
    this.bootstrap = bootstrap;
    List<QueryEvaluation> all = run.queries();
    this.overall = summarise(all);
    Map<String, Summary> s = new LinkedHashMap<>();
    for (String attr : sliceBy) {
      TreeMap<String, List<QueryEvaluation>> groups = new TreeMap<>();
      for (QueryEvaluation q : all) {
        Map<String, String> a = attributes.get(q.queryId());
        String v = a == null ? null : a.get(attr);
        if (v != null) {
          groups.computeIfAbsent(v, k -> new ArrayList<>()).add(q);
        }
      }
      groups.forEach((v, qs) -> s.put(attr + "=" + v, summarise(qs)));
    }
    this.slices = s;
  }

  /** Scores with slices over {@code sliceBy} attributes (default kind and language). */
  public static CellMetrics of(RunEvaluation run, Map<String, Map<String, String>> attributes,
      List<String> sliceBy, BootstrapOptions bootstrap) {
    return new CellMetrics(run, attributes, sliceBy, bootstrap);
  }

  public static CellMetrics of(RunEvaluation run, Map<String, Map<String, String>> attributes,
      BootstrapOptions bootstrap) {
    return new CellMetrics(run, attributes, List.of("kind", "language"), bootstrap);
  }

  private Summary summarise(List<QueryEvaluation> qs) {
    EvalOptions o = run.options();
    double[][] v = new double[keys.size()][qs.size()];
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      MetricKey key = keys.get(k);
      double sum = 0.0;
      for (int i = 0; i < qs.size(); i++) {
        v[k][i] = key.value(qs.get(i), o);
        sum += v[k][i];
      }
      means.put(key.key(), qs.isEmpty() ? Double.NaN : sum / qs.size());
      if (key.kind().isCount()) {
        totals.put(key.key(), (long) sum);
      }
    }
    Interval[] ci = Bootstrap.meanIntervals(v, bootstrap);
    Map<String, Interval> cis = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      cis.put(keys.get(k).key(), ci[k]);
    }
    return new Summary(qs.size(), means, cis, totals);
  }

  public RunEvaluation run() {
    return run;
  }

  public List<MetricKey> keys() {
    return keys;
  }

  public Summary overall() {
    return overall;
  }

  /** Slices keyed "attribute=value", e.g. "kind=text". */
  public Map<String, Summary> slices() {
    return slices;
  }

  public double mean(String key) {
    return overall.means().get(key);
  }

  /** The metrics/<cell>.json document. */
  public String toJson(CellInfo info) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("cell", info.cell());
    root.put("dataset", info.dataset());
    root.put("querySet", info.querySet());
    root.put("strategy", info.strategy());
    root.put("store", info.store());
    root.put("reranker", info.reranker());
    root.put("numQueries", overall.numQueries());
    root.set("summary", summaryNode(om, overall));
    root.set("counts", countsNode(om, overall));
    ObjectNode sl = root.putObject("slices");
    slices.forEach((name, s) -> {
      ObjectNode n = sl.putObject(name);
      n.put("numQueries", s.numQueries());
      n.set("summary", summaryNode(om, s));
      n.set("counts", countsNode(om, s));
    });
    ObjectNode pq = root.putObject("perQuery");
    EvalOptions o = run.options();
    int[] cut = o.cutoffs();
    for (QueryEvaluation q : run.queries()) {
      ObjectNode n = pq.putObject(q.queryId());
      for (MetricKey k : keys) {
        if (k.kind().isCount()) {
          n.put(k.key(), (long) k.value(q, o));
        } else {
          n.put(k.key(), k.value(q, o));
        }
      }
      n.put("empty", q.empty());
      n.put("inRun", q.inRun());
      for (int c = 0; c < cut.length; c++) {
        n.put("ties_at_" + cut[c], q.tiesAt(c));
      }
      if (q.duplicatesRemoved() > 0) {
        n.put("duplicatesRemoved", q.duplicatesRemoved());
      }
    }
    ObjectNode ev = root.putObject("evaluation");
    ev.put("relevanceLevel", o.relevanceLevel());
    ev.set("cutoffs", om.valueToTree(cut));
    ev.put("duplicates", o.duplicates().name().toLowerCase(java.util.Locale.ROOT));
    ev.put("duplicatesRemoved", run.duplicatesRemoved());
    ev.put("emptyQueries", run.queries().stream().filter(QueryEvaluation::empty).count());
    ev.set("unjudgedRunQueries", om.valueToTree(run.unjudgedRunQueries()));
    ev.put("semantics", "trec_eval 9.0.4 -c");
    ObjectNode bs = root.putObject("bootstrap");
    bs.put("resamples", bootstrap.resamples());
    bs.put("seed", bootstrap.seed());
    bs.put("level", bootstrap.level());
    bs.put("method", "percentile");
    try {
      return om.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode summaryNode(ObjectMapper om, Summary s) {
    ObjectNode n = om.createObjectNode();
    for (MetricKey k : keys) {
      ObjectNode m = n.putObject(k.key());
      putNum(m, "mean", s.means().get(k.key()));
      putNum(m, "ciLow", s.cis().get(k.key()).low());
      putNum(m, "ciHigh", s.cis().get(k.key()).high());
    }
    return n;
  }

  private static ObjectNode countsNode(ObjectMapper om, Summary s) {
    ObjectNode n = om.createObjectNode();
    n.put("num_q", s.numQueries());
    s.totals().forEach(n::put);
    return n;
  }

  private static void putNum(ObjectNode n, String k, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(k);
    } else {
      n.put(k, v);
    }
  }

  /** Writes metrics/<cell>.json under {@code runDir}. */
  public Path write(Path runDir, CellInfo info) {
    return writeTo(runDir.resolve("metrics").resolve(info.cell() + ".json"), info);
  }

  /** Writes the metrics JSON to {@code p}. */
  public Path writeTo(Path p, CellInfo info) {
    try {
      if (p.toAbsolutePath().getParent() != null) {
        Files.createDirectories(p.toAbsolutePath().getParent());
      }
      Files.writeString(p, toJson(info) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + p, e);
    }
    return p;
  }

  /** CSV: one row per query (when perQuery) and an "all" row; columns are machine keys. */
  public void writeCsv(Writer w, boolean perQuery) throws IOException {
    EvalOptions o = run.options();
    StringBuilder sb = new StringBuilder("query");
    for (MetricKey k : keys) {
      sb.append(',').append(k.key());
    }
    sb.append('\n');
    if (perQuery) {
      for (QueryEvaluation q : run.queries()) {
        sb.append(csv(q.queryId()));
        for (MetricKey k : keys) {
          sb.append(',');
          double v = k.value(q, o);
          sb.append(k.kind().isCount() ? Long.toString((long) v) : Double.toString(v));
        }
        sb.append('\n');
      }
    }
    sb.append("all");
    for (MetricKey k : keys) {
      sb.append(',');
      sb.append(k.kind().isCount() ? Long.toString(overall.totals().get(k.key()))
          : Double.toString(overall.means().get(k.key())));
    }
    sb.append('\n');
    w.write(sb.toString());
  }

  static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** Converts to the comparison model used by compare and gate. */
  public ScoredCell toScoredCell(String cellId) {
    Map<String, double[]> values = new LinkedHashMap<>();
    for (MetricKey k : keys) {
      values.put(k.key(), run.values(k));
    }
    List<String> ids = new ArrayList<>();
    for (QueryEvaluation q : run.queries()) {
      ids.add(q.queryId());
    }
    Map<String, Double> means = new LinkedHashMap<>(overall.means());
    return new ScoredCell(cellId, ids, values, means, attributes);
  }
}
