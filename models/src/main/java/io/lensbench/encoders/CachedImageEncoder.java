package io.lensbench.encoders;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.EmbeddingCache;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@link ImageEncoder} whose vectors are cached on disk, keyed by (SHA-256 of the image file,
 * model id, {@code image}); closing it closes the delegate.
 */
public final class CachedImageEncoder implements ImageEncoder {
  private final ImageEncoder delegate;
  private final BatchedCache<float[]> cache;

  public CachedImageEncoder(ImageEncoder delegate, Path cacheRoot) {
    this.delegate = delegate;
    this.cache = BatchedCache.ofVectors(EmbeddingCache.open(cacheRoot, delegate.id(), "image"));
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
  public List<float[]> embed(List<Path> images) {
    return cache.get(images, f -> CacheKey.of(Hashing.sha256Hex(f), delegate.id(), "image"),
        delegate::embed);
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
