package io.lensbench.eval.treceval;

import static io.lensbench.eval.treceval.MeasureDef.Input.QRELS;

/** Single-valued measures over the standard qrels ranking (m_map.c, m_bpref.c, m_set_*.c, ...). */
final class BasicMeasures {
  private BasicMeasures() {
  }

  static final double MIN_GEO_MEAN = .00001;
  static final double INFAP_EPSILON = .00001;

  static final MeasureDef RUNID = MeasureDef.custom("runid", MeasureDef.Params.EMPTY, null,
    MeasureDef.Input.NONE, MeasureDef.Avg.SUM, MeasureDef.Out.NONE, MeasureDef.Out.RUNID, (c, m, v, o) -> { });

  static final MeasureDef NUM_Q = MeasureDef.custom("num_q", MeasureDef.Params.NONE, null,
    MeasureDef.Input.NONE, MeasureDef.Avg.NUM_Q, MeasureDef.Out.NONE, MeasureDef.Out.LONG,
    (c, m, v, o) -> v[o] = 1);

  static final MeasureDef NUM_RET = MeasureDef.count("num_ret", QRELS, (c, m, v, o) -> v[o] = c.resRels().numRet);

  static final MeasureDef NUM_REL = MeasureDef.custom("num_rel", MeasureDef.Params.NONE, null, QRELS,
    MeasureDef.Avg.NUM_REL, MeasureDef.Out.LONG, MeasureDef.Out.LONG, (c, m, v, o) -> v[o] = c.resRels().numRel);

  static final MeasureDef NUM_REL_RET = MeasureDef.count("num_rel_ret", QRELS,
    (c, m, v, o) -> v[o] = c.resRels().numRelRet);

  static final MeasureDef MAP = MeasureDef.mean("map", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
        sum += (double) relSoFar / (double) (i + 1);
      }
    }
    if (relSoFar != 0) {
      v[o] = sum / (double) rr.numRel;
    }
  });

  static final MeasureDef GM_MAP = MeasureDef.gm("gm_map", (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
        sum += (double) relSoFar / (double) (i + 1);
      }
    }
    if (relSoFar != 0) {
      sum = sum / (double) rr.numRel;
    }
    v[o] = Math.log(Math.max(sum, MIN_GEO_MEAN));
  });

  static final MeasureDef RPREC = MeasureDef.mean("Rprec", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long look = Math.min(rr.numRet, rr.numRel);
    if (look == 0) {
      return;
    }
    long relSoFar = 0;
    for (int i = 0; i < look; i++) {
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
      }
    }
    v[o] = (double) relSoFar / (double) rr.numRel;
  });

  /** bpref, as log(max(bpref, MIN_GEO_MEAN)) when {@code gm}. */
  private static double bpref(QueryContext c, boolean gm) throws MeasureDef.CalcFailure {
    ResRels rr = c.resRels();
    long level = c.level();
    long numNonrel = 0;
    for (long j = 0; j < level; j++) {
      numNonrel += rr.relLevel(j);
    }
    long nonrelSoFar = 0;
    double bpref = 0.0;
    for (int j = 0; j < rr.numRet; j++) {
      long r = rr.relList[j];
      if (r == ResRels.NONPOOL || r == ResRels.UNJUDGED) {
        continue;
      }
      if (r >= 0 && r < level) {
        nonrelSoFar++;
      } else if (nonrelSoFar > 0) {
        bpref += 1.0 - ((double) Math.min(nonrelSoFar, rr.numRel) / (double) Math.min(numNonrel, rr.numRel));
      } else {
        bpref += 1.0;
      }
    }
    if (rr.numRel != 0) {
      bpref /= rr.numRel;
    }
    if (!gm) {
      return bpref;
    }
    double g = Math.log(Math.max(bpref, MIN_GEO_MEAN));
    if (c.epi.debugLevel > 1) {
      c.debug("gm_bpref: bpref " + CFormat.fixed(bpref, 4) + ", gm_bpref " + CFormat.fixed(g, 4));
    }
    return g;
  }

  static final MeasureDef BPREF = MeasureDef.mean("bpref", QRELS, (c, m, v, o) -> v[o] = bpref(c, false));

  static final MeasureDef GM_BPREF = MeasureDef.gm("gm_bpref", (c, m, v, o) -> v[o] = bpref(c, true));

  static final MeasureDef RECIP_RANK = MeasureDef.mean("recip_rank", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    int i = 0;
    while (i < rr.numRet && rr.relList[i] < c.level()) {
      i++;
    }
    if (i < rr.numRet) {
      v[o] = 1.0 / (double) (i + 1);
    }
  });

  static final MeasureDef RELSTRING = MeasureDef.custom("relstring", MeasureDef.Params.DOUBLE_PARAMS,
    new double[] {10.0}, QRELS, MeasureDef.Avg.SUM, MeasureDef.Out.RELSTRING, MeasureDef.Out.NONE,
    (c, m, v, o) -> {
      ResRels rr = c.resRels();
      long len = Math.min(CFormat.cLong(m.doubles()[0]), rr.numRet);
      if (len < 0) {
        len = 0;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < len; i++) {
        long r = rr.relList[i];
        char ch;
        if (r > 9) {
          ch = '>';
        } else if (r >= 0) {
          ch = (char) ('0' + r);
        } else if (r == ResRels.NONPOOL) {
          ch = '-';
        } else if (r == ResRels.UNJUDGED) {
          ch = '.';
        } else {
          ch = '<';
        }
        sb.append(ch);
      }
      c.relstring = sb.toString();
    });

  static final MeasureDef INFAP = MeasureDef.mean("infAP", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long level = c.level();
    long nonrelSoFar = 0;
    long relSoFar = 0;
    long poolUnjudgedSoFar = 0;
    double infAp = 0.0;
    for (int j = 0; j < rr.numRet; j++) {
      long r = rr.relList[j];
      if (r == ResRels.NONPOOL) {
        continue;
      }
      if (r == ResRels.UNJUDGED) {
        poolUnjudgedSoFar++;
        continue;
      }
      if (r >= 0 && r < level) {
        nonrelSoFar++;
      } else {
        relSoFar++;
        if (j == 0) {
          infAp += 1.0;
        } else {
          double fj = j;
          infAp += 1.0 / (fj + 1.0)
            + (fj / (fj + 1.0)) * ((relSoFar - 1 + nonrelSoFar + poolUnjudgedSoFar) / fj)
            * ((relSoFar - 1 + INFAP_EPSILON) / (relSoFar - 1 + nonrelSoFar + 2 * INFAP_EPSILON));
        }
      }
    }
    if (rr.numRel != 0) {
      infAp /= rr.numRel;
    }
    v[o] = infAp;
  });

  static final MeasureDef UTILITY = MeasureDef.doubleParams("utility", new double[] {1.0, -1.0, 0.0, 0.0},
    (c, m, v, o) -> {
      ResRels rr = c.resRels();
      double[] p = m.doubles();
      if (p.length != 4) {
        throw new MeasureDef.CalcFailure("trec_eval.calc_utility: improper number of coefficients\n", 4);
      }
      v[o] = p[0] * rr.numRelRet + p[1] * (rr.numRet - rr.numRelRet) + p[2] * (rr.numRel - rr.numRelRet)
        + p[3] * (c.epi.numDocsInColl + rr.numRelRet - rr.numRet - rr.numRel);
    });

  static final MeasureDef BING = MeasureDef.mean("binG", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
        sum += 1.0 / log2((double) (3 + i - relSoFar));
        if (c.epi.debugLevel > 0) {
          c.debug("binG: " + i + " " + relSoFar + " " + CFormat.fixed(sum, 4) + "\n");
        }
      }
    }
    if (relSoFar != 0) {
      v[o] = sum / (double) rr.numRel;
    }
  });

  static final MeasureDef SET_P = MeasureDef.mean("set_P", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRet != 0) {
      v[o] = (double) rr.numRelRet / (double) rr.numRet;
    }
  });

  static final MeasureDef SET_RELATIVE_P = MeasureDef.mean("set_relative_P", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRet != 0 && rr.numRel != 0) {
      v[o] = (double) rr.numRelRet / (double) Math.min(rr.numRet, rr.numRel);
    }
  });

  static final MeasureDef SET_RECALL = MeasureDef.mean("set_recall", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRel != 0) {
      v[o] = (double) rr.numRelRet / (double) rr.numRel;
    }
  });

  static final MeasureDef SET_MAP = MeasureDef.mean("set_map", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRet != 0 && rr.numRel != 0) {
      v[o] = ((double) rr.numRelRet * (double) rr.numRelRet) / ((double) rr.numRet * (double) rr.numRel);
    }
  });

  static final MeasureDef SET_F = MeasureDef.doubleParams("set_F", new double[] {1.0}, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    if (rr.numRelRet != 0) {
      double p = (double) rr.numRelRet / (double) rr.numRet;
      double r = (double) rr.numRelRet / (double) rr.numRel;
      double x = m.doubles()[0];
      v[o] = (x + 1.0) * p * r / (x * p + r);
    }
  });

  static final MeasureDef NUM_NONREL_JUDGED_RET = MeasureDef.count("num_nonrel_judged_ret", QRELS,
    (c, m, v, o) -> {
      ResRels rr = c.resRels();
      v[o] = (double) rr.numRet - rr.numNonpool - rr.numUnjudged - rr.numRelRet;
    });

  static final MeasureDef YAAP = MeasureDef.mean("yaap", QRELS, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    long relSoFar = 0;
    double sum = 0.0;
    for (int i = 0; i < rr.numRet; i++) {
      if (rr.relList[i] >= c.level()) {
        relSoFar++;
        sum += (double) relSoFar / (double) (i + 1);
      }
    }
    v[o] = Math.log((1.0 + sum) / (1.0 + (double) rr.numRel - sum));
  });

  /** C's log2 (exact for powers of two, correctly rounded elsewhere in glibc). */
  static double log2(double x) {
    if (x > 0 && (Double.doubleToRawLongBits(x) & 0x000fffffffffffffL) == 0) {
      return Math.getExponent(x);
    }
    return Math.log(x) / Math.log(2.0);
  }
}
