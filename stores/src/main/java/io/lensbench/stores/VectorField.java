package io.lensbench.stores;

/** A named dense vector field. */
public record VectorField(String name, int dimension, Metric metric, IndexSpec index) {}
