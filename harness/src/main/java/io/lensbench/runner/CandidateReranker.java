package io.lensbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.rerank.Candidate;
import io.lensbench.rerank.RerankResult;
import io.lensbench.rerank.Reranker;
import io.lensbench.strategies.QueryText;
import io.lensbench.strategies.TextSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The runner's second stage over a {@link Reranker}: first-stage hits become candidates with the
 * item's image and text (the configured text field, else the product name); a query without
 * text gets its image's caption / OCR text when the reranker compares texts. The reranker's
 * counts become the record's {@code rerank} object.
 */
final class CandidateReranker implements RerankStage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Reranker reranker;
  private final String candidateText;
  private final QueryText queryText;

  /** @param queryText null when the reranker does not need a text for image queries */
  CandidateReranker(Reranker reranker, String candidateText, QueryText queryText) {
    this.reranker = reranker;
    this.candidateText = candidateText;
    this.queryText = queryText;
  }

  @Override
  public String id() {
    return reranker.id();
  }

  @Override
  public Reranked rerank(Query query, List<SearchHit> firstStage, Dataset ds) {
    List<Candidate> cands = new ArrayList<>(firstStage.size());
    for (SearchHit h : firstStage) {
      Item it = ds.items().get(h.id());
      String text = it == null ? null : it.texts().get(candidateText);
      cands.add(new Candidate(h.id(), it == null ? null : it.image(),
          text != null ? text : it == null ? null : TextSummary.name(it), h.score()));
    }
    RerankResult res = reranker.rerank(withText(query), cands);
    @SuppressWarnings("unchecked")
    Map<String, Object> info = JSON.convertValue(res.counts().toJson(JSON), Map.class);
    info.values().removeIf(Objects::isNull); // "policy": null of the encoder rerankers
    return new Reranked(res.ranking(), info);
  }

  private Query withText(Query q) {
    if (queryText == null || (q.text() != null && !q.text().isBlank())) {
      return q;
    }
    String t = queryText.of(q);
    if (t == null || t.isBlank()) {
      return q;
    }
    return new Query(q.id(), q.kind(), q.language(), t, q.image(), q.attributes(), q.excludeIds());
  }

  @Override
  public void close() {}
}
