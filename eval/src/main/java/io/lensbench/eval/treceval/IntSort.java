package io.lensbench.eval.treceval;

/** Sorting of int arrays with a primitive comparator (no boxing). */
final class IntSort {
  private IntSort() {
  }

  @FunctionalInterface
  interface Cmp {
    int compare(int a, int b);
  }

  /** Stable merge sort of {@code a[from, to)}, in the manner of glibc's msort (top-down, left wins ties). */
  static void sort(int[] a, int from, int to, Cmp c) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    msort(a, from, n, tmp, c);
  }

  static void sort(int[] a, Cmp c) {
    sort(a, 0, a.length, c);
  }

  private static void msort(int[] b, int off, int n, int[] tmp, Cmp c) {
    if (n <= 1) {
      return;
    }
    if (n <= 12) {
      // insertion sort is stable and equivalent in result to the merge for a consistent comparator
      // (callers needing glibc's exact behaviour with inconsistent comparators use msortExact)
      for (int i = off + 1; i < off + n; i++) {
        int v = b[i];
        int j = i - 1;
        while (j >= off && c.compare(b[j], v) > 0) {
          b[j + 1] = b[j];
          j--;
        }
        b[j + 1] = v;
      }
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    msort(b, off, n1, tmp, c);
    msort(b, off + n1, n2, tmp, c);
    merge(b, off, n1, n2, tmp, c);
  }

  private static void merge(int[] b, int off, int n1, int n2, int[] tmp, Cmp c) {
    int i = off;
    int j = off + n1;
    int e1 = off + n1;
    int e2 = off + n1 + n2;
    int k = 0;
    while (i < e1 && j < e2) {
      if (c.compare(b[i], b[j]) <= 0) {
        tmp[k++] = b[i++];
      } else {
        tmp[k++] = b[j++];
      }
    }
    while (i < e1) {
      tmp[k++] = b[i++];
    }
    // the rest of the right run is already in place
    System.arraycopy(tmp, 0, b, off, k);
  }

  /**
  * glibc msort exactly (pure top-down merge sort, no insertion-sort cut-off), for comparators that are
  * not a consistent order, such as trec_eval's comp_rel_gain which truncates the gain difference to int.
  */
  static void msortExact(int[] a, Cmp c) {
    if (a.length > 1) {
      msortExact(a, 0, a.length, new int[a.length], c);
    }
  }

  private static void msortExact(int[] b, int off, int n, int[] tmp, Cmp c) {
    if (n <= 1) {
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    msortExact(b, off, n1, tmp, c);
    msortExact(b, off + n1, n2, tmp, c);
    merge(b, off, n1, n2, tmp, c);
  }
}
