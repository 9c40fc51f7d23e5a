package io.lensbench.captioners;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.CacheStore;
import io.lensbench.cache.CaptionCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link Captioner} that calls its delegate only for images whose caption is not cached under
 * (image SHA-256, captioner id, prompt hash, decoding parameters): on disk (closing it closes the
 * delegate) or, for one run, in memory (closing it leaves the delegate open).
 */
public final class CachedCaptioner implements Captioner {
  private final Captioner delegate;
  private final boolean ownsDelegate;
  private final BatchedCache<String> cache;

  /** Cached on disk under {@code cacheRoot}; owns the delegate. */
  public CachedCaptioner(Captioner delegate, Path cacheRoot) {
    this(delegate, CaptionCache.open(cacheRoot), true);
  }

  /** Cached in memory for one run: each image is captioned once; borrows the delegate. */
  public static Captioner inMemory(Captioner delegate) {
    return new CachedCaptioner(delegate, new MemoryStore<>(MemoryStore.RUN_MEMO_LIMIT), false);
  }

  private CachedCaptioner(Captioner delegate, CacheStore<String> store, boolean ownsDelegate) {
    this.delegate = delegate;
    this.ownsDelegate = ownsDelegate;
    this.cache = BatchedCache.ofImmutable(store);
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public String promptHash() {
    return delegate.promptHash();
  }

  @Override
  public String decodingParams() {
    return delegate.decodingParams();
  }

  @Override
  public List<String> caption(List<Path> images) {
    return cache.get(images, image -> CacheKey.of(Hashing.sha256Hex(image), delegate.id(),
        delegate.promptHash(), delegate.decodingParams()), delegate::caption);
  }

  @Override
  public void close() {
    try {
      cache.close();
    } finally {
      if (ownsDelegate) {
        delegate.close();
      }
    }
  }
}
