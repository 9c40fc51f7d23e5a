package io.lensbench.eval.run;

import io.lensbench.core.SearchHit;
import java.util.List;
import java.util.Map;

/**
 * One line of records/&lt;cell&gt;.jsonl: what one query returned and how long it took.
 *
 * @param query query id
 * @param hits the final ranking (after rerank when there is one)
 * @param firstStage the list before reranking; null without a reranker
 * @param timing where the time went; null when not recorded (a record rebuilt from a TREC run)
 * @param rerank what the reranker reported (policy, fault counters, tokens); null without one
 */
public record QueryRecord(String query, List<SearchHit> hits, List<SearchHit> firstStage,
    Timing timing, Map<String, Object> rerank) {

  public QueryRecord {
    hits = List.copyOf(hits);
    firstStage = firstStage == null ? null : List.copyOf(firstStage);
  }

  /** Milliseconds per stage; {@code totalMs} as recorded (NaN when a field is absent). */
  public record Timing(double encodeMs, double searchMs, double fuseMs, double rerankMs, double totalMs) {

    /** The stages with their sum as the total. */
    public static Timing of(double encodeMs, double searchMs, double fuseMs, double rerankMs) {
      return new Timing(encodeMs, searchMs, fuseMs, rerankMs, encodeMs + searchMs + fuseMs + rerankMs);
    }
  }
}
