package io.lensbench.reports;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.metrics.DuplicatePolicy;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.Evaluator;
import io.lensbench.eval.metrics.MetricKey;
import io.lensbench.eval.run.QueryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores the first-stage (before rerank) lists kept in a reranked cell's records, for the rerank
 * table's "before" column when the run has no un-reranked cell of the same strategy and store.
 * The lists are in rank order, so each hit is scored n − rank and eval's trec_eval-exact
 * {@link Evaluator} scores them (-c: every qrels query counts, one without a record scores 0;
 * duplicates after the first dropped). An unknown metric key is NaN.
 */
final class FirstStageScore {
  private FirstStageScore() {}

  /** Mean of {@code metric} over the qrels queries; NaN when a record has no first-stage list. */
  static double mean(String metric, Qrels qrels, Map<String, QueryRecord> records) {
    if (qrels == null || qrels.size() == 0) {
      return Double.NaN;
    }
    Map<String, List<SearchHit>> lists = new LinkedHashMap<>();
    for (String q : qrels.queryIds()) {
      QueryRecord r = records.get(q);
      if (r != null && r.firstStage() == null) {
        return Double.NaN; // not a reranked record: nothing to score
      }
      if (r != null) {
        lists.put(q, inRankOrder(r.firstStage()));
      }
    }
    MetricKey key;
    try {
      key = MetricKey.parse(metric);
    } catch (BadInputException e) {
      return Double.NaN;
    }
    EvalOptions options = EvalOptions.defaults().withDuplicates(DuplicatePolicy.KEEP_FIRST);
    if (key.kind().hasCutoff()) {
      options = options.withCutoffs(IntStream.concat(IntStream.of(options.cutoffs()), IntStream.of(key.cutoff())).toArray());
    }
    return new Evaluator(options).evaluate(qrels, lists, "first stage").mean(key);
  }

  /** The list with scores n, n − 1, ..., 1, so that trec_eval's order is the list's order. */
  private static List<SearchHit> inRankOrder(List<SearchHit> list) {
    List<SearchHit> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(new SearchHit(list.get(i).id(), list.size() - i));
    }
    return out;
  }
}
