package io.lensbench.encoders;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.CacheStore;
import io.lensbench.cache.EmbeddingCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link TextEncoder} that asks its delegate only for texts not cached yet, keyed by (SHA-256
 * of the text, model id, role): on disk (closing it closes the delegate) or, for one run, in
 * memory (closing it leaves the delegate open).
 */
public final class CachedTextEncoder implements TextEncoder {
  private final TextEncoder delegate;
  private final boolean ownsDelegate;
  private final Map<Role, BatchedCache<float[]>> caches = new EnumMap<>(Role.class);

  /** Cached on disk under {@code cacheRoot}; owns the delegate. */
  public CachedTextEncoder(TextEncoder delegate, Path cacheRoot) {
    this(delegate, kind -> EmbeddingCache.open(cacheRoot, delegate.id(), kind), true);
  }

  /** Cached in memory for one run (at most {@link MemoryStore#RUN_MEMO_LIMIT} values a kind): the same text is encoded once; borrows the delegate. */
  public static TextEncoder inMemory(TextEncoder delegate) {
    return new CachedTextEncoder(delegate, kind -> new MemoryStore<>(MemoryStore.RUN_MEMO_LIMIT), false);
  }

  private CachedTextEncoder(TextEncoder delegate, Function<String, CacheStore<float[]>> stores,
      boolean ownsDelegate) {
    this.delegate = delegate;
    this.ownsDelegate = ownsDelegate;
    for (Role role : Role.values()) {
      caches.put(role, BatchedCache.ofVectors(stores.apply(kind(role))));
    }
  }

  /** The cache kind of a role: {@code text-query} or {@code text-passage}. */
  private static String kind(Role role) {
    return role == Role.QUERY ? "text-query" : "text-passage";
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts, Role role) {
    return caches.get(role).get(texts,
        t -> CacheKey.of(Hashing.sha256Hex(t), delegate.id(), kind(role)),
        missing -> delegate.embed(missing, role));
  }

  @Override
  public void close() {
    try {
      caches.values().forEach(BatchedCache::close);
    } finally {
      if (ownsDelegate) {
        delegate.close();
      }
    }
  }
}
