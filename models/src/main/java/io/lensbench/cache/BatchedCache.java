package io.lensbench.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one batched-miss cache: looks up every input's key, computes only the misses — each
 * distinct key once, in first-occurrence order, in one call — stores them in one batch and
 * returns every input's value in input order. Returned values are copies the caller may keep.
 *
 * @param <V> the value type
 */
public final class BatchedCache<V> implements AutoCloseable {
  private final CacheStore<V> store;
  private final UnaryOperator<V> copy;

  private BatchedCache(CacheStore<V> store, UnaryOperator<V> copy) {
    this.store = store;
    this.copy = copy;
  }

  /** Vectors: every returned array is a fresh copy. */
  public static BatchedCache<float[]> ofVectors(CacheStore<float[]> store) {
    return new BatchedCache<>(store, float[]::clone);
  }

  /** Immutable values (strings): returned as stored. */
  public static <V> BatchedCache<V> ofImmutable(CacheStore<V> store) {
    return new BatchedCache<>(store, UnaryOperator.identity());
  }

  public CacheStore<V> store() {
    return store;
  }

  /**
   * @param inputs what to look up (duplicates allowed)
   * @param keyOf an input's cache key
   * @param compute the values of the missing inputs, in their order (one batched model call)
   */
  public <I> List<V> get(List<? extends I> inputs, Function<? super I, String> keyOf,
      Function<List<I>, List<V>> compute) {
    List<String> keys = new ArrayList<>(inputs.size());
    Map<String, V> found = new LinkedHashMap<>();
    Map<String, I> missing = new LinkedHashMap<>();
    for (I input : inputs) {
      String key = keyOf.apply(input);
      keys.add(key);
      if (!found.containsKey(key) && !missing.containsKey(key)) {
        V v = store.get(key);
        if (v != null) {
          found.put(key, v);
        } else {
          missing.put(key, input);
        }
      }
    }
    if (!missing.isEmpty()) {
      found.putAll(computeMissing(missing, compute));
    }
    List<V> out = new ArrayList<>(keys.size());
    for (String key : keys) {
      out.add(copy.apply(found.get(key)));
    }
    return out;
  }

  /** A single input through the same path. */
  public <I> V getOne(I input, Function<? super I, String> keyOf, Function<I, V> compute) {
    return get(List.of(input), keyOf, l -> List.of(compute.apply(l.get(0)))).get(0);
  }

  private <I> Map<String, V> computeMissing(Map<String, I> missing,
      Function<List<I>, List<V>> compute) {
    store.refresh();
    Map<String, V> found = new LinkedHashMap<>();
    missing.entrySet().removeIf(e -> { // stored meanwhile by another process
      V v = store.get(e.getKey());
      if (v != null) {
        found.put(e.getKey(), v);
      }
      return v != null;
    });
    if (missing.isEmpty()) {
      return found;
    }
    List<V> values = compute.apply(new ArrayList<>(missing.values()));
    if (values.size() != missing.size()) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "batched cache: expected %d results for %d inputs, found %d", missing.size(),
          missing.size(), values.size()));
    }
    Map<String, V> computed = new LinkedHashMap<>();
    int i = 0;
    for (String key : missing.keySet()) {
      computed.put(key, values.get(i++));
    }
    store.putAll(computed);
    found.putAll(computed);
    return found;
  }

  /** Closes the store. */
  @Override
  public void close() {
    store.close();
  }
}
