package io.lensbench.cache;

import io.lensbench.captioners.Captioner;
import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Captioner} that calls its delegate only for images whose caption is not cached under
 * (image SHA-256, captioner id, prompt hash, decoding parameters). Closing it closes the delegate.
 */
public final class CachedCaptioner implements Captioner {
  private final Captioner delegate;
  private final CaptionCache cache;

  public CachedCaptioner(Captioner delegate, Path cacheRoot) {
    this.delegate = delegate;
    this.cache = CaptionCache.open(cacheRoot);
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
    String[] out = new String[images.size()];
    Map<CaptionCache.Key, List<Integer>> missing = new LinkedHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      CaptionCache.Key key = new CaptionCache.Key(Hashing.sha256Hex(images.get(i)),
          delegate.id(), delegate.promptHash(), delegate.decodingParams());
      out[i] = cache.get(key);
      if (out[i] == null) {
        missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<Path> todo = new ArrayList<>();
      for (List<Integer> at : missing.values()) {
        todo.add(images.get(at.get(0)));
      }
      List<String> caps = delegate.caption(todo);
      int j = 0;
      for (Map.Entry<CaptionCache.Key, List<Integer>> e : missing.entrySet()) {
        cache.put(e.getKey(), caps.get(j));
        for (int i : e.getValue()) {
          out[i] = caps.get(j);
        }
        j++;
      }
    }
    return List.of(out);
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
