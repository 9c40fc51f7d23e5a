package io.lensbench.eval.treceval;

/**
* Orders the results of one query the way trec_eval does: by decreasing score, ties broken by docno
* (strcmp; decreasing in form_res_rels / form_res_rels_jg, increasing in form_prefs_counts), then keeps
* the first -M docs. The ordering is total for distinct docnos, so any correct sort reproduces qsort's.
*/
final class Ranking {
  private Ranking() {
  }

  /** Ranked doc refs (rank 1 first), truncated to {@code maxDocs}. */
  static int[] rank(RunData.Query q, Docnos dn, long maxDocs, boolean docnoDescending) {
    int n = q.n;
    final double[] s = q.scores;
    final int[] d = q.refs;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    IntSort.Cmp cmp = docnoDescending
      ? (a, b) -> {
        double x = s[a];
        double y = s[b];
        if (x > y) {
          return -1;
        }
        if (x < y) {
          return 1;
        }
        return dn.compare(d[b], d[a]);
      }
      : (a, b) -> {
        double x = s[a];
        double y = s[b];
        if (x > y) {
          return -1;
        }
        if (x < y) {
          return 1;
        }
        return dn.compare(d[a], d[b]);
      };
    if (!nearlySortedInsertion(idx, cmp)) {
      IntSort.sort(idx, cmp);
    }
    int m = (int) Math.min(n, Math.max(0, maxDocs));
    int[] ranked = new int[m];
    for (int i = 0; i < m; i++) {
      ranked[i] = d[idx[i]];
    }
    return ranked;
  }

  /**
  * Runs are usually written in (nearly) rank order: insertion sort costs O(n + inversions) there. Gives
  * up (returning false, with idx still a permutation) once the moves exceed a few per element.
  */
  private static boolean nearlySortedInsertion(int[] idx, IntSort.Cmp cmp) {
    int n = idx.length;
    long budget = 4L * n + 16;
    for (int i = 1; i < n; i++) {
      int v = idx[i];
      int j = i - 1;
      if (cmp.compare(idx[j], v) <= 0) {
        continue;
      }
      while (j >= 0 && cmp.compare(idx[j], v) > 0) {
        idx[j + 1] = idx[j];
        j--;
        if (--budget < 0) {
          idx[j + 1] = v;
          return false;
        }
      }
      idx[j + 1] = v;
    }
    return true;
  }
}
