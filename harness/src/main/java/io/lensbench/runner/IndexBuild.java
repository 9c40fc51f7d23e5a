package io.lensbench.runner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One collection a run made ready on one store, as {@code indexing.json} records it: built (with
 * its times) or reused.
 *
 * @param items documents in the collection (real items plus distractors)
 * @param distractors distractor documents among them
 * @param wallSeconds create to counted, everything included; 0 when reused
 * @param encodeSeconds producing the documents (encoders, cache reads, vector models) on the
 *     encoding thread, overlapping with the upserts
 * @param upsertSeconds the store's upsert calls
 * @param flushSeconds the final flush (Milvus: seal, build the index, load; OpenSearch: refresh)
 * @param distractorVectors where the distractors' vectors came from (null without distractors)
 */
public record IndexBuild(String store, String strategy, String collection, boolean reused,
    long items, long distractors, double wallSeconds, double encodeSeconds, double upsertSeconds,
    double flushSeconds, Map<String, Object> distractorVectors) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("store", store);
    m.put("strategy", strategy);
    m.put("collection", collection);
    m.put("reused", reused);
    m.put("items", items);
    m.put("distractors", distractors);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("wall", round(wallSeconds));
    s.put("encode", round(encodeSeconds));
    s.put("upsert", round(upsertSeconds));
    s.put("flush", round(flushSeconds));
    m.put("seconds", s);
    if (distractorVectors != null) {
      m.put("distractorVectors", distractorVectors);
    }
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
