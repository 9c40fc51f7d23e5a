package io.lensbench.eval.metrics;

import java.util.List;
import java.util.Map;

/**
 * One scored cell as compare, gate and the report consume it: read back from a
 * metrics/&lt;cell&gt;.json (io.lensbench.eval.run.MetricsFile) or produced by
 * {@link CellMetrics#toScoredCell}.
 *
 * @param cell cell id (or file name)
 * @param summary means and CIs as recorded
 * @param queryIds counted queries, in the file's order
 * @param perQuery metric key → values aligned with queryIds; holds a metric only when every
 *     query has a value for it (empty when the file has no per-query values)
 * @param attributes query id → slice attributes (may be empty)
 */
public record ScoredCell(String cell, Summary summary, List<String> queryIds,
    Map<String, double[]> perQuery, Map<String, Map<String, String>> attributes) {

  public ScoredCell {
    queryIds = List.copyOf(queryIds);
  }

  /** Summary means by machine key. */
  public Map<String, Double> means() {
    return summary.means();
  }

  public int numQueries() {
    return summary.numQueries();
  }

  public boolean hasPerQuery() {
    return !perQuery.isEmpty();
  }

  /** The per-query value of {@code metric} for {@code queryId}; NaN when there is none. */
  public double value(String queryId, String metric) {
    double[] v = perQuery.get(metric);
    int i = queryIds.indexOf(queryId);
    return v == null || i < 0 ? Double.NaN : v[i];
  }

  public ScoredCell withAttributes(Map<String, Map<String, String>> attrs) {
    return new ScoredCell(cell, summary, queryIds, perQuery, attrs);
  }

  /** The same scores under another name (e.g. prefixed with the run directory). */
  public ScoredCell withCell(String name) {
    return new ScoredCell(name, summary, queryIds, perQuery, attributes);
  }
}
