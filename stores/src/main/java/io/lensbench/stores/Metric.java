package io.lensbench.stores;

/**
 * Vector similarity. Scores returned by every store are "higher is better" and mean the same
 * thing on every store: COSINE → cosine similarity in [-1, 1]; IP → inner product;
 * L2 → negative squared Euclidean distance.
 */
public enum Metric {
  COSINE,
  IP,
  L2
}
