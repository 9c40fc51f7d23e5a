package io.lensbench.eval.treceval;

/** Gain-based measures: ndcg, dcg, ideal_dcg, ndcg_rel, Rndcg, G, rbp, rbp_resid (gain_init.c and m_*.c). */
final class GainMeasures {
  private GainMeasures() {
  }

  private static String f31(double d) {
    return CutoffMeasures.f31(d);
  }

  static String f64(double d) {
    String s = CFormat.fixed(d, 4);
    return s.length() >= 6 ? s : " ".repeat(6 - s.length()) + s;
  }

  /** Walks the ideal ranking level by level (the cur_level / num_at_level loop shared by these measures). */
  private static final class Ideal {
    final Gains gains;
    int curLevel;
    long numAtLevel;
    double gain;

    Ideal(Gains gains) {
      this.gains = gains;
      curLevel = gains.n - 1;
      gain = curLevel >= 0 ? gains.gain[curLevel] : 0.0;
    }

    void next() {
      numAtLevel++;
      while (curLevel >= 0 && numAtLevel > gains.numAtLevel[curLevel]) {
        numAtLevel = 1;
        curLevel--;
        gain = curLevel >= 0 ? gains.gain[curLevel] : 0.0;
      }
    }
  }

  private static final MeasureDef.Calc NDCG_CALC = (c, m, v, o) -> {
    ResRels rr = c.resRels();
    Gains gains = Gains.setup(m, rr);
    boolean dbg = c.epi.debugLevel > 0;
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    Ideal id = new Ideal(gains);
    int i;
    for (i = 0; i < rr.numRet && id.gain > 0.0; i++) {
      double rg = gains.get(rr.relList[i]);
      if (rg != 0) {
        resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
      }
      id.next();
      if (id.gain > 0.0) {
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("ndcg: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " " + f31(id.gain)
          + " " + f64(idealDcg) + "\n");
      }
    }
    while (i < rr.numRet) {
      double rg = gains.get(rr.relList[i]);
      if (rg != 0) {
        resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("ndcg: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " " + f31(0.0)
          + " " + f64(idealDcg) + "\n");
      }
      i++;
    }
    while (id.gain > 0.0) {
      id.next();
      if (id.gain > 0.0) {
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("ndcg: " + i + " " + id.curLevel + " " + f31(0.0) + " " + f64(resultsDcg) + " " + f31(id.gain)
          + " " + f64(idealDcg) + "\n");
      }
      i++;
    }
    switch (m.name()) {
      case "ndcg":
        if (idealDcg > 0.0) {
          v[o] = resultsDcg / idealDcg;
        }
        break;
      case "dcg":
        v[o] = resultsDcg;
        break;
      default:
        v[o] = idealDcg;
        break;
    }
  };

  static final MeasureDef NDCG = MeasureDef.pairs("ndcg", "ndcg", NDCG_CALC);
  static final MeasureDef DCG = MeasureDef.pairs("dcg", "ndcg", NDCG_CALC);
  static final MeasureDef IDEAL_DCG = MeasureDef.pairs("ideal_dcg", "ndcg", NDCG_CALC);

  static final MeasureDef NDCG_REL = MeasureDef.pairs("ndcg_rel", null, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    Gains gains = Gains.setup(m, rr);
    boolean dbg = c.epi.debugLevel > 0;
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    double sum = 0.0;
    long numRelRet = 0;
    long numRel = 0;
    Ideal id = new Ideal(gains);
    int i;
    for (i = 0; i < rr.numRet && id.gain > 0.0; i++) {
      double rg = gains.get(rr.relList[i]);
      if (rg != 0) {
        resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
      }
      id.next();
      if (id.gain > 0.0) {
        numRel++;
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (rg > 0) {
        sum += resultsDcg / idealDcg;
        numRelRet++;
      }
      if (dbg) {
        c.debug("ndcg_rel: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " "
          + f31(id.gain) + " " + f64(idealDcg) + " " + f64(sum) + "\n");
      }
    }
    while (i < rr.numRet) {
      double rg = gains.get(rr.relList[i]);
      if (rg != 0) {
        resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
      }
      if (rg > 0) {
        sum += resultsDcg / idealDcg;
        numRelRet++;
      }
      if (dbg) {
        c.debug("ndcg_rel: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " "
          + f31(0.0) + " " + f64(idealDcg) + " " + f64(sum) + "\n");
      }
      i++;
    }
    while (id.gain > 0.0) {
      id.next();
      if (id.gain > 0.0) {
        numRel++;
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("ndcg_rel: " + i + " " + id.curLevel + " " + f31(0.0) + " " + f64(resultsDcg) + " "
          + f31(id.gain) + " " + f64(idealDcg) + "\n");
      }
      i++;
    }
    sum += ((double) (numRel - numRelRet)) * resultsDcg / idealDcg;
    if (dbg) {
      c.debug("ndcg_rel: " + i + " " + id.curLevel + " " + f64(resultsDcg) + " " + f64(idealDcg) + " " + f64(sum)
        + "\n");
    }
    if (sum > 0.0) {
      v[o] = sum / numRel;
    }
  });

  static final MeasureDef RNDCG = MeasureDef.pairs("Rndcg", null, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    Gains gains = Gains.setup(m, rr);
    if (rr.numRel == 0) {
      return;
    }
    boolean dbg = c.epi.debugLevel > 0;
    double resultsDcg = 0.0;
    double idealDcg = 0.0;
    double sum = 0.0;
    long numChanged = 0;
    Ideal id = new Ideal(gains);
    double oldIdeal = id.gain;
    int i;
    for (i = 0; i < rr.numRet && id.gain > 0.0; i++) {
      double rg = gains.get(rr.relList[i]);
      id.next();
      if (oldIdeal != id.gain) {
        if (idealDcg > 0.0) {
          sum += resultsDcg / idealDcg;
          numChanged++;
        }
        oldIdeal = id.gain;
      }
      if (rg != 0) {
        resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
      }
      if (id.gain > 0.0) {
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("Rndcg: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " "
          + f31(id.gain) + " " + f64(idealDcg) + " " + f64(sum) + "\n");
      }
    }
    if (i < rr.numRet) {
      while (i < rr.numRet) {
        double rg = gains.get(rr.relList[i]);
        if (rg != 0) {
          resultsDcg += rg / BasicMeasures.log2((double) (i + 2));
        }
        if (dbg) {
          c.debug("Rndcg: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(resultsDcg) + " "
            + f31(0.0) + " " + f64(idealDcg) + "\n");
        }
        i++;
      }
      if (idealDcg > 0.0) {
        sum += resultsDcg / idealDcg;
        numChanged++;
      }
    }
    while (id.gain > 0.0) {
      id.next();
      if (oldIdeal != id.gain) {
        if (idealDcg > 0.0) {
          sum += resultsDcg / idealDcg;
          numChanged++;
        }
        oldIdeal = id.gain;
      }
      if (id.gain > 0.0) {
        idealDcg += id.gain / BasicMeasures.log2((double) (i + 2));
      }
      if (dbg) {
        c.debug("Rndcg: " + i + " " + id.curLevel + " " + f31(0.0) + " " + f64(resultsDcg) + " "
          + f31(id.gain) + " " + f64(idealDcg) + "\n");
      }
      i++;
    }
    v[o] = sum / numChanged;
  });

  static final MeasureDef G = MeasureDef.pairs("G", null, (c, m, v, o) -> {
    ResRels rr = c.resRels();
    Gains gains = Gains.setup(m, rr);
    boolean dbg = c.epi.debugLevel > 0;
    double resultsG = 0.0;
    double sumResults = 0.0;
    double sumIdeal = 0.0;
    double sumCost = 0.0;
    double minCost = 1.0;
    Ideal id = new Ideal(gains);
    int i;
    for (i = 0; i < rr.numRet && id.gain > 0.0; i++) {
      double rg = gains.get(rr.relList[i]);
      sumResults += rg;
      id.next();
      if (id.gain > 0.0) {
        sumIdeal += id.gain;
      }
      sumCost += id.gain >= minCost ? id.gain : minCost;
      if (rg != 0) {
        resultsG += rg / BasicMeasures.log2((double) (2 + sumCost - sumResults));
      }
      if (dbg) {
        c.debug("G: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(sumResults) + " " + f31(id.gain)
          + " " + f64(sumIdeal) + " " + f64(sumCost) + " " + f64(resultsG) + "\n");
      }
    }
    while (i < rr.numRet) {
      double rg = gains.get(rr.relList[i]);
      sumResults += rg;
      sumCost += minCost;
      if (rg != 0) {
        resultsG += rg / BasicMeasures.log2((double) (2 + sumCost - sumResults));
      }
      if (dbg) {
        c.debug("G: " + i + " " + id.curLevel + " " + f31(rg) + " " + f64(sumResults) + " " + f31(0.0) + " "
          + f64(sumIdeal) + " " + f64(resultsG) + "\n");
      }
      i++;
    }
    while (id.gain > 0.0) {
      id.next();
      if (id.gain > 0.0) {
        sumIdeal += id.gain;
      }
      if (dbg) {
        c.debug("G: " + i + " " + id.curLevel + " " + f31(0.0) + " " + f64(sumResults) + " " + f31(id.gain)
          + " " + f64(sumIdeal) + "\n");
      }
      i++;
    }
    if (sumIdeal > 0.0) {
      v[o] = resultsG / sumIdeal;
    }
  });
}
