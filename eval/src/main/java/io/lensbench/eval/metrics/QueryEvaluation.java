package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.trec.TrecRun;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every measure for one query, computed as trec_eval 9.0.4 computes it (same order of
 * floating-point operations). Cutoff arrays are indexed like {@link EvalOptions#cutoffs()}.
 */
public final class QueryEvaluation {
  static final int NONPOOL = -1;
  static final int UNJUDGED = -2;
  static final double MIN_GEO_MEAN = 0.00001;

  private final String queryId;
  private final boolean inRun;
  final long numRet;
  final long numRel;
  final long numRelRet;
  final double map;
  final double gmMapLog;
  final double rprec;
  final double bpref;
  final double recipRank;
  final double ndcg;
  final double[] precision;
  final double[] recall;
  final double[] success;
  final double[] ndcgCut;
  final double[] mapCut;
  final double[] mrrCut;
  final double[] iprec;
  final int[] ties;
  final int duplicatesRemoved;

  private QueryEvaluation(String queryId, boolean inRun, int[] rels, float[] sortedScores,
      long[] relLevels, EvalOptions o, int duplicatesRemoved) {
    this.queryId = queryId;
    this.inRun = inRun;
    this.duplicatesRemoved = duplicatesRemoved;
    final int level = o.relevanceLevel();
    final int n = rels.length;
    numRet = n;
    long nr = 0;
    int numRelLevels = 0;
    for (int i = 0; i < relLevels.length; i++) {
      if (relLevels[i] != 0) {
        numRelLevels = i + 1;
        if (i >= level) {
          nr += relLevels[i];
        }
      }
    }
    numRel = nr;
    int[] cut = o.cutoffs();
    int nc = cut.length;
    precision = new double[nc];
    recall = new double[nc];
    success = new double[nc];
    ndcgCut = new double[nc];
    mapCut = new double[nc];
    mrrCut = new double[nc];
    ties = new int[nc];

    // one pass over the ranking: relevant counts, AP sums, DCG, first relevant rank
    long relSoFar = 0;
    double apSum = 0.0;
    double dcg = 0.0;
    long firstRel = 0;
    double[] apAt = new double[nc];
    double[] dcgAt = new double[nc];
    long[] relAt = new long[nc];
    int ci = 0;
    for (int i = 0; i < n; i++) {
      while (ci < nc && i == cut[ci]) {
        apAt[ci] = apSum;
        dcgAt[ci] = dcg;
        relAt[ci] = relSoFar;
        ci++;
      }
      int r = rels[i];
      if (r >= level) {
        relSoFar++;
        apSum += (double) relSoFar / (double) (i + 1);
        if (firstRel == 0) {
          firstRel = i + 1;
        }
      }
      if (r > 0) {
        dcg += r / log2(i + 2);
      }
    }
    while (ci < nc) {
      apAt[ci] = apSum;
      dcgAt[ci] = dcg;
      relAt[ci] = relSoFar;
      ci++;
    }
    numRelRet = relSoFar;

    // ideal DCG over the judged grades (gain = grade), as a function of rank
    long totalPositive = 0;
    for (int g = 1; g < numRelLevels; g++) {
      totalPositive += relLevels[g];
    }
    double[] idealAt = new double[nc];
    double ideal = 0.0;
    {
      int g = numRelLevels - 1;
      long left = g >= 1 ? relLevels[g] : 0;
      int c = 0;
      for (long i = 0; i < totalPositive; i++) {
        while (left == 0) {
          g--;
          left = relLevels[g];
        }
        while (c < nc && i == cut[c]) {
          idealAt[c++] = ideal;
        }
        ideal += g / log2(i + 2);
        left--;
      }
      while (c < nc) {
        idealAt[c++] = ideal;
      }
    }

    map = numRel > 0 && relSoFar > 0 ? apSum / (double) numRel : 0.0;
    gmMapLog = Math.log(Math.max(map, MIN_GEO_MEAN));
    recipRank = firstRel > 0 ? 1.0 / (double) firstRel : 0.0;
    ndcg = ideal > 0.0 ? dcg / ideal : 0.0;
    for (int c = 0; c < nc; c++) {
      precision[c] = (double) relAt[c] / (double) cut[c];
      recall[c] = numRel > 0 ? (double) relAt[c] / (double) numRel : 0.0;
      success[c] = relAt[c] > 0 ? 1.0 : 0.0;
      ndcgCut[c] = idealAt[c] > 0.0 ? dcgAt[c] / idealAt[c] : 0.0;
      mapCut[c] = numRel > 0 ? apAt[c] / (double) numRel : 0.0;
      mrrCut[c] = firstRel > 0 && firstRel <= cut[c] ? 1.0 / (double) firstRel : 0.0;
      int k = cut[c];
      if (k < n && sortedScores[k - 1] == sortedScores[k]) {
        float s = sortedScores[k];
        int lo = k - 1;
        while (lo > 0 && sortedScores[lo - 1] == s) {
          lo--;
        }
        int hi = k;
        while (hi + 1 < n && sortedScores[hi + 1] == s) {
          hi++;
        }
        ties[c] = hi - lo + 1;
      }
    }

    // R-precision
    long rr = 0;
    for (int i = 0; i < n && i < numRel; i++) {
      if (rels[i] >= level) {
        rr++;
      }
    }
    rprec = numRel > 0 ? (double) rr / (double) numRel : 0.0;

    // bpref
    long numNonrel = 0;
    for (int j = 0; j < level && j < relLevels.length; j++) {
      numNonrel += relLevels[j];
    }
    long nonrelSoFar = 0;
    double bp = 0.0;
    for (int j = 0; j < n; j++) {
      int r = rels[j];
      if (r == NONPOOL || r == UNJUDGED) {
        continue;
      }
      if (r >= 0 && r < level) {
        nonrelSoFar++;
      } else if (nonrelSoFar > 0) {
        bp += 1.0 - ((double) Math.min(nonrelSoFar, numRel) / (double) Math.min(numNonrel, numRel));
      } else {
        bp += 1.0;
      }
    }
    bpref = numRel > 0 ? bp / numRel : bp;

    // interpolated precision at recall levels
    double[] lv = o.iprecLevels();
    iprec = new double[lv.length];
    if (n > 0) {
      long[] cutoffs = new long[lv.length];
      for (int i = 0; i < lv.length; i++) {
        cutoffs[i] = (long) (lv[i] * numRel + 0.9);
      }
      int cur = lv.length - 1;
      while (cur >= 0 && cutoffs[cur] > numRelRet) {
        cur--;
      }
      double precis = (double) numRelRet / (double) n;
      double intPrecis = precis;
      long soFar = numRelRet;
      for (int i = n; i > 0 && soFar > 0; i--) {
        precis = (double) soFar / (double) i;
        if (intPrecis < precis) {
          intPrecis = precis;
        }
        if (rels[i - 1] >= level) {
          while (cur >= 0 && soFar == cutoffs[cur]) {
            iprec[cur] = intPrecis;
            cur--;
          }
          soFar--;
        }
      }
      while (cur >= 0) {
        iprec[cur] = intPrecis;
        cur--;
      }
    }
  }

  private static final double LN2 = Math.log(2.0);

  static double log2(long x) {
    if ((x & (x - 1)) == 0) {
      return 63 - Long.numberOfLeadingZeros(x);
    }
    return Math.log(x) / LN2;
  }

  /**
   * Scores one query. {@code ranking} null means the query is absent from the run (scored as
   * an empty result).
   */
  static QueryEvaluation evaluate(String queryId, JudgedQuery jq, TrecRun.Retrieved ranking,
      EvalOptions o, String where) {
    if (ranking == null || ranking.size() == 0) {
      return new QueryEvaluation(queryId, ranking != null, new int[0], new float[0],
          jq.relLevels, o, 0);
    }
    int n = ranking.size();
    int[] order = sortedOrder(ranking);
    // duplicates: hash set over doc id slices, walking in rank order
    byte[] arena = ranking.arena();
    int cap = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
    int[] table = new int[cap];
    Arrays.fill(table, -1);
    int mask = cap - 1;
    int kept = 0;
    int removed = 0;
    int[] keptOrder = order;
    for (int p = 0; p < n; p++) {
      int i = order[p];
      int s = ranking.start(i);
      int e = ranking.end(i);
      int h = JudgedQuery.hash(arena, s, e) & mask;
      boolean dup = false;
      while (table[h] >= 0) {
        int j = table[h];
        if (Arrays.equals(arena, s, e, arena, ranking.start(j), ranking.end(j))) {
          dup = true;
          break;
        }
        h = (h + 1) & mask;
      }
      if (dup) {
        if (o.duplicates() == DuplicatePolicy.ERROR) {
          int line = Math.max(ranking.line(i), ranking.line(table[h]));
          throw new BadInputException(String.format(Locale.ROOT,
              "%s%s: query '%s' lists doc '%s' twice (duplicate doc ids are refused; "
                  + "use --duplicates keep-first to keep the first occurrence)",
              where, line > 0 ? " line " + line : "", queryId, ranking.docId(i)));
        }
        removed++;
        continue;
      }
      table[h] = i;
      keptOrder[kept++] = i;
    }
    int[] rels = new int[kept];
    float[] scores = new float[kept];
    for (int p = 0; p < kept; p++) {
      int i = keptOrder[p];
      int g = jq.grade(arena, ranking.start(i), ranking.end(i));
      rels[p] = g == Integer.MIN_VALUE ? NONPOOL : (g < 0 ? UNJUDGED : g);
      scores[p] = ranking.score(i);
    }
    return new QueryEvaluation(queryId, true, rels, scores, jq.relLevels, o, removed);
  }

  /** Indices in trec_eval order: score descending, then doc id descending (UTF-8 bytes). */
  static int[] sortedOrder(TrecRun.Retrieved r) {
    int n = r.size();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      float f = r.score(i);
      if (f == 0.0f) {
        f = 0.0f; // -0.0 ties with 0.0 as in C
      }
      int bits = Float.floatToIntBits(f);
      int sortable = bits < 0 ? bits ^ 0x7fffffff : bits;
      long desc = (long) Integer.MAX_VALUE - sortable; // 0 .. 2^32-1
      keys[i] = (desc << 31) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & 0x7fffffffL);
    }
    // tie groups: doc id descending
    byte[] a = r.arena();
    int i = 0;
    while (i < n) {
      int j = i + 1;
      long k = keys[i] >>> 31;
      while (j < n && (keys[j] >>> 31) == k) {
        j++;
      }
      if (j - i > 1) {
        Integer[] g = new Integer[j - i];
        for (int t = i; t < j; t++) {
          g[t - i] = order[t];
        }
        Arrays.sort(g, (x, y) -> Arrays.compareUnsigned(a, r.start(y), r.end(y), a, r.start(x), r.end(x)));
        for (int t = i; t < j; t++) {
          order[t] = g[t - i];
        }
      }
      i = j;
    }
    return order;
  }

  public String queryId() {
    return queryId;
  }

  /** False when the query was not in the run (trec_eval -c scores it as an empty result). */
  public boolean inRun() {
    return inRun;
  }

  /** True when the query retrieved nothing (absent from the run, or all entries removed). */
  public boolean empty() {
    return numRet == 0;
  }

  public long numRet() {
    return numRet;
  }

  public long numRel() {
    return numRel;
  }

  public long numRelRet() {
    return numRelRet;
  }

  public int duplicatesRemoved() {
    return duplicatesRemoved;
  }

  /** Size of the score-tie group straddling cutoff index c (0 when ranks k and k+1 differ). */
  public int tiesAt(int cutoffIndex) {
    return ties[cutoffIndex];
  }
}
