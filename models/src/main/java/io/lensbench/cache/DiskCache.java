package io.lensbench.cache;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link CacheStore} in a crash-safe cache file ({@link DiskStore}): subclasses say how a value
 * is written as bytes and read back.
 *
 * @param <V> the value type
 */
public abstract class DiskCache<V> implements CacheStore<V> {
  private final DiskStore disk;

  DiskCache(DiskStore disk) {
    this.disk = disk;
  }

  /** The value's bytes in a record. */
  abstract byte[] encode(V value);

  /** The value of a record's bytes (valid: the file checked them on reading). */
  abstract V decode(ByteBuffer bytes);

  public Path file() {
    return disk.file();
  }

  public int size() {
    return disk.size();
  }

  /** Torn or corrupt tails this process truncated. */
  public Recovery repairs() {
    return disk.repairs();
  }

  @Override
  public V get(String key) {
    ByteBuffer b = disk.get(key);
    return b == null ? null : decode(b);
  }

  @Override
  public void putAll(Map<String, V> entries) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    entries.forEach((key, value) -> bytes.put(key, encode(value)));
    disk.putAll(bytes);
  }

  @Override
  public void refresh() {
    disk.refresh();
  }

  @Override
  public void close() {
    disk.close();
  }
}
