package io.lensbench.rerank;

import io.lensbench.core.SearchHit;
import java.util.List;

/**
 * One reranked query.
 *
 * @param ranking final ranking (what the metrics see); scores are the reranker's (for the LLM
 *     listwise reranker {@code n - rank}, higher is better)
 * @param before the candidates as they came in (first-stage ids and scores)
 * @param counts guardrail counts, tokens and latency
 * @param reason the model's stated reason, when it gave one
 */
public record RerankResult(List<SearchHit> ranking, List<SearchHit> before, RerankCounts counts,
    String reason) {
  public RerankResult {
    ranking = List.copyOf(ranking);
    before = List.copyOf(before);
  }

  public List<String> rankingIds() {
    return ranking.stream().map(SearchHit::id).toList();
  }
}
