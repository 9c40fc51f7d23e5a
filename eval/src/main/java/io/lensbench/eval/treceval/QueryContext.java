package io.lensbench.eval.treceval;

/**
* Everything the measures of one query are computed from. The intermediate forms (RES_RELS, RESULTS_PREFS,
* RES_RELS_JG) are built on first use and cached for the other measures of the query, as trec_eval's
* form_* procedures cache them per qid.
*/
final class QueryContext {
  final TrecEvalOptions epi;
  final Dictionary groups;
  final RelInfo relInfo;
  final int relIndex;
  final RelInfo.Query rel;
  final RunData.Query results;
  final int prevNumRelLevels;
  /** Debug lines printed while computing (they precede the query's own output). */
  final ByteBuf debug = new ByteBuf(64);
  String relstring;

  private ResRels resRels;
  private PrefsCounts prefs;
  private ResRels[] jgs;

  QueryContext(TrecEvalOptions epi, Dictionary groups, RelInfo relInfo, int relIndex,
    RunData.Query results, int prevNumRelLevels) {
    this.epi = epi;
    this.groups = groups;
    this.relInfo = relInfo;
    this.relIndex = relIndex;
    this.rel = relInfo.queries.get(relIndex);
    this.results = results;
    this.prevNumRelLevels = prevNumRelLevels;
  }

  long level() {
    return epi.relevanceLevel;
  }

  /** te_form_res_rels. */
  ResRels resRels() throws MeasureDef.CalcFailure {
    if (resRels != null) {
      return resRels;
    }
    if (!RelInfo.QRELS.equals(relInfo.relFormat)) {
      throw new MeasureDef.CalcFailure("trec_eval.form_res_qrels: rel_info format not qrels or results "
        + "format not trec_results\n", 4);
    }
    int[] ranked = rankChecked(true, "trec_eval.form_res_qrels");
    if (rel.dupDoc >= 0) {
      throw new MeasureDef.CalcFailure("trec_eval.form_res_rels: duplicate docs " + rel.index.string(rel.dupDoc)
        + "\n", 4);
    }
    final int[] pos = rel.qrelPos;
    resRels = ResRels.build(ranked, ref -> ref >= 0 ? pos[ref] : -1, rel.rels, rel.relLevels, epi,
      prevNumRelLevels);
    return resRels;
  }

  /** form_prefs_counts. */
  PrefsCounts prefs() throws MeasureDef.CalcFailure {
    if (prefs != null) {
      return prefs;
    }
    if (!RelInfo.PREFS.equals(relInfo.relFormat)) {
      throw new MeasureDef.CalcFailure("trec_eval.form_prefs_info: prefs_info format not (prefs or "
        + "qrels_prefs) or results format not trec_results\n", 4);
    }
    int[] ranked = rankChecked(false, "trec_eval.form_prefs_counts");
    try {
      prefs = PrefsCounts.build(rel, ranked, groups);
    } catch (PrefsCounts.Failure f) {
      throw new MeasureDef.CalcFailure(f.getMessage(), f.status);
    }
    return prefs;
  }

  /** te_form_res_rels_jg: one RES_RELS per judgement group. */
  ResRels[] jgs() throws MeasureDef.CalcFailure {
    if (jgs != null) {
      return jgs;
    }
    if (!RelInfo.QRELS_JG.equals(relInfo.relFormat)) {
      throw new MeasureDef.CalcFailure("trec_eval: rel_info format not qrels_jg or results format not "
        + "trec_results\n", 4);
    }
    int[] ranked = rankChecked(true, "trec_eval.form_res_qrels");
    int nj = rel.jgDocs.length;
    long maxRel = 0;
    for (long[] rs : rel.jgRels) {
      for (long r : rs) {
        maxRel = Math.max(maxRel, r);
      }
    }
    ResRels[] out = new ResRels[nj];
    for (int g = 0; g < nj; g++) {
      final long[] r = rel.jgRels[g];
      final int[] pos = rel.jgPos[g];
      long[] lv;
      try {
        lv = RelInfoReader.relLevels(r, maxRel);
      } catch (TrecEvalException e) {
        throw new MeasureDef.CalcFailure(e.getMessage(), 2);
      }
      out[g] = ResRels.build(ranked, ref -> ref >= 0 ? pos[ref] : -1, r, lv, epi, 0);
    }
    jgs = out;
    return jgs;
  }

  /** Ranks the results (docno ties decreasing or increasing) and refuses duplicate docnos in the top -M. */
  private int[] rankChecked(boolean docnoDescending, String who) throws MeasureDef.CalcFailure {
    Docnos dn = new Docnos(rel.index, results);
    int[] ranked = Ranking.rank(results, dn, epi.maxDocsPerTopic, docnoDescending);
    boolean[] found = new boolean[1];
    int dup = results.hasDuplicate ? dn.firstDuplicate(ranked, found) : 0;
    if (found[0]) {
      throw new MeasureDef.CalcFailure(who + ": duplicate docs " + dn.string(dup), 4);
    }
    return ranked;
  }

  /** Appends C-formatted debug output. */
  void debug(String s) {
    debug.append(s);
  }
}
