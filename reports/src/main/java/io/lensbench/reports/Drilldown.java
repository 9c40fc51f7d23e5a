package io.lensbench.reports;

import io.lensbench.core.SearchHit;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.QueryRow;
import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drill-down: per query set the queries the cells disagree on most, each with every cell's top
 * results, their relevance grades and their rank movement after rerank.
 */
final class Drilldown {
  /** Rank movement of a hit against the first-stage list: up, down, new (not in it), or none. */
  record Movement(String text, String cssClass) {
    static final Movement NONE = new Movement("", "");
  }

  /** One shown result. {@code grade} is null when the hit is unjudged. */
  record Tile(SearchHit hit, int rank, Integer grade, Movement movement) {}

  /** One cell's results for the query; {@code tiles} is null when the cell has no record of it. */
  record CellResults(RunCell cell, double value, List<Tile> tiles) {}

  /** One query: its row (null when queries/ lacks it), judgments, answer key and every cell's results. */
  record Query(String querySet, String id, QueryRow row, String slice, Map<String, Integer> judgments,
      List<String> relevant, List<CellResults> cells) {
    long numRelevant() {
      return judgments.values().stream().filter(g -> g > 0).count();
    }
  }

  /** Query set → its drill-down queries, in query-set order. */
  final Map<String, List<Query>> bySet = new LinkedHashMap<>();

  Drilldown(RunData run, ReportOptions options) {
    for (String qs : run.querySets()) {
      List<Query> queries = new ArrayList<>();
      for (String qid : chosen(run, qs, options.primaryMetric(), options.maxDrilldown())) {
        queries.add(query(run, qs, qid, options));
      }
      if (!queries.isEmpty()) {
        bySet.put(qs, queries);
      }
    }
  }

  private static Query query(RunData run, String qs, String qid, ReportOptions options) {
    QueryRow q = run.query(qs, qid);
    Map<String, Integer> judged = run.judgments(qs, qid);
    List<String> relevant = judged.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue())).map(Map.Entry::getKey).limit(6).toList();
    List<CellResults> cells = new ArrayList<>();
    for (RunCell c : run.cells()) {
      if (c.id().querySet().equals(qs)) {
        QueryRecord rec = run.records(c).get(qid);
        cells.add(new CellResults(c, c.scores().value(qid, options.primaryMetric()),
            rec == null ? null : tiles(rec, judged, options.topK())));
      }
    }
    return new Query(qs, qid, q, QuerySlices.slice(q, qs), judged, relevant, cells);
  }

  private static List<Tile> tiles(QueryRecord rec, Map<String, Integer> judged, int topK) {
    Map<String, Integer> firstRank = new HashMap<>();
    if (rec.firstStage() != null) {
      for (int i = 0; i < rec.firstStage().size(); i++) {
        firstRank.putIfAbsent(rec.firstStage().get(i).id(), i + 1);
      }
    }
    List<Tile> out = new ArrayList<>();
    for (int i = 0; i < Math.min(topK, rec.hits().size()); i++) {
      SearchHit h = rec.hits().get(i);
      Movement mv = rec.firstStage() == null ? Movement.NONE : movement(firstRank.get(h.id()), i + 1);
      out.add(new Tile(h, i + 1, judged.get(h.id()), mv));
    }
    return out;
  }

  private static Movement movement(Integer before, int rank) {
    if (before == null) {
      return new Movement("new", "new");
    }
    if (before > rank) {
      return new Movement("▲" + (before - rank), "up");
    }
    return before < rank ? new Movement("▼" + (rank - before), "down") : Movement.NONE;
  }

  /** Query ids of one query set: largest spread of the metric across cells first, then by id. */
  static List<String> chosen(RunData run, String querySet, String metric, int max) {
    Map<String, double[]> minMax = new TreeMap<>();
    for (RunCell c : run.cells()) {
      ScoredCell s = c.scores();
      double[] values = s.perQuery().get(metric);
      if (!c.id().querySet().equals(querySet) || values == null) {
        continue;
      }
      for (int i = 0; i < values.length; i++) {
        if (!Double.isNaN(values[i])) {
          double[] mm = minMax.computeIfAbsent(s.queryIds().get(i), k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
          mm[0] = Math.min(mm[0], values[i]);
          mm[1] = Math.max(mm[1], values[i]);
        }
      }
    }
    List<String> ids = new ArrayList<>();
    if (minMax.isEmpty()) {
      run.queries().getOrDefault(querySet, List.of()).forEach(q -> ids.add(q.id()));
    } else {
      ids.addAll(minMax.keySet());
      ids.sort(Comparator.<String>comparingDouble(q -> -(minMax.get(q)[1] - minMax.get(q)[0]))
          .thenComparing(Comparator.naturalOrder()));
    }
    return ids.subList(0, Math.min(max, ids.size()));
  }
}
