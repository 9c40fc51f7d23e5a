package io.lensbench.core;

/** One ranked result: document id and a "higher is better" score (see {@link Metric}). */
public record SearchHit(String id, double score) {}
