package io.lensbench.runner;

import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of records/<cell>.jsonl.
 *
 * @param firstStage the list before reranking; null without a reranker
 * @param rerank what the reranker reported; null without a reranker
 */
record QueryRecord(
    String query,
    List<SearchHit> hits,
    List<SearchHit> firstStage,
    double encodeMs,
    double searchMs,
    double fuseMs,
    double rerankMs,
    Map<String, Object> rerank) {

  double totalMs() {
    return encodeMs + searchMs + fuseMs + rerankMs;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", query);
    m.put("hits", hits(hits));
    if (firstStage != null) {
      m.put("firstStage", hits(firstStage));
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("encode", round(encodeMs));
    t.put("search", round(searchMs));
    t.put("fuse", round(fuseMs));
    t.put("rerank", round(rerankMs));
    t.put("total", round(totalMs()));
    m.put("timingMs", t);
    if (rerank != null) {
      m.put("rerank", rerank);
    }
    return m;
  }

  private static List<Map<String, Object>> hits(List<SearchHit> hits) {
    List<Map<String, Object>> out = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      m.put("score", h.score());
      out.add(m);
    }
    return out;
  }

  private static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
