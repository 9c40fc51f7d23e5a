package io.lensbench.eval.metrics;

import io.lensbench.eval.stats.Bootstrap;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.stats.Interval;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scored cell: per-query values for every machine-key metric, means with bootstrap CIs
 * overall and per slice. io.lensbench.eval.run.MetricsFile writes it as {@code metrics/<cell>.json}
 * (docs/run-directory.md).
 */
public final class CellMetrics {
  private final RunEvaluation run;
  private final List<MetricKey> keys;
  private final Map<String, Map<String, String>> attributes;
  private final List<String> sliceBy;
  private final BootstrapOptions bootstrap;
  private final Summary overall;
  private final Map<String, Summary> slices;

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

  public BootstrapOptions bootstrap() {
    return bootstrap;
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
    return new ScoredCell(cellId, overall, ids, values, attributes);
  }
}
