package io.lensbench.cache;

import io.lensbench.encoders.JointEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link JointEncoder} whose image and text embeddings are cached on disk, keyed by (SHA-256 of
 * the image file bytes or text, model id). Composed image+text queries are cached too, keyed by
 * both hashes.
 */
public final class CachedJointEncoder implements JointEncoder {
  private final JointEncoder delegate;
  private final EmbeddingCache images;
  private final EmbeddingCache texts;
  private final EmbeddingCache composed;

  public CachedJointEncoder(JointEncoder delegate, Path cacheRoot) {
    this.delegate = delegate;
    this.images = EmbeddingCache.open(cacheRoot, delegate.id(), "image");
    this.texts = EmbeddingCache.open(cacheRoot, delegate.id(), "text-query");
    this.composed = EmbeddingCache.open(cacheRoot, delegate.id(), "image-text");
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
    List<String> keys = new ArrayList<>(files.size());
    for (Path f : files) {
      keys.add(EmbeddingCache.fileKey(f));
    }
    return through(images, keys, files, delegate::embedImages);
  }

  @Override
  public List<float[]> embedTexts(List<String> list) {
    List<String> keys = new ArrayList<>(list.size());
    for (String t : list) {
      keys.add(EmbeddingCache.textKey(t));
    }
    return through(texts, keys, list, delegate::embedTexts);
  }

  private static <T> List<float[]> through(EmbeddingCache cache, List<String> keys, List<T> inputs,
      java.util.function.Function<List<T>, List<float[]>> compute) {
    float[][] out = new float[inputs.size()][];
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      out[i] = cache.get(keys.get(i));
      if (out[i] == null) {
        missing.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<T> todo = new ArrayList<>();
      for (List<Integer> at : missing.values()) {
        todo.add(inputs.get(at.get(0)));
      }
      List<float[]> vecs = compute.apply(todo);
      int j = 0;
      for (Map.Entry<String, List<Integer>> e : missing.entrySet()) {
        cache.put(e.getKey(), vecs.get(j));
        for (int i : e.getValue()) {
          out[i] = vecs.get(j).clone();
        }
        j++;
      }
      cache.flush();
    }
    return List.of(out);
  }

  @Override
  public float[] embedImageText(Path image, String text) {
    String key = io.lensbench.core.Hashing.sha256Hex(
        EmbeddingCache.fileKey(image) + "+" + EmbeddingCache.textKey(text));
    float[] hit = composed.get(key);
    if (hit != null) {
      return hit;
    }
    float[] v = delegate.embedImageText(image, text);
    composed.put(key, v);
    composed.flush();
    return v.clone();
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
