package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Search replies as contract hits, in rank order. Lucene's k-NN scores are converted back to the
 * contract's meaning: cosinesimil (1 + cos)/2 → cos; l2 1/(1 + d²) → −d²; innerproduct (ip + 1
 * when ip ≥ 0, 1/(1 − ip) otherwise) → ip. BM25 scores are Lucene's.
 */
final class OpenSearchHits {
  private OpenSearchHits() {}

  /** A Lucene k-NN score converted back to the contract's meaning. */
  static double fromLucene(Metric metric, double s) {
    return switch (metric) {
      case COSINE -> 2.0 * s - 1.0;
      case L2 -> 1.0 - 1.0 / s;
      case IP -> s >= 1.0 ? s - 1.0 : 1.0 - 1.0 / s;
    };
  }

  /** Hits of a kNN search on a field with this metric. */
  static List<SearchHit> vector(JsonNode reply, Metric metric) {
    return hits(reply, s -> fromLucene(metric, s));
  }

  /** Hits of a BM25 search, scores as reported. */
  static List<SearchHit> text(JsonNode reply) {
    return hits(reply, s -> s);
  }

  private static List<SearchHit> hits(JsonNode reply, DoubleUnaryOperator score) {
    List<SearchHit> out = new ArrayList<>();
    for (JsonNode h : reply.path("hits").path("hits")) {
      out.add(new SearchHit(h.path("_id").asText(), score.applyAsDouble(h.path("_score").asDouble())));
    }
    return out;
  }
}
