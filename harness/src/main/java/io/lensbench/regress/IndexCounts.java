package io.lensbench.regress;

import io.lensbench.datasets.Item;
import io.lensbench.runner.RunObserver;
import io.lensbench.strategies.Strategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes a run and keeps the document count of every collection it opened: strategy → store →
 * documents, as the store reported them. With an observer the runner opens every strategy's
 * collections, also those whose cells are all done, so a resumed run is counted too.
 */
public final class IndexCounts implements RunObserver {
  private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

  @Override
  public synchronized void indexed(Strategy strategy, String store, String collection, long count, List<Item> corpus) {
    counts.computeIfAbsent(strategy.id(), k -> new LinkedHashMap<>()).put(store, count);
  }

  /** What was observed so far. */
  public synchronized Map<String, Map<String, Long>> counts() {
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return Collections.unmodifiableMap(copy);
  }
}
