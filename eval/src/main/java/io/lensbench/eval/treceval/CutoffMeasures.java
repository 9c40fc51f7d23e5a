package io.lensbench.eval.treceval;

import static io.lensbench.eval.treceval.MeasureDef.Input.QRELS;

/** Measures evaluated at rank or recall cutoffs (m_P.c, m_recall.c, m_ndcg_cut.c, m_iprec_at_recall.c, ...). */
final class CutoffMeasures {
  private CutoffMeasures() {
  }

  static final long[] STD_CUTS = {5, 10, 15, 20, 30, 100, 200, 500, 1000};
  static final double[] RECALL_LEVELS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  static final MeasureDef P = MeasureDef.longCuts("P", QRELS, STD_CUTS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long[] cuts = m.longCuts();
    int ci = 0;
    long relSoFar = 0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = (double) relSoFar / (double) i;
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = (double) relSoFar / (double) cuts[ci];
    }
  });

  static final MeasureDef RECALL = MeasureDef.longCuts("recall", QRELS, STD_CUTS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRel == 0) {
      return;
    }
    long[] cuts = m.longCuts();
    int ci = 0;
    long relSoFar = 0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = (double) relSoFar / (double) rr.numRel;
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = (double) relSoFar / (double) rr.numRel;
    }
  });

  static final MeasureDef RELATIVE_P = MeasureDef.longCuts("relative_P", QRELS, STD_CUTS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRel == 0) {
      return;
    }
    long[] cuts = m.longCuts();
    int ci = 0;
    long relSoFar = 0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = (double) relSoFar / (double) Math.min(i, rr.numRel);
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
      }
    }
    for (; ci < cuts.length; ci++) {
      long i = cuts[ci];
      v[o + ci] = (double) relSoFar / (double) Math.min(i, rr.numRel);
    }
  });

  static final MeasureDef SUCCESS = MeasureDef.longCuts("success", QRELS, new long[] {1, 5, 10}, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long[] cuts = m.longCuts();
    int ci = 0;
    long relSoFar = 0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = relSoFar != 0 ? 1.0 : 0.0;
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = relSoFar != 0 ? 1.0 : 0.0;
    }
  });

  static final MeasureDef MAP_CUT = MeasureDef.longCuts("map_cut", QRELS, STD_CUTS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRel == 0) {
      return;
    }
    long[] cuts = m.longCuts();
    int ci = 0;
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = sum / (double) rr.numRel;
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
        sum += (double) relSoFar / (double) (i + 1);
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = sum / (double) rr.numRel;
    }
  });

  static final MeasureDef UNJ = MeasureDef.longCuts("unj", QRELS, new long[] {5, 10, 20}, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long[] cuts = m.longCuts();
    int ci = 0;
    long unj = 0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = (double) unj / (double) i;
        if (++ci == cuts.length) {
          break;
        }
      }
      if (rr.relList[i] == ResRels.NONPOOL || rr.relList[i] == ResRels.UNJUDGED) {
        unj++;
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = (double) unj / (double) cuts[ci];
    }
  });

  static final MeasureDef NDCG_CUT = MeasureDef.longCuts("ndcg_cut", QRELS, STD_CUTS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long[] cuts = m.longCuts();
    boolean dbg = c.epi.debugLevel > 0;
    int ci = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (i == cuts[ci]) {
        v[o + ci] = sum;
        if (++ci == cuts.length) {
          break;
        }
        if (dbg) {
          c.debug("ndcg_cut: cutoff " + i + " dcg " + CFormat.fixed(sum, 4) + "\n");
        }
      }
      double gain = rr.relList[i];
      if (gain > 0) {
        sum += gain / BasicMeasures.log2((double) (i + 2));
        if (c.epi.debugLevel > 1) {
          c.debug("ndcg_cut:" + i + " " + f31(gain) + " " + CFormat.fixed(sum, 4) + "\n");
        }
      }
    }
    for (; ci < cuts.length; ci++) {
      v[o + ci] = sum;
      if (dbg) {
        c.debug("ndcg_cut: cutoff " + cuts[ci] + " dcg " + CFormat.fixed(sum, 4) + "\n");
      }
    }
    ci = 0;
    long curLvl = rr.numRelLevels - 1;
    long lvlCount = 0;
    double ideal = 0.0;
    for (long i = 0; true; i++) {
      lvlCount++;
      while (curLvl > 0 && lvlCount > rr.relLevel(curLvl)) {
        curLvl--;
        lvlCount = 1;
      }
      if (curLvl == 0) {
        break;
      }
      if (i == cuts[ci]) {
        if (ideal > 0.0) {
          v[o + ci] /= ideal;
        }
        if (dbg) {
          c.debug("ndcg_cut: cutoff " + i + " idcg " + CFormat.fixed(ideal, 4) + "\n");
        }
        if (++ci == cuts.length) {
          break;
        }
      }
      double gain = curLvl;
      ideal += gain / BasicMeasures.log2((double) (i + 2));
      if (dbg) {
        c.debug("ndcg_cut:" + i + " " + curLvl + " " + f31(gain) + " " + CFormat.fixed(ideal, 4) + "\n");
      }
    }
    for (; ci < cuts.length; ci++) {
      if (ideal > 0.0) {
        v[o + ci] /= ideal;
      }
      if (dbg) {
        c.debug("ndcg_cut: cutoff " + cuts[ci] + " idcg " + CFormat.fixed(ideal, 4) + "\n");
      }
    }
  });

  static String f31(double d) {
    String s = CFormat.fixed(d, 1);
    return s.length() >= 3 ? s : " ".repeat(3 - s.length()) + s;
  }

  /** Recall level -> number of relevant docs: lround (10.0) or (long)(x + 0.9) (9.0.4). */
  static long recallCut(QueryContext c, double pct, long numRel) {
    double x = pct * numRel;
    if (c.epi.version.roundedRecallCutoffs()) {
      return lround(x);
    }
    return CFormat.cLong(x + 0.9);
  }

  /** C lround: half away from zero. */
  static long lround(double x) {
    if (Double.isNaN(x) || Math.abs(x) >= 9.2e18) {
      return Long.MIN_VALUE;
    }
    double r = Math.floor(Math.abs(x) + 0.5);
    // floor(|x| + 0.5) can round up when |x| + 0.5 is inexact; correct it
    if (r - Math.abs(x) > 0.5) {
      r -= 1.0;
    }
    long l = (long) r;
    return x < 0 ? -l : l;
  }

  static final MeasureDef IPREC_AT_RECALL = MeasureDef.doubleCuts("iprec_at_recall", QRELS, RECALL_LEVELS,
    (c, m, v, o) -> {
      ResRels rr = c.resRels();
      double[] pct = m.doubles();
      long[] cuts = new long[pct.length];
      for (int i = 0; i < pct.length; i++) {
        cuts[i] = recallCut(c, pct[i], rr.numRel);
      }
      int cur = pct.length - 1;
      while (cur >= 0 && cuts[cur] > rr.numRelRet) {
        cur--;
      }
      double precis = (double) rr.numRelRet / (double) rr.numRet;
      double intPrecis = precis;
      long relSoFar = rr.numRelRet;
      for (long i = rr.numRet; i > 0 && relSoFar > 0; i--) {
        precis = (double) relSoFar / (double) i;
        if (intPrecis < precis) {
          intPrecis = precis;
        }
        if (rr.relList[(int) i - 1] >= c.level()) {
          while (cur >= 0 && relSoFar == cuts[cur]) {
            v[o + cur] = intPrecis;
            cur--;
          }
          relSoFar--;
        }
      }
      while (cur >= 0) {
        v[o + cur] = intPrecis;
        cur--;
      }
    });

  static final MeasureDef PT11_AVG = MeasureDef.doubleParams("11pt_avg", RECALL_LEVELS, (c, m, v, o) -> {
    double[] pct = m.doubles();
    if (pct.length == 0) {
      throw new MeasureDef.CalcFailure("trec_eval.calc_m_11ptavg: No cutoff values\n", 4);
    }
    ResRels rr = c.resRels();
    long[] cuts = new long[pct.length];
    for (int i = 0; i < pct.length; i++) {
      cuts[i] = recallCut(c, pct[i], rr.numRel);
    }
    int cur = pct.length - 1;
    while (cur >= 0 && cuts[cur] > rr.numRelRet) {
      cur--;
    }
    double precis = (double) rr.numRelRet / (double) rr.numRet;
    double intPrecis = precis;
    double sum = 0.0;
    long relSoFar = rr.numRelRet;
    for (long i = rr.numRet; i > 0 && relSoFar > 0; i--) {
      precis = (double) relSoFar / (double) i;
      if (intPrecis < precis) {
        intPrecis = precis;
      }
      if (rr.relList[(int) i - 1] >= c.level()) {
        while (cur >= 0 && relSoFar == cuts[cur]) {
          sum += intPrecis;
          cur--;
        }
        relSoFar--;
      }
    }
    while (cur >= 0) {
      sum += intPrecis;
      cur--;
    }
    v[o] = sum / (double) pct.length;
  });

  static final MeasureDef RPREC_MULT = MeasureDef.doubleCuts("Rprec_mult", QRELS,
    new double[] {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0}, (c, m, v, o) -> {
      ResRels rr = c.resRels();
      rprecMult(c.level(), m.doubles(), rr, v, o);
    });

  /** m_Rprec_mult.c (also used per judgement group by Rprec_mult_avgjg, adding into {@code v}). */
  static void rprecMult(long level, double[] pct, ResRels rr, double[] v, int o) {
    long[] cuts = new long[pct.length];
    for (int i = 0; i < pct.length; i++) {
      cuts[i] = CFormat.cLong(pct[i] * rr.numRel + 0.9);
    }
    double precis;
    int cur = pct.length - 1;
    while (cur >= 0 && cuts[cur] > rr.numRet) {
      v[o + cur] += (double) rr.numRelRet / (double) cuts[cur];
      cur--;
    }
    long relSoFar = rr.numRelRet;
    for (long i = rr.numRet; i > 0 && relSoFar > 0; i--) {
      precis = (double) relSoFar / (double) i;
      while (cur >= 0 && i == cuts[cur]) {
        v[o + cur] += precis;
        cur--;
      }
      if (rr.relList[(int) i - 1] >= level) {
        relSoFar--;
      }
    }
  }
}
