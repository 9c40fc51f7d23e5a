package io.lensbench.stores;

import java.util.List;

/**
 * A store-native hybrid search: several sub-searches fused by the store itself (Milvus hybrid
 * search with RRF/weighted rankers; an OpenSearch query combining knn and match).
 */
public record HybridRequest(List<SubSearch> searches, Ranker ranker, int k, Filter filter) {

  /** One sub-search: either kNN on a vector field or BM25 on a text field. */
  public sealed interface SubSearch permits Knn, Bm25 {}

  public record Knn(String field, float[] vector, int k) implements SubSearch {}

  public record Bm25(String field, String text, int k) implements SubSearch {}

  /** How the store fuses the sub-results. */
  public sealed interface Ranker permits Rrf, Weighted {}

  public record Rrf(int k) implements Ranker {}

  /** One weight per sub-search, in order. */
  public record Weighted(List<Double> weights) implements Ranker {}
}
