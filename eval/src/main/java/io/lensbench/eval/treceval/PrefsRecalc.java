package io.lensbench.eval.treceval;

/**
* The "recalculate" procedures of m_prefs_avgjg_Rnonrel.c and m_prefs_avgjg_Rnonrel_ret.c: preference
* counts of a JG keeping only the first R nonrelevant docs. Ported literally, quirks included.
*/
final class PrefsRecalc {
  private PrefsRecalc() {
  }

  /** m_prefs_avgjg_Rnonrel.c recalculate: returns {num_ful, num_poss}. */
  static long[] all(PrefsCounts.Jg jg, int njr) {
    long ful = 0;
    long poss = 0;
    if (jg.numEcs() > 0) {
      PrefsCounts.Ec[] ecs = jg.ecs;
      int ne = ecs.length;
      int[] lastRanks = ecs[ne - 1].ranks;
      int newLen = (int) Math.min(jg.numRel, lastRanks.length);
      for (int e1 = 0; e1 < ne; e1++) {
        for (int e2 = e1 + 1; e2 < ne - 1; e2++) {
          for (int r1 : ecs[e1].ranks) {
            for (int r2 : ecs[e2].ranks) {
              if (r1 < r2 && r1 < njr) {
                ful++;
              } else {
                poss++;
              }
            }
          }
        }
      }
      for (int e1 = 0; e1 < ne; e1++) {
        for (int r1 : ecs[e1].ranks) {
          for (int k = 0; k < newLen; k++) {
            int r2 = lastRanks[k];
            if (r1 < r2 && r1 < njr) {
              ful++;
            } else {
              poss++;
            }
          }
        }
      }
      poss += ful;
    } else {
      boolean[][] a = jg.pa;
      double[] rel = jg.relArray;
      int nj = rel.length;
      int first = firstDropped(rel, nj, jg.numRel);
      long[] kept = keptPairs(a, rel, first, njr, nj);
      ful += kept[0];
      poss += kept[1];
      for (int i = njr; i < nj; i++) {
        if (i >= first && rel[i] == 0.0) {
          continue;
        }
        for (int j = 0; j < nj; j++) {
          if ((j >= first && rel[j] == 0.0) || !a[i][j]) {
            continue;
          }
          poss++;
        }
      }
      poss += ful;
    }
    return new long[] {ful, poss};
  }

  /** m_prefs_avgjg_Rnonrel_ret.c recalculate: returns {num_ful, num_poss}. */
  static long[] ret(PrefsCounts.Jg jg, int njr) {
    long ful = 0;
    long poss = 0;
    if (jg.numEcs() > 0) {
      PrefsCounts.Ec[] ecs = jg.ecs;
      int ne = ecs.length;
      int[] lastRanks = ecs[ne - 1].ranks;
      int newLen = (int) Math.min(jg.numRelRet, lastRanks.length);
      for (int e1 = 0; e1 < ne; e1++) {
        for (int e2 = e1 + 1; e2 < ne - 1; e2++) {
          for (int r1 : ecs[e1].ranks) {
            if (r1 >= njr) {
              break;
            }
            for (int r2 : ecs[e2].ranks) {
              if (r2 >= njr) {
                break;
              }
              if (r1 < r2) {
                ful++;
              } else {
                poss++;
              }
            }
          }
        }
      }
      for (int e1 = 0; e1 < ne; e1++) {
        for (int r1 : ecs[e1].ranks) {
          if (r1 >= njr) {
            break;
          }
          for (int k = 0; k < newLen; k++) {
            int r2 = lastRanks[k];
            if (r2 >= njr) {
              break;
            }
            if (r1 < r2) {
              ful++;
            } else {
              poss++;
            }
          }
        }
      }
      poss += ful;
    } else {
      int first = firstDropped(jg.relArray, njr, jg.numRel);
      long[] kept = keptPairs(jg.pa, jg.relArray, first, njr, njr);
      ful += kept[0];
      poss += kept[1];
      poss += ful;
    }
    return new long[] {ful, poss};
  }

  /**
   * Index of the (numRel + 1)-th nonrelevant doc among the first {@code limit}, or {@code limit}
   * when there are fewer: nonrelevant docs from there on are left out.
   */
  private static int firstDropped(double[] rel, int limit, long numRel) {
    long seen = 0;
    int i;
    for (i = 0; i < limit; i++) {
      if (rel[i] == 0.0) {
        seen++;
        if (seen == numRel + 1) {
          break;
        }
      }
    }
    return i;
  }

  /**
   * Preferences a[i][j] between kept docs, rows below {@code rows} and columns below {@code cols}:
   * j &lt; i counts as possible, j &gt; i as fulfilled. Returns {ful, poss}.
   */
  private static long[] keptPairs(boolean[][] a, double[] rel, int first, int rows, int cols) {
    long ful = 0;
    long poss = 0;
    for (int i = 0; i < rows; i++) {
      if (i >= first && rel[i] == 0.0) {
        continue;
      }
      for (int j = 0; j < cols; j++) {
        if (j == i || (j >= first && rel[j] == 0.0) || !a[i][j]) {
          continue;
        }
        if (j < i) {
          poss++;
        } else {
          ful++;
        }
      }
    }
    return new long[] {ful, poss};
  }
}
