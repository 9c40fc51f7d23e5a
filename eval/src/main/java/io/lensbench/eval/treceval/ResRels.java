package io.lensbench.eval.treceval;

/**
* Relevance of the ranked retrieved docs of one query plus judgement statistics (RES_RELS of
* trec_format.h), built as form_res_rels.c / form_res_rels_jg.c build it.
*/
final class ResRels {
  static final long NONPOOL = -1;
  static final long UNJUDGED = -2;

  /** Relevance of the doc at each rank (index 0 = rank 1). */
  /** (Relevance values fit in an int: rel_info readers refuse values of 2^26 and more.) */
  int[] relList;
  int numRet;
  long numRelRet;
  long numNonpool;
  long numUnjudged;
  long numRel;
  int numRelLevels;
  long[] relLevels;

  /** rel_levels[i]; 0 outside the array (where C would read stale memory). */
  long relLevel(long i) {
    return i >= 0 && i < relLevels.length ? relLevels[(int) i] : 0;
  }

  /**
  * form_res_rels for one query. {@code docs}/{@code rels} are the judgements sorted by docno;
  * {@code lookup} maps a docno id to its judgement index (or -1); {@code prevNumRelLevels} is the
  * value a previous query left in trec_eval's cached structure (used when no level has a doc).
  */
  static ResRels build(int[] ranked, JudgementLookup lookup, long[] rels, long[] relLevels, TrecEvalOptions epi,
    int prevNumRelLevels) {
    ResRels rr = new ResRels();
    int n = ranked.length;
    long level = epi.relevanceLevel;
    int[] list = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int j = lookup.find(ranked[i]);
      int rel;
      if (j < 0) {
        rel = (int) NONPOOL;
      } else {
        rel = rels[j] < 0 ? (int) UNJUDGED : (int) rels[j];
      }
      if (epi.judgedDocsOnly) {
        if (rel >= 0) {
          list[k++] = rel;
          if (rel >= level) {
            rr.numRelRet++;
          }
        }
      } else {
        list[i] = rel;
        if (rel == NONPOOL) {
          rr.numNonpool++;
        } else if (rel == UNJUDGED) {
          rr.numUnjudged++;
        } else if (rel >= level) {
          rr.numRelRet++;
        }
      }
    }
    if (epi.judgedDocsOnly) {
      rr.relList = java.util.Arrays.copyOf(list, k);
      rr.numRet = k;
    } else {
      rr.relList = list;
      rr.numRet = n;
    }
    rr.relLevels = relLevels;
    rr.numRelLevels = prevNumRelLevels;
    for (int i = 0; i < relLevels.length; i++) {
      if (relLevels[i] != 0) {
        rr.numRelLevels = i + 1;
        if (i >= level) {
          rr.numRel += relLevels[i];
        }
      }
    }
    return rr;
  }

  /** Highest non-empty level + 1, or {@code prev} if every level is empty. */
  static int numRelLevels(long[] relLevels, int prev) {
    int r = prev;
    for (int i = 0; i < relLevels.length; i++) {
      if (relLevels[i] != 0) {
        r = i + 1;
      }
    }
    return r;
  }

  /** Finds the judgement index of a docno id within one query (or judgement group). */
  @FunctionalInterface
  interface JudgementLookup {
    int find(int docId);
  }
}
