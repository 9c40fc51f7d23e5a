package io.lensbench.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Graded relevance judgments: query id → (doc id → grade). Grades are integers as in TREC qrels;
 * a grade ≤ 0 is a judged non-relevant document. Insertion order of queries is preserved.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  public Qrels(Map<String, Map<String, Integer>> judgments) {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
    this.judgments = Collections.unmodifiableMap(copy);
  }

  public Set<String> queryIds() {
    return judgments.keySet();
  }

  /** Judgments for one query; empty when the query has none. */
  public Map<String, Integer> forQuery(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  public Map<String, Map<String, Integer>> asMap() {
    return judgments;
  }

  public int size() {
    return judgments.size();
  }
}
