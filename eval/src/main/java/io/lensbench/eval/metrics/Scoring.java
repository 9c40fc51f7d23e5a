package io.lensbench.eval.metrics;

import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.core.SearchHit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runner's entry point: score one cell's rankings (written by io.lensbench.eval.run.MetricsFile). */
public final class Scoring {
  private Scoring() {}

  /**
   * Scores rankings exactly as trec_eval 9.0.4 -c would score the same TREC run file (scores
   * narrowed to float, ties by doc id descending), with bootstrap CIs and slices.
   *
   * @param qrels judgments; every qrels query counts (missing from hits = empty result)
   * @param hits query id → ranked hits (order irrelevant: ranks come from scores)
   * @param attributes query id → slice attributes (see {@link #attributesOf})
   */
  public static CellMetrics score(Qrels qrels, Map<String, List<SearchHit>> hits,
      Map<String, Map<String, String>> attributes, ScoreOptions options) {
    RunEvaluation ev = new Evaluator(options.eval()).evaluate(qrels, hits, "lensbench");
    return CellMetrics.of(ev, attributes, options.sliceBy(), options.bootstrap());
  }

  /** Slice attributes of queries: kind, language and every entry of Query.attributes(). */
  public static Map<String, Map<String, String>> attributesOf(Collection<Query> queries) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Query q : queries) {
      Map<String, String> a = new LinkedHashMap<>(q.attributes());
      if (q.kind() != null) {
        a.put("kind", q.kind().wireName());
      }
      if (q.language() != null) {
        a.put("language", q.language());
      }
      out.put(q.id(), a);
    }
    return out;
  }
}
