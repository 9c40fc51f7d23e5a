package io.lensbench.eval.treceval;

/** calc_avg procedures: turn the per-query sums into the summary values (meas_avg.c, m_num_q.c, m_num_rel.c). */
final class Summary {
  private Summary() {
  }

  /**
  * Averages measure {@code m} in place; returns an error message (trec_eval's calc_avg failure) or null.
  * With -c the divisor is the number of queries of the rel_info file, not of evaluated queries.
  */
  static String average(TrecEvalOptions epi, RelInfo relInfo, Measure m, double[] v, long numQueries) {
    long n = epi.averageComplete ? relInfo.queries.size() : numQueries;
    switch (m.def.avg) {
      case MEAN:
        if (n != 0) {
          for (int k = 0; k < m.count; k++) {
            v[m.off + k] /= n;
          }
        }
        return null;
      case GM:
        if (n > 0) {
          double sum = v[m.off];
          if (epi.averageComplete) {
            sum += (n - numQueries) * Math.log(BasicMeasures.MIN_GEO_MEAN);
          }
          v[m.off] = Math.exp(sum / n);
        }
        return null;
      case NUM_Q:
        v[m.off] = n;
        return null;
      case NUM_REL:
        return epi.averageComplete ? completeNumRel(relInfo, m, v) : null;
      default:
        return null;
    }
  }

  /** te_calc_avg_num_rel with -c: judgements with rel > 0 over all queries of the rel_info file. */
  private static String completeNumRel(RelInfo relInfo, Measure m, double[] v) {
    long numRel = 0;
    for (RelInfo.Query q : relInfo.queries) {
      if (RelInfo.QRELS.equals(relInfo.relFormat)) {
        for (long r : q.rels) {
          if (r > 0) {
            numRel++;
          }
        }
      } else if (RelInfo.QRELS_JG.equals(relInfo.relFormat)) {
        for (long[] rs : q.jgRels) {
          for (long r : rs) {
            if (r > 0) {
              numRel++;
            }
          }
        }
      } else {
        return "trec_eval: m_num_rel: rel_info format not qrels or qrels_jg\n";
      }
    }
    v[m.off] = numRel;
    return null;
  }
}
