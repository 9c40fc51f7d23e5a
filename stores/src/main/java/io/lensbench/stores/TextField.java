package io.lensbench.stores;

/**
 * A full-text (BM25) field.
 *
 * @param language "en" (standard/english analyser) or "ko" (nori in OpenSearch; Milvus Lite's
 *     closest analyser, documented in the implementation)
 */
public record TextField(String name, String language) {}
