package io.lensbench.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchedCacheTest {
  private final List<List<String>> calls = new ArrayList<>();

  private List<float[]> embed(List<String> texts) {
    calls.add(List.copyOf(texts));
    return texts.stream().map(t -> new float[] {t.length(), t.charAt(0)}).toList();
  }

  @Test
  void computesEachDistinctMissOnceInOneCallAndAnswersInInputOrder() {
    BatchedCache<float[]> cache = BatchedCache.ofVectors(new MemoryStore<>());
    List<float[]> first = cache.get(List.of("bb", "a", "bb", "ccc"), t -> t, this::embed);
    assertEquals(List.of(List.of("bb", "a", "ccc")), calls);
    assertArrayEquals(new float[] {2, 'b'}, first.get(0));
    assertArrayEquals(new float[] {2, 'b'}, first.get(2));
    assertNotSame(first.get(0), first.get(2), "every returned vector is the caller's own");
    List<float[]> second = cache.get(List.of("a", "dd", "ccc"), t -> t, this::embed);
    assertEquals(List.of("dd"), calls.get(1));
    assertArrayEquals(new float[] {3, 'c'}, second.get(2));
  }

  @Test
  void aDelegateReturningTheWrongCountIsAnError() {
    BatchedCache<float[]> cache = BatchedCache.ofVectors(new MemoryStore<>());
    assertThrows(IllegalStateException.class,
        () -> cache.get(List.of("a", "b"), t -> t, l -> List.of(new float[1])));
  }

  @Test
  void aBoundedStoreStartsOverWhenFullYetAnswersTheWholeBatch() {
    MemoryStore<float[]> store = new MemoryStore<>(3);
    BatchedCache<float[]> cache = BatchedCache.ofVectors(store);
    cache.get(List.of("a", "b"), t -> t, this::embed);
    List<float[]> out = cache.get(List.of("c", "d", "a"), t -> t, this::embed);
    assertEquals(List.of("c", "d"), calls.get(1));
    assertEquals(3, out.size());
    assertEquals(2, store.size());
  }
}
