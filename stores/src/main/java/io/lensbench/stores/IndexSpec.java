package io.lensbench.stores;

/**
 * How a vector field is indexed.
 *
 * @param type FLAT (exact, brute force) or HNSW (approximate)
 * @param m HNSW graph degree (ignored for FLAT)
 * @param efConstruction HNSW build beam (ignored for FLAT)
 * @param efSearch HNSW search beam; must be ≥ k at query time (ignored for FLAT)
 */
public record IndexSpec(Type type, int m, int efConstruction, int efSearch) {
  public enum Type {
    FLAT,
    HNSW
  }

  public static IndexSpec flat() {
    return new IndexSpec(Type.FLAT, 0, 0, 0);
  }

  public static IndexSpec hnsw(int m, int efConstruction, int efSearch) {
    return new IndexSpec(Type.HNSW, m, efConstruction, efSearch);
  }
}
