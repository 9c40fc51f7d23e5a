package io.lensbench.eval.treceval;

import java.util.ArrayList;
import java.util.List;

/**
* Preferences of one query observed in its ranking (RESULTS_PREFS), computed as form_prefs_counts.c does:
* judged docs get internal "docid ranks" (retrieved ones by retrieval rank, the others after them in docno
* order); every judgement group (JG) is represented either by equivalence classes (one subgroup) or by a
* transitively closed preference array (several subgroups).
*/
final class PrefsCounts {
  /** One equivalence class: docs of equal rel_level within a single-subgroup JG. */
  static final class Ec {
    double relLevel;
    int[] ranks; // increasing docid ranks
  }

  static final class Jg {
    Ec[] ecs; // null when the preference array is used
    boolean[][] pa;
    double[] relArray;
    long fulfilledRet;
    long possibleRet;
    long fulfilledImp;
    long possibleImp;
    long possibleNotoccur;
    long numNonrel;
    long numNonrelRet;
    long numRel;
    long numRelRet;

    int numEcs() {
      return ecs == null ? 0 : ecs.length;
    }
  }

  Jg[] jgs;
  int numJudged;
  int numJudgedRet;
  /** counts[i][j]: number of JGs preferring doc i to doc j (unsigned short in C). */
  char[][] counts;

  /** Failure inside form_prefs_counts: message and exit status (abort() is 134). */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(String msg, int status) {
      super(msg);
      this.status = status;
    }
  }

  /**
  * form_prefs_counts for one query. {@code ranked} holds the doc refs of the ranking (judged docs as their
  * local index in {@code q.index}); the caller has already refused duplicate docnos.
  */
  static PrefsCounts build(RelInfo.Query q, int[] ranked, Dictionary groups) throws Failure {
    int np = q.docs.length;
    int nLocal = q.index.size();
    // judged retrieved docs get docid ranks 0.. in retrieval order, the other judged docs follow in docno order
    int[] docidRank = new int[nLocal];
    java.util.Arrays.fill(docidRank, -1);
    int next = 0;
    for (int r : ranked) {
      if (r >= 0 && docidRank[r] < 0) {
        docidRank[r] = next++;
      }
    }
    int numJudgedRet = next;
    for (int l = 0; l < nLocal; l++) {
      if (docidRank[l] < 0) {
        docidRank[l] = next++;
      }
    }
    PrefsCounts pc = new PrefsCounts();
    pc.numJudgedRet = numJudgedRet;
    pc.numJudged = next;
    pc.counts = new char[next][next];

    Integer[] order = new Integer[np];
    int[] rank = new int[np];
    for (int i = 0; i < np; i++) {
      order[i] = i;
      rank[i] = docidRank[q.docs[i]];
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = groups.compare(q.prefJg[a], q.prefJg[b]);
      if (c != 0) {
        return c;
      }
      c = groups.compare(q.prefJsg[a], q.prefJsg[b]);
      if (c != 0) {
        return c;
      }
      if (q.prefRel[a] > q.prefRel[b]) {
        return -1;
      }
      if (q.prefRel[a] < q.prefRel[b]) {
        return 1;
      }
      return Integer.compare(rank[a], rank[b]);
    });

    List<Jg> jgList = new ArrayList<>();
    int start = 0;
    while (start < np) {
      int end = start;
      int numSub = 0;
      int lastJsg = -1;
      while (end < np && q.prefJg[order[end]] == q.prefJg[order[start]]) {
        if (q.prefJsg[order[end]] != lastJsg) {
          numSub++;
          lastJsg = q.prefJsg[order[end]];
        }
        end++;
      }
      Jg jg = new Jg();
      if (numSub > 1) {
        formPa(jg, q, order, rank, start, end, pc);
      } else {
        formEc(jg, q, order, rank, start, end, pc);
      }
      jgList.add(jg);
      start = end;
    }
    pc.jgs = jgList.toArray(new Jg[0]);
    return pc;
  }

  private static void formEc(Jg jg, RelInfo.Query q, Integer[] order, int[] rank, int from, int to,
    PrefsCounts pc) throws Failure {
    List<Ec> ecs = new ArrayList<>();
    int i = from;
    while (i < to) {
      int j = i;
      double lv = q.prefRel[order[i]];
      while (j < to && q.prefRel[order[j]] == lv) {
        j++;
      }
      Ec ec = new Ec();
      ec.relLevel = lv;
      ec.ranks = new int[j - i];
      for (int k = i; k < j; k++) {
        ec.ranks[k - i] = rank[order[k]];
      }
      ecs.add(ec);
      i = j;
    }
    jg.ecs = ecs.toArray(new Ec[0]);
    int njr = pc.numJudgedRet;
    for (int e1 = 0; e1 < jg.ecs.length; e1++) {
      Ec ec1 = jg.ecs[e1];
      int ret = 0;
      while (ret < ec1.ranks.length && ec1.ranks[ret] < njr) {
        ret++;
      }
      if (ec1.relLevel > 0.0) {
        jg.numRelRet += ret;
        jg.numRel += ec1.ranks.length;
      } else {
        jg.numNonrelRet += ret;
        jg.numNonrel += ec1.ranks.length;
      }
      for (int e2 = e1 + 1; e2 < jg.ecs.length; e2++) {
        for (int r1 : ec1.ranks) {
          for (int r2 : jg.ecs[e2].ranks) {
            pc.counts[r1][r2]++;
            if (r1 == r2) {
              throw new Failure("trec_eval.form_prefs_counts: Internal docid " + r1
                + " occurs with different rel_level in same jsg\n", 4);
            }
            if (r1 < r2) {
              if (r2 < njr) {
                jg.fulfilledRet++;
              } else if (r1 < njr) {
                jg.fulfilledImp++;
              } else {
                jg.possibleNotoccur++;
              }
            } else {
              if (r1 < njr) {
                jg.possibleRet++;
              } else if (r2 < njr) {
                jg.possibleImp++;
              } else {
                jg.possibleNotoccur++;
              }
            }
          }
        }
      }
    }
    jg.possibleRet += jg.fulfilledRet;
    jg.possibleImp += jg.fulfilledImp;
  }

  private static void formPa(Jg jg, RelInfo.Query q, Integer[] order, int[] rank, int from, int to,
    PrefsCounts pc) throws Failure {
    int n = pc.numJudged;
    boolean[][] a = new boolean[n][n];
    double[] rel = new double[n];
    java.util.Arrays.fill(rel, -1.0);
    for (int i = from; i < to; i++) {
      int li = order[i];
      int r = rank[li];
      double lv = q.prefRel[li];
      if ((rel[r] > 0.0 && lv == 0.0) || (rel[r] == 0.0 && lv > 0.0)) {
        throw new Failure("trec_eval.form_prefs_counts: doc '" + q.index.string(q.docs[li])
          + "' has both 0 and non-0 rel_level assigned\n", 4);
      }
      rel[r] = lv;
      int j = i + 1;
      while (j < to && q.prefJsg[order[j]] == q.prefJsg[li] && q.prefRel[order[j]] == lv) {
        j++;
      }
      while (j < to && q.prefJsg[order[j]] == q.prefJsg[li]) {
        a[r][rank[order[j]]] = true;
        j++;
      }
    }
    // reflexive transitive closure (what repeated multiplication reaches), then clear the diagonal
    for (int i = 0; i < n; i++) {
      a[i][i] = true;
    }
    for (int k = 0; k < n; k++) {
      boolean[] ak = a[k];
      for (int i = 0; i < n; i++) {
        boolean[] ai = a[i];
        if (ai[k]) {
          for (int j = 0; j < n; j++) {
            if (ak[j]) {
              ai[j] = true;
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      a[i][i] = false;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && a[i][j] && a[j][i]) {
          throw new Failure("trec_eval.form_prefs_counts: Pref inconsistency found\n      internal rank "
            + i + " and internal rank " + j + " are conflicted\n", 134);
        }
      }
    }
    jg.pa = a;
    jg.relArray = rel;
    int njr = pc.numJudgedRet;
    for (int i = 0; i < njr; i++) {
      if (rel[i] > 0.0) {
        jg.numRelRet++;
      } else if (rel[i] == 0.0) {
        jg.numNonrelRet++;
      }
    }
    jg.numRel = jg.numRelRet;
    jg.numNonrel = jg.numNonrelRet;
    for (int i = njr; i < n; i++) {
      if (rel[i] > 0.0) {
        jg.numRel++;
      } else if (rel[i] == 0.0) {
        jg.numNonrel++;
      }
    }
    char[][] c = pc.counts;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!a[i][j]) {
          continue;
        }
        c[i][j]++;
        if (i < njr) {
          if (j < i) {
            jg.possibleRet++;
          } else if (j < njr) {
            jg.fulfilledRet++;
          } else {
            jg.fulfilledImp++;
          }
        } else {
          if (j < njr) {
            jg.possibleImp++;
          } else {
            jg.possibleNotoccur++;
          }
        }
      }
    }
    jg.possibleRet += jg.fulfilledRet;
    jg.possibleImp += jg.fulfilledImp;
  }
}
