package io.lensbench.encoders;

import io.lensbench.cache.BatchedCache;
import io.lensbench.cache.CacheKey;
import io.lensbench.cache.EmbeddingCache;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link JointEncoder} whose image and text embeddings are cached on disk, keyed by (SHA-256 of
 * the image file bytes or text, model id, kind). Composed image+text queries are cached too,
 * keyed by both hashes. Closing it closes the delegate.
 */
public final class CachedJointEncoder implements JointEncoder {
  private final JointEncoder delegate;
  private final BatchedCache<float[]> images;
  private final BatchedCache<float[]> texts;
  private final BatchedCache<float[]> composed;

  public CachedJointEncoder(JointEncoder delegate, Path cacheRoot) {
    this.delegate = delegate;
    this.images = open(cacheRoot, "image");
    this.texts = open(cacheRoot, "text-query");
    this.composed = open(cacheRoot, "image-text");
  }

  private BatchedCache<float[]> open(Path cacheRoot, String kind) {
    return BatchedCache.ofVectors(EmbeddingCache.open(cacheRoot, delegate.id(), kind));
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
      delegate.close();
    }
  }
}
