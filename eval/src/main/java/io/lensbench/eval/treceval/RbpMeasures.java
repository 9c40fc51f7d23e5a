package io.lensbench.eval.treceval;

/** Rank-biased precision and its residual (m_rbp.c, m_rbp_resid.c; trec_eval 10.0 only). */
final class RbpMeasures {
  private RbpMeasures() {
  }

  private static double persistence(Measure m) {
    double p = 0.9;
    Measure.ParamBlock pb = m.params;
    for (int i = 0; i < pb.numPairs(); i++) {
      if ("p".equals(pb.pairNames[i])) {
        p = pb.pairValues[i];
      }
    }
    return p;
  }

  static final MeasureDef RBP = MeasureDef.pairs("rbp", null, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    double p = persistence(m);
    Gains gains = Gains.setup(m, rr);
    // m_rbp.c leaves min and max uninitialised; the intended extremes of the gains are used here
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < gains.n; i++) {
      min = Math.min(min, gains.gain[i]);
      max = Math.max(max, gains.gain[i]);
    }
    if (min < 0 || max > 1) {
      for (int i = 0; i < gains.n; i++) {
        gains.gain[i] = (gains.gain[i] - min) / (max - min);
      }
      gains.changed();
    }
    double sum = 0.0;
    double curP = 1.0;
    for (int i = 0; i < rr.numRet; i++) {
      double gain = gains.get(rr.relList[i]);
      if (gain != 0) {
        sum += gain * curP;
        if (c.epi.debugLevel > 0) {
          c.debug("rbp:" + i + " " + CutoffMeasures.f31(gain) + " " + GainMeasures.f64(sum) + "\n");
        }
      }
      curP = curP * p;
    }
    v[o] = (1.0 - p) * sum;
  });

  static final MeasureDef RBP_RESID = MeasureDef.pairs("rbp_resid", null, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    double p = persistence(m);
    long unj = 0;
    double sum = 0.0;
    double curP = 1.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (rr.relList[i] < 0) {
        unj++;
        sum += curP;
      }
      curP = curP * p;
    }
    if (unj != 0) {
      v[o] = curP + (1 - p) * sum;
    }
  });
}
