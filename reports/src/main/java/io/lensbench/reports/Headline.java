package io.lensbench.reports;

import io.lensbench.eval.metrics.Summary;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first screen's model: for every overview metric and every store, a grid of systems ×
 * query sets with each cell's mean, interval and standing against the best system of its query
 * set on that store (best, tied within the 95 % intervals, or neither).
 */
final class Headline {
  /** One grid cell; {@code cell} is null where the store has no such system on the query set. */
  record Value(RunCell cell, double mean, Interval ci, Overview.Standing standing) {}

  /** One store's grid for one metric. */
  record Grid(String metric, String store, List<String> systems, List<String> querySets, Map<String, Value> values) {
    /** The value of a system on a query set (an empty value when absent). */
    Value at(String system, String querySet) {
      return values.getOrDefault(system + "\u0000" + querySet, new Value(null, Double.NaN, Interval.EMPTY, Overview.Standing.NONE));
    }
  }

  /** Overview metrics the run has, in display order. */
  final List<String> metrics;
  /** The metric shown first (the report's primary metric when the run has it). */
  final String defaultMetric;
  /** Metric → one grid per store, in store order. */
  final Map<String, List<Grid>> grids = new LinkedHashMap<>();

  Headline(RunData run, String primaryMetric) {
    this.metrics = MetricNames.overview(run.cells());
    this.defaultMetric = metrics.contains(primaryMetric) || metrics.isEmpty() ? primaryMetric : metrics.get(metrics.size() - 1);
    for (String m : metrics) {
      List<Grid> perStore = new ArrayList<>();
      for (String store : run.stores()) {
        perStore.add(grid(run, m, store));
      }
      grids.put(m, perStore);
    }
  }

  private static Grid grid(RunData run, String metric, String store) {
    Set<String> systems = new LinkedHashSet<>();
    Map<String, List<RunCell>> byQuerySet = new LinkedHashMap<>();
    for (RunCell c : run.cells()) {
      if (c.id().store().equals(store)) {
        systems.add(c.id().system());
        byQuerySet.computeIfAbsent(c.id().querySet(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, Value> values = new LinkedHashMap<>();
    byQuerySet.forEach((qs, group) -> {
      Summary best = Overview.best(group, metric);
      for (RunCell c : group) {
        Summary s = c.scores().summary();
        values.put(c.id().system() + "\u0000" + qs,
            new Value(c, s.mean(metric), s.ci(metric), Overview.standing(s, best, metric)));
      }
    });
    List<String> querySets = run.querySets().stream().filter(byQuerySet::containsKey).toList();
    return new Grid(metric, store, List.copyOf(systems), querySets, values);
  }

  /** tables/headline.csv and .json: every grid cell of every metric. */
  ReportTable table() {
    ReportTable t = new ReportTable("headline", "Headline heatmaps: system × query set per store and metric",
        List.of("metric", "store", "system", "query_set", "mean", "ci_low", "ci_high", "standing"));
    grids.values().forEach(gs -> gs.forEach(g -> {
      for (String system : g.systems()) {
        for (String qs : g.querySets()) {
          Value v = g.at(system, qs);
          if (v.cell() != null) {
            t.add(g.metric(), g.store(), system, qs, v.mean(), v.ci().low(), v.ci().high(), v.standing().name().toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
    }));
    return t;
  }
}
