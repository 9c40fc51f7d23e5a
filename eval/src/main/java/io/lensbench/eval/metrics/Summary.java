package io.lensbench.eval.metrics;

import io.lensbench.eval.stats.Interval;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Means, bootstrap CIs and count totals of one group of queries (a cell, or one slice of it).
 *
 * @param numQueries queries in the group
 * @param means machine key → mean (NaN when undefined), in key order
 * @param cis machine key → CI of the mean ({@link Interval#EMPTY} when none was computed)
 * @param totals machine key → sum over queries, for the count measures (num_ret, ...)
 */
public record Summary(int numQueries, Map<String, Double> means, Map<String, Interval> cis,
    Map<String, Long> totals) {

  public Summary {
    means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
    cis = Collections.unmodifiableMap(new LinkedHashMap<>(cis));
    totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
  }

  public boolean has(String key) {
    return means.containsKey(key);
  }

  /** The mean of {@code key}; NaN when the metric is absent. */
  public double mean(String key) {
    Double m = means.get(key);
    return m == null ? Double.NaN : m;
  }

  /** The CI of {@code key}; {@link Interval#EMPTY} when absent. */
  public Interval ci(String key) {
    return cis.getOrDefault(key, Interval.EMPTY);
  }
}
