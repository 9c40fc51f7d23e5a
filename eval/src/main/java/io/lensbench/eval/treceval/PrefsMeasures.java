package io.lensbench.eval.treceval;

import static io.lensbench.eval.treceval.MeasureDef.Input.PREFS;

/** Preference measures over RESULTS_PREFS (m_prefs_*.c). */
final class PrefsMeasures {
  private PrefsMeasures() {
  }

  /** Which preference counts of a JG a measure uses: retrieved only, plus implied, plus not occurring. */
  private enum Scope { RET, IMP, ALL }

  private static long ful(PrefsCounts.Jg j, Scope s) {
    return s == Scope.RET ? j.fulfilledRet : j.fulfilledRet + j.fulfilledImp;
  }

  private static long poss(PrefsCounts.Jg j, Scope s) {
    switch (s) {
      case RET:
        return j.possibleRet;
      case IMP:
        return j.possibleRet + j.possibleImp;
      default:
        return j.possibleRet + j.possibleImp + j.possibleNotoccur;
    }
  }

  static final MeasureDef NUM_PREFS_POSS = MeasureDef.count("prefs_num_prefs_poss", PREFS, (c, m, v, o) -> {
    long poss = 0;
    for (PrefsCounts.Jg j : c.prefs().jgs) {
      poss += poss(j, Scope.ALL);
    }
    v[o] = poss;
  });

  static final MeasureDef NUM_PREFS_FUL = MeasureDef.count("prefs_num_prefs_ful", PREFS, (c, m, v, o) -> {
    long ful = 0;
    for (PrefsCounts.Jg j : c.prefs().jgs) {
      ful += ful(j, Scope.ALL);
    }
    v[o] = ful;
  });

  static final MeasureDef NUM_PREFS_FUL_RET = MeasureDef.count("prefs_num_prefs_ful_ret", PREFS,
    (c, m, v, o) -> {
      long ful = 0;
      for (PrefsCounts.Jg j : c.prefs().jgs) {
        ful += j.fulfilledRet;
      }
      v[o] = ful;
    });

  private static MeasureDef simp(String name, Scope s) {
    return MeasureDef.mean(name, PREFS, (c, m, v, o) -> {
      long ful = 0;
      long poss = 0;
      for (PrefsCounts.Jg j : c.prefs().jgs) {
        ful += ful(j, s);
        poss += poss(j, s);
      }
      if (poss != 0) {
        v[o] = (double) ful / (double) poss;
      }
    });
  }

  private static MeasureDef avgjg(String name, Scope s) {
    return MeasureDef.mean(name, PREFS, (c, m, v, o) -> {
      PrefsCounts rp = c.prefs();
      double sum = 0.0;
      for (PrefsCounts.Jg j : rp.jgs) {
        long poss = poss(j, s);
        if (poss != 0) {
          sum += (double) ful(j, s) / (double) poss;
        }
      }
      if (sum > 0.0) {
        v[o] = sum / (double) rp.jgs.length;
      }
    });
  }

  /** Ratio over doc pairs; {@code areas}: 1 = both retrieved, 2 = + one retrieved, 3 = + neither. */
  private static MeasureDef pair(String name, int areas) {
    return MeasureDef.mean(name, PREFS, (c, m, v, o) -> {
      PrefsCounts rp = c.prefs();
      char[][] a = rp.counts;
      int njr = rp.numJudgedRet;
      int nj = rp.numJudged;
      double sum = 0;
      long pairs = 0;
      for (int i = 0; i < njr; i++) {
        for (int j = i + 1; j < njr; j++) {
          if (a[i][j] != 0 || a[j][i] != 0) {
            pairs++;
            sum += (double) a[i][j] / (double) (a[i][j] + a[j][i]);
          }
        }
      }
      if (areas >= 2) {
        for (int i = 0; i < njr; i++) {
          for (int j = njr; j < nj; j++) {
            if (a[i][j] != 0 || a[j][i] != 0) {
              pairs++;
              sum += (double) a[i][j] / (double) (a[i][j] + a[j][i]);
            }
          }
        }
      }
      if (areas >= 3) {
        for (int i = njr; i < nj; i++) {
          for (int j = i + 1; j < nj; j++) {
            if (a[i][j] != 0 || a[j][i] != 0) {
              pairs++;
            }
          }
        }
      }
      if (pairs != 0) {
        v[o] = sum / (double) pairs;
      }
    });
  }

  static final MeasureDef SIMP = simp("prefs_simp", Scope.ALL);
  static final MeasureDef PAIR = pair("prefs_pair", 3);
  static final MeasureDef AVGJG = avgjg("prefs_avgjg", Scope.ALL);
  static final MeasureDef SIMP_RET = simp("prefs_simp_ret", Scope.RET);
  static final MeasureDef PAIR_RET = pair("prefs_pair_ret", 1);
  static final MeasureDef AVGJG_RET = avgjg("prefs_avgjg_ret", Scope.RET);
  static final MeasureDef SIMP_IMP = simp("prefs_simp_imp", Scope.IMP);
  static final MeasureDef PAIR_IMP = pair("prefs_pair_imp", 2);
  static final MeasureDef AVGJG_IMP = avgjg("prefs_avgjg_imp", Scope.IMP);

  static final MeasureDef AVGJG_RNONREL = MeasureDef.mean("prefs_avgjg_Rnonrel", PREFS, (c, m, v, o) -> {
    PrefsCounts rp = c.prefs();
    double sum = 0.0;
    for (PrefsCounts.Jg j : rp.jgs) {
      long r = j.numRel;
      long n = j.numNonrel;
      long[] fp;
      if (r >= n) {
        long numFul = ful(j, Scope.ALL) + j.numRelRet * (r - n);
        long numPoss = poss(j, Scope.ALL) + j.numRel * (r - n);
        fp = new long[] {numFul, numPoss};
      } else {
        fp = PrefsRecalc.all(j, rp.numJudgedRet);
      }
      sum += (double) fp[0] / (double) fp[1];
    }
    if (sum > 0.0) {
      v[o] = sum / (double) rp.jgs.length;
    }
  });

  static final MeasureDef AVGJG_RNONREL_RET = MeasureDef.mean("prefs_avgjg_Rnonrel_ret", PREFS, (c, m, v, o) -> {
    PrefsCounts rp = c.prefs();
    double sum = 0.0;
    for (PrefsCounts.Jg j : rp.jgs) {
      long r = j.numRelRet;
      long n = j.numNonrelRet;
      long[] fp;
      if (r >= n) {
        long numFul = j.fulfilledRet + j.numRelRet * (r - n);
        long numPoss = j.possibleRet + j.numRel * (r - n);
        fp = new long[] {numFul, numPoss};
      } else {
        fp = PrefsRecalc.ret(j, rp.numJudgedRet);
      }
      sum += (double) fp[0] / (double) fp[1];
    }
    if (sum > 0.0) {
      v[o] = sum / (double) rp.jgs.length;
    }
  });
}
