package io.lensbench.eval.treceval;

import static io.lensbench.eval.treceval.MeasureDef.Input.JG;

/** Measures averaged over the judgement groups of qrels_jg (m_map_avgjg.c, m_P_avgjg.c, m_Rprec_mult_avgjg.c). */
final class JgMeasures {
  private JgMeasures() {
  }

  static final MeasureDef MAP_AVGJG = MeasureDef.mean("map_avgjg", JG, (c, m, v, o) -> {
    ResRels[] jgs = c.jgs();
    for (ResRels rr : jgs) {
      long relSoFar = 0;
      double sum = 0.0;
      for (int i = 0; i < rr.numRet; i++) {
        if (rr.relList[i] >= c.level()) {
          relSoFar++;
          sum += (double) relSoFar / (double) (i + 1);
        }
      }
      if (relSoFar != 0) {
        v[o] += sum / (double) rr.numRel;
      }
    }
    if (jgs.length > 1) {
      v[o] /= jgs.length;
    }
  });

  static final MeasureDef P_AVGJG = MeasureDef.longCuts("P_avgjg", JG, CutoffMeasures.STD_CUTS, (c, m, v, o) -> {
    ResRels[] jgs = c.jgs();
    long[] cuts = m.longCuts();
    for (ResRels rr : jgs) {
      int ci = 0;
      long relSoFar = 0;
      for (int i = 0; i < rr.numRet; i++) {
        if (i == cuts[ci]) {
          v[o + ci] += (double) relSoFar / (double) i;
          if (++ci == cuts.length) {
            break;
          }
        }
        if (rr.relList[i] >= c.level()) {
          relSoFar++;
        }
      }
      for (; ci < cuts.length; ci++) {
        v[o + ci] += (double) relSoFar / (double) cuts[ci];
      }
    }
    if (jgs.length > 1) {
      for (int ci = 0; ci < cuts.length; ci++) {
        v[o + ci] /= jgs.length;
      }
    }
  });

  static final MeasureDef RPREC_MULT_AVGJG = MeasureDef.doubleCuts("Rprec_mult_avgjg", JG,
    new double[] {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0}, (c, m, v, o) -> {
      ResRels[] jgs = c.jgs();
      double[] pct = m.doubles();
      for (ResRels rr : jgs) {
        CutoffMeasures.rprecMult(c.level(), pct, rr, v, o);
      }
      if (jgs.length > 1) {
        for (int ci = 0; ci < pct.length; ci++) {
          v[o + ci] /= jgs.length;
        }
      }
    });
}
