package io.lensbench.stores.milvus;

import io.lensbench.core.SearchHit;
import io.lensbench.stores.Metric;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.List;

/** Milvus search results as contract hits: rank order, scores "higher is better". */
final class MilvusHits {
  /** What the scores of a search are, for converting them to the contract's meaning. */
  enum Scores {
    /** Similarities (cosine, inner product) and fused scores: as reported. */
    AS_REPORTED,
    /** L2: Milvus reports the squared distance; the contract score is its negation. */
    SQUARED_DISTANCE,
    /** BM25: Milvus Lite reports it negated (as a distance); the contract score is positive. */
    BM25
  }

  private MilvusHits() {}

  static Scores of(Metric metric) {
    return metric == Metric.L2 ? Scores.SQUARED_DISTANCE : Scores.AS_REPORTED;
  }

  static List<SearchHit> hits(SearchResp r, Scores scores) {
    List<SearchHit> out = new ArrayList<>();
    if (r.getSearchResults() == null || r.getSearchResults().isEmpty()) {
      return out;
    }
    for (SearchResp.SearchResult h : r.getSearchResults().get(0)) {
      double score = h.getScore();
      out.add(new SearchHit(String.valueOf(h.getId()), switch (scores) {
        case AS_REPORTED -> score;
        case SQUARED_DISTANCE -> -score;
        case BM25 -> Math.abs(score);
      }));
    }
    return out;
  }
}
