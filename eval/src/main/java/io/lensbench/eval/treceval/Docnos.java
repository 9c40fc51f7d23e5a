package io.lensbench.eval.treceval;

/** Access to the bytes behind the doc refs of one query's results (see {@link RunData.Query}). */
final class Docnos {
  private final JudgedIndex index;
  private final RunData.Query q;

  Docnos(JudgedIndex index, RunData.Query q) {
    this.index = index;
    this.q = q;
  }

  private static int len(byte[] a, int pos) {
    return ((a[pos] & 0xff) << 8) | (a[pos + 1] & 0xff);
  }

  /** strcmp of the docnos of two refs. */
  int compare(int r1, int r2) {
    if (r1 == r2) {
      return 0;
    }
    byte[] a1;
    int o1;
    int l1;
    if (r1 >= 0) {
      a1 = index.arena();
      o1 = index.offset(r1);
      l1 = index.length(r1);
    } else {
      a1 = q.arena;
      o1 = -r1 - 1;
      l1 = len(a1, o1);
      o1 += 6;
    }
    byte[] a2;
    int o2;
    int l2;
    if (r2 >= 0) {
      a2 = index.arena();
      o2 = index.offset(r2);
      l2 = index.length(r2);
    } else {
      a2 = q.arena;
      o2 = -r2 - 1;
      l2 = len(a2, o2);
      o2 += 6;
    }
    return CText.compare(a1, o1, l1, a2, o2, l2);
  }

  int hash(int ref) {
    if (ref >= 0) {
      return index.hash(ref);
    }
    int pos = -ref - 1;
    byte[] a = q.arena;
    return (a[pos + 2] << 24) | ((a[pos + 3] & 0xff) << 16) | ((a[pos + 4] & 0xff) << 8) | (a[pos + 5] & 0xff);
  }

  String string(int ref) {
    if (ref >= 0) {
      return index.string(ref);
    }
    int pos = -ref - 1;
    return CText.str(java.util.Arrays.copyOfRange(q.arena, pos + 6, pos + 6 + len(q.arena, pos)));
  }

  /** Per-thread scratch hash table for duplicate detection (entries stamped with a generation). */
  private static final class Scratch {
    int[] table = new int[0];
    int[] stamp = new int[0];
    int gen;
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** The smallest (strcmp) docno occurring more than once among {@code ranked}, as a ref; found[0] tells. */
  int firstDuplicate(int[] ranked, boolean[] found) {
    int n = ranked.length;
    found[0] = false;
    if (n < 2) {
      return 0;
    }
    int cap = Integer.highestOneBit(n * 2) << 1;
    Scratch sc = SCRATCH.get();
    if (sc.table.length < cap) {
      sc.table = new int[cap];
      sc.stamp = new int[cap];
    } else {
      cap = sc.table.length;
    }
    int gen = ++sc.gen;
    if (gen == Integer.MAX_VALUE) {
      java.util.Arrays.fill(sc.stamp, 0);
      sc.gen = gen = 1;
    }
    int[] table = sc.table;
    int[] stamp = sc.stamp;
    int mask = cap - 1;
    int best = 0;
    for (int i = 0; i < n; i++) {
      int r = ranked[i];
      int slot = hash(r) & mask;
      while (true) {
        if (stamp[slot] != gen) {
          stamp[slot] = gen;
          table[slot] = i;
          break;
        }
        int other = ranked[table[slot]];
        if (other == r || compare(other, r) == 0) {
          if (!found[0] || compare(r, best) < 0) {
            best = r;
            found[0] = true;
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return best;
  }
}
