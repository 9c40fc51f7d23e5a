package io.lensbench.eval.treceval;

import java.util.Arrays;

/**
* The distinct docnos judged for one query, in strcmp order, with their bytes kept together (cache-local)
* and a small hash table from docno bytes to their local index. Run docnos are looked up here while the
* run is read, so a retrieved doc is stored as a small int when it is judged and by its bytes otherwise.
*/
final class JudgedIndex {
  private final byte[] arena;
  private final int[] off;
  private final int[] hashes;
  private final int[] table;
  private final int mask;
  private final int n;

  /**
  * Indexes the distinct ones of the {@code count} docnos given by {@code (bytes, offs, lens)}. If
  * {@code sorted}, they are first sorted (C strcmp order, stable) and local indices follow that order;
  * otherwise local indices follow first occurrence. {@code order} receives the input positions in that
  * order and {@code local} (indexed by input position) their local index.
  */
  JudgedIndex(byte[] bytes, int[] offs, int[] lens, int count, boolean sorted, int[] order, int[] local) {
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    if (!sorted) {
      int cap = Integer.highestOneBit(Math.max(4, count * 2)) << 1;
      int m = cap - 1;
      int[] t = new int[cap];
      int[] h = new int[count];
      int[] firstOf = new int[count];
      int distinct = 0;
      int total = 0;
      for (int i = 0; i < count; i++) {
        h[i] = Dictionary.hashOf(bytes, offs[i], lens[i]);
        int slot = h[i] & m;
        while (true) {
          int e = t[slot];
          if (e == 0) {
            t[slot] = i + 1;
            local[i] = distinct;
            firstOf[distinct++] = i;
            total += lens[i];
            break;
          }
          int j = e - 1;
          if (h[j] == h[i] && same(bytes, offs, lens, j, i)) {
            local[i] = local[j];
            break;
          }
          slot = (slot + 1) & m;
        }
      }
      n = distinct;
      arena = new byte[total];
      off = new int[n + 1];
      hashes = new int[n];
      int pos = 0;
      for (int l = 0; l < n; l++) {
        int i = firstOf[l];
        off[l] = pos;
        System.arraycopy(bytes, offs[i], arena, pos, lens[i]);
        pos += lens[i];
        hashes[l] = h[i];
      }
      off[n] = pos;
      table = new int[cap];
      mask = m;
      for (int l = 0; l < n; l++) {
        int slot = hashes[l] & mask;
        while (table[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot] = l + 1;
      }
      return;
    }
    IntSort.sort(order, 0, count, (x, y) -> CText.compare(bytes, offs[x], lens[x], bytes, offs[y], lens[y]));
    int distinct = 0;
    int total = 0;
    for (int k = 0; k < count; k++) {
      int i = order[k];
      if (k == 0 || !same(bytes, offs, lens, order[k - 1], i)) {
        distinct++;
        total += lens[i];
      }
    }
    n = distinct;
    arena = new byte[total];
    off = new int[n + 1];
    hashes = new int[n];
    int pos = 0;
    int l = -1;
    for (int k = 0; k < count; k++) {
      int i = order[k];
      if (k == 0 || !same(bytes, offs, lens, order[k - 1], i)) {
        l++;
        off[l] = pos;
        System.arraycopy(bytes, offs[i], arena, pos, lens[i]);
        pos += lens[i];
        hashes[l] = Dictionary.hashOf(bytes, offs[i], lens[i]);
      }
      local[i] = l;
    }
    off[n] = pos;
    int cap = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
    table = new int[cap];
    mask = cap - 1;
    for (int i = 0; i < n; i++) {
      int slot = hashes[i] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
  }

  private static boolean same(byte[] b, int[] offs, int[] lens, int x, int y) {
    return lens[x] == lens[y] && CText.compare(b, offs[x], lens[x], b, offs[y], lens[y]) == 0;
  }

  int size() {
    return n;
  }

  /** Local index of the docno, or -1 if it is not judged for this query. */
  int find(byte[] b, int o, int len) {
    return find(b, o, len, Dictionary.hashOf(b, o, len));
  }

  /** As {@link #find(byte[], int, int)} with the docno's hash already computed. */
  int find(byte[] b, int o, int len, int h) {
    int slot = h & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      int i = e - 1;
      if (hashes[i] == h && off[i + 1] - off[i] == len
        && CText.sameBytes(arena, off[i], b, o, len)) {
        return i;
      }
      slot = (slot + 1) & mask;
    }
  }

  byte[] arena() {
    return arena;
  }

  int offset(int i) {
    return off[i];
  }

  int length(int i) {
    return off[i + 1] - off[i];
  }

  int hash(int i) {
    return hashes[i];
  }

  /** strcmp of two local docnos. */
  int compare(int a, int b) {
    return CText.compare(arena, off[a], off[a + 1] - off[a], arena, off[b], off[b + 1] - off[b]);
  }

  String string(int i) {
    return CText.str(Arrays.copyOfRange(arena, off[i], off[i + 1]));
  }
}
