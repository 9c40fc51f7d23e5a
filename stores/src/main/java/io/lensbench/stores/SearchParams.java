package io.lensbench.stores;

/**
 * Search-time parameters of an approximate index, varied without rebuilding it: 0 keeps the value
 * the collection was created with.
 *
 * @param ef HNSW search beam (raised to k when smaller)
 * @param nprobe IVF clusters searched
 */
public record SearchParams(int ef, int nprobe) {
  public static final SearchParams DEFAULT = new SearchParams(0, 0);
}
