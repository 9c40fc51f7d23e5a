package io.lensbench.captioners;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.CaptionCache;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link Captioner} that calls its delegate only for images whose caption is not cached under
 * (image SHA-256, captioner id, prompt hash, decoding parameters). Closing it closes the delegate.
 */
public final class CachedCaptioner implements Captioner {
  private final Captioner delegate;
  private final BatchedCache<String> cache;

  public CachedCaptioner(Captioner delegate, Path cacheRoot) {
    this.delegate = delegate;
    this.cache = BatchedCache.ofImmutable(CaptionCache.open(cacheRoot));
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
      delegate.close();
    }
  }
}
