package io.lensbench.stores;

/**
 * One sub-search of a {@link HybridRequest} after {@link CheckedStore} has checked it against the
 * collection's schema: the field it searches, resolved, and a non-null text.
 */
public sealed interface CheckedSearch permits CheckedSearch.Knn, CheckedSearch.Bm25 {
  /** Hits this sub-search returns at most. */
  int k();

  /** kNN on a vector field with a vector of its dimension. */
  record Knn(VectorField field, float[] vector, int k) implements CheckedSearch {}

  /** BM25 on a text field; the text may be blank. */
  record Bm25(TextField field, String text, int k) implements CheckedSearch {}
}
