package io.lensbench.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CacheStore} in memory, for one run or one component. With a limit, a batch that would
 * pass it empties the store first.
 *
 * @param <V> the value type
 */
public final class MemoryStore<V> implements CacheStore<V> {
  /**
   * The cap of a model's in-run memo (one per kind): enough for every query and a demo-sized
   * corpus, far from a million items — beyond it the memo starts over and the on-disk cache
   * serves (the same values, read back).
   */
  public static final int RUN_MEMO_LIMIT = 16_384;

  private final Map<String, V> map = new ConcurrentHashMap<>();
  private final int limit;

  /** Unbounded. */
  public MemoryStore() {
    this(Integer.MAX_VALUE);
  }

  public MemoryStore(int limit) {
    this.limit = limit;
  }

  @Override
  public V get(String key) {
    return map.get(key);
  }

  @Override
  public void putAll(Map<String, V> entries) {
    if ((long) map.size() + entries.size() > limit) {
      map.clear();
    }
    map.putAll(entries);
  }

  public int size() {
    return map.size();
  }

  @Override
  public void close() {
    map.clear();
  }
}
