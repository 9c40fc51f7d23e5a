package io.lensbench.stores;

/** Scalar metadata stored next to the vectors, usable in filters (KEYWORD, INT). */
public record ScalarField(String name, Type type) {
  public enum Type {
    KEYWORD,
    INT,
    JSON
  }
}
