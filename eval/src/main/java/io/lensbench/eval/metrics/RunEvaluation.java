package io.lensbench.eval.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scored run: one {@link QueryEvaluation} per counted query, in trec_eval's accumulation
 * order (queries present in the run sorted by id as UTF-8 bytes, then — with -c — the qrels
 * queries absent from the run, also sorted).
 */
public final class RunEvaluation {
  private final EvalOptions options;
  private final String runId;
  private final List<QueryEvaluation> queries;
  private final Map<String, QueryEvaluation> byId;
  private final List<String> unjudgedRunQueries;
  private final long duplicatesRemoved;
  private final long qrelsPositive;

  RunEvaluation(EvalOptions options, String runId, List<QueryEvaluation> queries,
      List<String> unjudgedRunQueries, long qrelsPositive) {
    this.qrelsPositive = qrelsPositive;
    this.options = options;
    this.runId = runId;
    this.queries = Collections.unmodifiableList(new ArrayList<>(queries));
    Map<String, QueryEvaluation> m = new LinkedHashMap<>();
    long dups = 0;
    for (QueryEvaluation q : queries) {
      m.put(q.queryId(), q);
      dups += q.duplicatesRemoved();
    }
    this.byId = Collections.unmodifiableMap(m);
    this.unjudgedRunQueries = List.copyOf(unjudgedRunQueries);
    this.duplicatesRemoved = dups;
  }

  public EvalOptions options() {
    return options;
  }

  public String runId() {
    return runId;
  }

  /** Counted queries in accumulation order. */
  public List<QueryEvaluation> queries() {
    return queries;
  }

  public QueryEvaluation query(String id) {
    return byId.get(id);
  }

  /** Query ids that appear in the run but not in the qrels (ignored, as trec_eval does). */
  public List<String> unjudgedRunQueries() {
    return unjudgedRunQueries;
  }

  /** Total duplicate entries removed under {@link DuplicatePolicy#KEEP_FIRST}. */
  public long duplicatesRemoved() {
    return duplicatesRemoved;
  }

  /**
   * Judgments with grade &gt; 0 over every qrels query. trec_eval -c prints this as the summary
   * num_rel whatever -l is (a trec_eval quirk reproduced by the trec output only).
   */
  public long qrelsPositiveJudgments() {
    return qrelsPositive;
  }

  public int numQueries() {
    return queries.size();
  }

  /** Per-query values of a metric, in {@link #queries()} order. */
  public double[] values(MetricKey key) {
    double[] v = new double[queries.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = key.value(queries.get(i), options);
    }
    return v;
  }

  /** trec_eval's average: sum in accumulation order divided by the number of queries. */
  public double mean(MetricKey key) {
    double sum = 0.0;
    for (QueryEvaluation q : queries) {
      sum += key.value(q, options);
    }
    return queries.isEmpty() ? 0.0 : sum / queries.size();
  }
}
