package io.lensbench.cache;

import java.util.function.LongPredicate;

/**
 * Where each record of a cache file is: the first 8 bytes of its 32-byte key mapped to its frame
 * (offset and payload length packed in one long), in two flat arrays with open addressing — 16
 * bytes per slot, about 32 MB for a million records. The prefix only narrows the search: the
 * caller reads the frame and compares the whole key, so a prefix collision costs a read, never a
 * wrong record. Not thread-safe.
 */
final class KeyIndex {
  private static final int LENGTH_BITS = 24;
  private static final long MAX_OFFSET = (1L << (64 - LENGTH_BITS)) - 1;

  private long[] prefixes = new long[16];
  private long[] frames = new long[16];
  private int size;

  int size() {
    return size;
  }

  /** Adds a record (a second record under the same prefix is kept beside the first). */
  void add(long prefix, long offset, int length) {
    if (offset <= 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("cache offset out of range: " + offset);
    }
    if (2 * (size + 1) > prefixes.length) {
      grow();
    }
    insert(prefixes, frames, prefix, offset << LENGTH_BITS | length);
    size++;
  }

  /**
   * Calls {@code visit} with each frame (see {@link #offset}, {@link #length}) stored under the
   * prefix until it returns true; returns whether one did.
   */
  boolean find(long prefix, LongPredicate visit) {
    int mask = prefixes.length - 1;
    for (int i = slot(prefix, mask); frames[i] != 0; i = (i + 1) & mask) {
      if (prefixes[i] == prefix && visit.test(frames[i])) {
        return true;
      }
    }
    return false;
  }

  static long offset(long frame) {
    return frame >>> LENGTH_BITS;
  }

  static int length(long frame) {
    return (int) (frame & ((1L << LENGTH_BITS) - 1));
  }

  private void grow() {
    long[] p = new long[prefixes.length * 2];
    long[] f = new long[frames.length * 2];
    for (int i = 0; i < frames.length; i++) {
      if (frames[i] != 0) {
        insert(p, f, prefixes[i], frames[i]);
      }
    }
    prefixes = p;
    frames = f;
  }

  private static void insert(long[] p, long[] f, long prefix, long frame) {
    int mask = p.length - 1;
    int i = slot(prefix, mask);
    while (f[i] != 0) {
      i = (i + 1) & mask;
    }
    p[i] = prefix;
    f[i] = frame;
  }

  private static int slot(long prefix, int mask) {
    return (int) (prefix ^ (prefix >>> 32)) & mask;
  }
}
