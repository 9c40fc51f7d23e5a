package io.lensbench.stores;

import java.util.Map;

/** One document to upsert: id, vectors by field, texts by field, scalar values by field. */
public record StoreDocument(
    String id, Map<String, float[]> vectors, Map<String, String> texts, Map<String, Object> scalars) {}
