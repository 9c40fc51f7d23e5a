package io.lensbench.encoders;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.CacheStore;
import io.lensbench.cache.EmbeddingCache;
import io.lensbench.cache.MemoryStore;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link JointEncoder} whose image and text embeddings are cached, keyed by (SHA-256 of the
 * image file bytes or text, model id, kind); composed image+text queries too, keyed by both
 * hashes. On disk (closing it closes the delegate) or, for one run, in memory (closing it leaves
 * the delegate open).
 */
public final class CachedJointEncoder implements JointEncoder {
  private final JointEncoder delegate;
  private final boolean ownsDelegate;
  private final BatchedCache<float[]> images;
  private final BatchedCache<float[]> texts;
  private final BatchedCache<float[]> composed;

  /** Cached on disk under {@code cacheRoot}; owns the delegate. */
  public CachedJointEncoder(JointEncoder delegate, Path cacheRoot) {
    this(delegate, kind -> EmbeddingCache.open(cacheRoot, delegate.id(), kind), true);
  }

  /** Cached in memory for one run (at most {@link MemoryStore#RUN_MEMO_LIMIT} values a kind): the same content is encoded once; borrows the delegate. */
  public static JointEncoder inMemory(JointEncoder delegate) {
    return new CachedJointEncoder(delegate, kind -> new MemoryStore<>(MemoryStore.RUN_MEMO_LIMIT), false);
  }

  private CachedJointEncoder(JointEncoder delegate,
      Function<String, CacheStore<float[]>> stores, boolean ownsDelegate) {
    this.delegate = delegate;
    this.ownsDelegate = ownsDelegate;
    this.images = BatchedCache.ofVectors(stores.apply("image"));
    this.texts = BatchedCache.ofVectors(stores.apply("text-query"));
    this.composed = BatchedCache.ofVectors(stores.apply("image-text"));
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
  public List<float[]> embedImages(List<Path> files) {
    return images.get(files, f -> key(Hashing.sha256Hex(f), "image"), delegate::embedImages);
  }

  @Override
  public List<float[]> embedTexts(List<String> list) {
    return texts.get(list, t -> key(Hashing.sha256Hex(t), "text-query"), delegate::embedTexts);
  }

  @Override
  public float[] embedImageText(Path image, String text) {
    String content = Hashing.sha256Hex(Hashing.sha256Hex(image) + "+" + Hashing.sha256Hex(text));
    return composed.getOne(image, i -> key(content, "image-text"),
        i -> delegate.embedImageText(i, text));
  }

  private String key(String contentSha256, String kind) {
    return CacheKey.of(contentSha256, delegate.id(), kind);
  }

  @Override
  public void close() {
    try {
      images.close();
      texts.close();
      composed.close();
    } finally {
      if (ownsDelegate) {
        delegate.close();
      }
    }
  }
}
