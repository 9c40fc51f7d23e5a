package io.lensbench.encoders;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.EmbeddingCache;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TextEncoder} that asks its delegate only for texts not yet in the on-disk cache, keyed
 * by (SHA-256 of the text, model id, role). Closing it closes the delegate.
 */
public final class CachedTextEncoder implements TextEncoder {
  private final TextEncoder delegate;
  private final Map<Role, BatchedCache<float[]>> caches = new EnumMap<>(Role.class);

  public CachedTextEncoder(TextEncoder delegate, Path cacheRoot) {
    this.delegate = delegate;
    for (Role role : Role.values()) {
      caches.put(role, BatchedCache.ofVectors(
          EmbeddingCache.open(cacheRoot, delegate.id(), kind(role))));
    }
  }

  /** The cache kind of a role: {@code text-query} or {@code text-passage}. */
  static String kind(Role role) {
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
      delegate.close();
    }
  }
}
