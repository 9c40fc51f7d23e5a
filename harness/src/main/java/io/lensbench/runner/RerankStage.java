package io.lensbench.runner;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Query;
import io.lensbench.core.SearchHit;
import java.util.List;
import java.util.Map;

/**
 * The runner's second-stage hook. The runner gives it the first-stage list cut to the
 * configured depth; it returns the reordered list and what happened (policy, drops, tokens, …),
 * which lands in the record's {@code rerank} object. None by default.
 */
public interface RerankStage extends AutoCloseable {

  /** Id in cell names, e.g. {@code llm-listwise}. */
  String id();

  Reranked rerank(Query query, List<SearchHit> firstStage, Dataset dataset);

  @Override
  void close();

  /**
   * @param hits reranked hits, best first
   * @param info the record's {@code rerank} object (see docs/run-directory.md)
   */
  record Reranked(List<SearchHit> hits, Map<String, Object> info) {
    public Reranked {
      hits = List.copyOf(hits);
      info = Map.copyOf(info);
    }
  }
}
