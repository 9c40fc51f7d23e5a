package io.lensbench.eval.treceval;

import java.util.Arrays;

/**
* Interns byte strings (qids, judgement group names) to dense int ids, all bytes in one arena; comparisons
* are C {@code strcmp} (unsigned bytes). Also provides the byte-string hash used for docnos.
*/
final class Dictionary {
  private byte[] arena = new byte[1 << 16];
  private int arenaSize;
  private int[] offsets = new int[1024];
  private int[] hashes = new int[1024];
  private int count;
  private int[] table = new int[2048]; // id + 1, 0 = empty
  private int mask = 2047;

  int size() {
    return count;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 0x811c9dc5 ^ len;
    int i = off;
    int end = off + len;
    // four bytes per step, then the tail, then the murmur3 finaliser (good low bits for table slots)
    for (; i + 3 < end; i += 4) {
      int w = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | b[i + 3] << 24;
      h = (h ^ w) * 0x01000193;
      h ^= h >>> 15;
    }
    for (; i < end; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** Returns the id of the string, or -1 if it is unknown. */
  int find(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = h & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      int id = e - 1;
      if (hashes[id] == h && equalsAt(id, b, off, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Returns the id of the string, adding it if needed. */
  int intern(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = h & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        break;
      }
      int id = e - 1;
      if (hashes[id] == h && equalsAt(id, b, off, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(b, off, len, h);
    table[slot] = id + 1;
    if (count * 2 > mask) {
      rehash();
    }
    return id;
  }

  int intern(byte[] b) {
    return intern(b, 0, b.length);
  }

  private int add(byte[] b, int off, int len, int h) {
    if (arenaSize + len > arena.length) {
      long want = Math.max((long) arena.length * 3 / 2, (long) arenaSize + len);
      arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, want));
    }
    System.arraycopy(b, off, arena, arenaSize, len);
    if (count + 1 >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    offsets[count] = arenaSize;
    hashes[count] = h;
    arenaSize += len;
    offsets[count + 1] = arenaSize;
    return count++;
  }

  private void rehash() {
    int cap = table.length * 2;
    int[] t = new int[cap];
    int m = cap - 1;
    for (int id = 0; id < count; id++) {
      int slot = hashes[id] & m;
      while (t[slot] != 0) {
        slot = (slot + 1) & m;
      }
      t[slot] = id + 1;
    }
    table = t;
    mask = m;
  }

  private boolean equalsAt(int id, byte[] b, int off, int len) {
    int s = offsets[id];
    if (offsets[id + 1] - s != len) {
      return false;
    }
    return Arrays.equals(arena, s, s + len, b, off, off + len);
  }

  static int hashOf(byte[] b, int off, int len) {
    return hash(b, off, len);
  }

  int hashOf(int id) {
    return hashes[id];
  }

  boolean equalsBytes(int id, byte[] b, int off, int len) {
    return equalsAt(id, b, off, len);
  }

  /** strcmp of two interned strings. */
  int compare(int id1, int id2) {
    if (id1 == id2) {
      return 0;
    }
    int s1 = offsets[id1];
    int s2 = offsets[id2];
    return CText.compare(arena, s1, offsets[id1 + 1] - s1, arena, s2, offsets[id2 + 1] - s2);
  }

  byte[] bytes(int id) {
    return Arrays.copyOfRange(arena, offsets[id], offsets[id + 1]);
  }

  String string(int id) {
    return CText.str(bytes(id));
  }
}
