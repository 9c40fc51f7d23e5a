package io.lensbench.runner;

/**
 * One cell of the matrix: {@code <dataset>.<queryset>.<strategy>.<store>[.<reranker>]}.
 *
 * @param reranker null when there is no second stage
 */
public record CellId(String dataset, String querySet, String strategy, String store, String reranker) {
  @Override
  public String toString() {
    String base = dataset + "." + querySet + "." + strategy + "." + store;
    return reranker == null ? base : base + "." + reranker;
  }
}
