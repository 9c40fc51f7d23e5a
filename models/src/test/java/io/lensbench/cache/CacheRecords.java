package io.lensbench.cache;

import io.lensbench.core.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic records for the cache tests: key i and vector i are the same in every JVM. */
final class CacheRecords {
  static final String MODEL = "test-model-v1";
  static final String KIND = "text-passage";
  static final int DIM = 384;

  private CacheRecords() {}

  static String key(int i) {
    return CacheKey.of(Hashing.sha256Hex("item-" + i), MODEL, KIND);
  }

  static float[] vector(int i) {
    Random r = new Random(i);
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) r.nextGaussian();
    }
    return v;
  }

  /** Records {@code from} .. {@code from + count - 1}, in order. */
  static Map<String, float[]> batch(int from, int count) {
    Map<String, float[]> m = new LinkedHashMap<>();
    for (int i = from; i < from + count; i++) {
      m.put(key(i), vector(i));
    }
    return m;
  }

  static EmbeddingCache open(Path root) {
    return EmbeddingCache.open(root, MODEL, KIND);
  }

  /** The indices whose key is in the cache. */
  static List<Integer> present(EmbeddingCache cache, int upTo) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < upTo; i++) {
      if (cache.get(key(i)) != null) {
        out.add(i);
      }
    }
    return out;
  }
}
