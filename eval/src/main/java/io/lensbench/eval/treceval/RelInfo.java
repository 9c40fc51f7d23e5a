package io.lensbench.eval.treceval;

import java.util.List;

/**
* Relevance information of one rel_info file, grouped by query and ordered by qid (strcmp), as
* trec_eval's get_qrels / get_prefs / get_qrels_prefs / get_qrels_jg produce it.
*/
final class RelInfo {
  /** Internal format names trec_eval stores in REL_INFO.rel_format. */
  static final String QRELS = "qrels";
  static final String PREFS = "prefs";
  static final String QRELS_JG = "qrels_jg";

  final String relFormat;
  final List<Query> queries;

  RelInfo(String relFormat, List<Query> queries) {
    this.relFormat = relFormat;
    this.queries = queries;
  }

  /** Judgements of one qid. Arrays are sorted by docno (strcmp), as trec_eval keeps them. */
  static final class Query {
    final int qidId;
    final byte[] qid;
    /** Distinct judged docnos of the query (all formats); docs below are local indices into it. */
    JudgedIndex index;
    /* qrels (and prefs): one entry per line, sorted by docno */
    int[] docs;
    /** Local judged index -> first position in docs/rels. */
    int[] qrelPos;
    long[] rels;
    /** Local index of the first docno (in docno order) judged twice, or -1. */
    int dupDoc = -1;
    /** Counts of judgements per non-negative relevance value, length max_rel+1 (may be 0). */
    long[] relLevels;
    /* prefs and qrels_prefs: one entry per line, sorted by docno */
    int[] prefJg;
    int[] prefJsg;
    double[] prefRel;
    /* qrels_jg: judgement groups in jg-name order, each sorted by docno (local indices) */
    int[][] jgDocs;
    long[][] jgRels;
    /** Per judgement group: local judged index -> position in jgDocs[g], or -1. */
    int[][] jgPos;

    Query(int qidId, byte[] qid) {
      this.qidId = qidId;
      this.qid = qid;
    }

  }
}
