package io.lensbench.cache;

import io.lensbench.encoders.TextEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TextEncoder} that asks its delegate only for texts not yet in the on-disk cache, keyed
 * by (SHA-256 of the text, model id, role). Closing it closes the delegate.
 */
public final class CachedTextEncoder implements TextEncoder {
  private final TextEncoder delegate;
  private final Map<Role, EmbeddingCache> caches = new EnumMap<>(Role.class);

  public CachedTextEncoder(TextEncoder delegate, Path cacheRoot) {
    this.delegate = delegate;
    caches.put(Role.QUERY, EmbeddingCache.open(cacheRoot, delegate.id(), "text-query"));
    caches.put(Role.PASSAGE, EmbeddingCache.open(cacheRoot, delegate.id(), "text-passage"));
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
    EmbeddingCache cache = caches.get(role);
    float[][] out = new float[texts.size()][];
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String key = EmbeddingCache.textKey(texts.get(i));
      keys.add(key);
      out[i] = cache.get(key);
      if (out[i] == null) {
        missing.computeIfAbsent(texts.get(i), k -> new ArrayList<>()).add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<String> todo = new ArrayList<>(missing.keySet());
      List<float[]> vecs = delegate.embed(todo, role);
      for (int j = 0; j < todo.size(); j++) {
        List<Integer> at = missing.get(todo.get(j));
        cache.put(keys.get(at.get(0)), vecs.get(j));
        for (int i : at) {
          out[i] = vecs.get(j).clone();
        }
      }
      cache.flush();
    }
    return List.of(out);
  }

  @Override
  public void close() {
    try {
      caches.values().forEach(EmbeddingCache::close);
    } finally {
      delegate.close();
    }
  }
}
