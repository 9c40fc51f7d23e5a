package io.lensbench.cache;

import java.util.Map;

/**
 * Where a {@link BatchedCache} keeps its values: in memory ({@link MemoryStore}) or on disk
 * ({@link EmbeddingCache}, {@link CaptionCache}). Implementations are thread-safe.
 *
 * @param <V> the value type
 */
public interface CacheStore<V> extends AutoCloseable {

  /** The value under {@code key}, or null. The caller must not modify it. */
  V get(String key);

  /** Stores the entries (one batch: on disk, one locked and forced append). */
  void putAll(Map<String, V> entries);

  default void put(String key, V value) {
    putAll(Map.of(key, value));
  }

  /** Looks for entries other processes stored since this store last looked. */
  default void refresh() {}

  @Override
  default void close() {}
}
