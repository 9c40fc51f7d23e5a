package io.lensbench.eval.treceval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
* Readers for the rel_info formats qrels, prefs, qrels_prefs and qrels_jg (get_qrels.c, get_prefs.c,
* get_qrels_prefs.c, get_qrels_jg.c). Lines are kept per qid (docno bytes in a per-qid arena) and each
* query is then sorted by docno, as trec_eval sorts all lines by qid and docno.
*/
final class RelInfoReader {
  private final Dictionary qids;
  private final TrecEvalVersion version;
  /** Judgement group / subgroup names (prefs, qrels_prefs, qrels_jg). */
  private final Dictionary groups = new Dictionary();

  RelInfoReader(Dictionary qids, TrecEvalVersion version) {
    this.qids = qids;
    this.version = version;
  }

  Dictionary groups() {
    return groups;
  }

  /** The lines of one qid, as parallel arrays. */
  private static final class QLines {
    int n;
    byte[] bytes;
    int used;
    int[] off;
    int[] len;
    int[] g1;
    int[] g2;
    long[] rel;
    double[] level;

    /** Sized like the previous query's lines (queries tend to have similar numbers of judgements). */
    QLines(int cap) {
      cap = Math.max(16, cap);
      bytes = new byte[cap * 16];
      off = new int[cap];
      len = new int[cap];
      g1 = new int[cap];
      g2 = new int[cap];
      rel = new long[cap];
      level = new double[cap];
    }

    void add(byte[] b, int o, int l, int a, int c, long r, double lv) {
      if (n == off.length) {
        int cap = n * 2;
        off = Arrays.copyOf(off, cap);
        len = Arrays.copyOf(len, cap);
        g1 = Arrays.copyOf(g1, cap);
        g2 = Arrays.copyOf(g2, cap);
        rel = Arrays.copyOf(rel, cap);
        level = Arrays.copyOf(level, cap);
      }
      if (used + l > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + l));
      }
      System.arraycopy(b, o, bytes, used, l);
      off[n] = used;
      len[n] = l;
      used += l;
      g1[n] = a;
      g2[n] = c;
      rel[n] = r;
      level[n] = lv;
      n++;
    }
  }

  RelInfo read(String format, String file) throws TrecEvalException {
    switch (format) {
      case "qrels":
        return build(RelInfo.QRELS, readLines(file, "get_qrels", "qrels", 4, 0), file);
      case "prefs":
        return build(RelInfo.PREFS, readLines(file, "get_prefs", "prefs", 5, 1), file);
      case "qrels_prefs":
        return build(RelInfo.PREFS, readLines(file, "get_qrels_prefs", "prefs", 4, 2), file);
      case "qrels_jg":
        return build(RelInfo.QRELS_JG, readLines(file, "get_qrels_jg", "qrels", 4, 0), file);
      default:
        throw new TrecEvalException(2, "trec_eval: Illegal rel_format '" + format + "'\n");
    }
  }

  /**
  * Reads lines of exactly {@code want} tokens; kind 0: qid jg/iter docno rel, 1: prefs, 2: qrels_prefs.
  * 10.0 skips a line whose first byte is '#', but (as in get_qrels.c) the line after a skipped comment
  * is always parsed, even if it is a comment too.
  */
  private List<QLines> readLines(String file, String who, String what, int want, int kind)
    throws TrecEvalException {
    List<QLines> byQid = new ArrayList<>();
    int[] ts = new int[5];
    int[] te = new int[5];
    long data = 0;
    int zero = groups.intern(new byte[] {'0'});
    int lastQ = -1;
    int lastG = -1;
    QLines prev = null;
    try (LineReader r = LineReader.open(file, who, what)) {
      boolean afterComment = false;
      final byte[] b = r.buf();
      int nt;
      while ((nt = r.nextTokens(ts, te, 5)) >= 0) {
        if (version.commentLines() && !afterComment && r.end > r.start && b[r.start] == '#') {
          afterComment = true;
          continue;
        }
        afterComment = false;
        data++;
        if (nt != want) {
          throw new TrecEvalException(2, "trec_eval." + who + ": Malformed line " + data
            + "\ntrec_eval: Quit in file '" + file + "'\n", file, r.lineNo());
        }
        int ql0 = te[0] - ts[0];
        int q = lastQ >= 0 && qids.equalsBytes(lastQ, b, ts[0], ql0) ? lastQ : qids.intern(b, ts[0], ql0);
        lastQ = q;
        while (byQid.size() <= q) {
          byQid.add(null);
        }
        QLines ql = byQid.get(q);
        if (ql == null) {
          ql = new QLines(prev == null ? 16 : Math.min(prev.n + 1, 4096));
          byQid.set(q, ql);
        }
        prev = ql;
        int gl = te[1] - ts[1];
        int g = lastG >= 0 && groups.equalsBytes(lastG, b, ts[1], gl) ? lastG : groups.intern(b, ts[1], gl);
        lastG = g;
        if (kind == 1) {
          int sub = groups.intern(b, ts[2], te[2] - ts[2]);
          ql.add(b, ts[3], te[3] - ts[3], g, sub, 0, level(CText.atof(b, ts[4], te[4] - ts[4])));
        } else if (kind == 2) {
          ql.add(b, ts[2], te[2] - ts[2], g, zero, 0, level(CText.atof(b, ts[3], te[3] - ts[3])));
        } else {
          ql.add(b, ts[2], te[2] - ts[2], g, 0, CText.atol(b, ts[3], te[3] - ts[3]), 0);
        }
      }
    }
    return byQid;
  }

  private double level(double d) {
    return version.floatScores() ? (double) (float) d : d;
  }

  private RelInfo build(String format, List<QLines> byQid, String file) throws TrecEvalException {
    int[] present = new int[byQid.size()];
    int np = 0;
    for (int q = 0; q < byQid.size(); q++) {
      if (byQid.get(q) != null) {
        present[np++] = q;
      }
    }
    present = Arrays.copyOf(present, np);
    IntSort.sort(present, qids::compare);
    // queries are independent: build them in parallel; report the first failure in qid order
    final int[] pr = present;
    RelInfo.Query[] built = new RelInfo.Query[np];
    TrecEvalException[] failed = new TrecEvalException[np];
    java.util.stream.IntStream.range(0, np).parallel().forEach(k -> {
      try {
        built[k] = buildQuery(format, pr[k], byQid.get(pr[k]), file);
        byQid.set(pr[k], null); // distinct slots: no structural change, the lines can be collected
      } catch (TrecEvalException e) {
        failed[k] = e;
      }
    });
    for (TrecEvalException e : failed) {
      if (e != null) {
        throw e;
      }
    }
    List<RelInfo.Query> out = Arrays.asList(built);
    return new RelInfo(format, out);
  }

  private RelInfo.Query buildQuery(String format, int q, QLines ql, String file) throws TrecEvalException {
    RelInfo.Query rq = new RelInfo.Query(q, qids.bytes(q));
    int[] order = new int[ql.n];
    int[] local = new int[ql.n];
    rq.index = new JudgedIndex(ql.bytes, ql.off, ql.len, ql.n, RelInfo.PREFS.equals(format), order, local);
    if (RelInfo.QRELS.equals(format)) {
      qrels(rq, ql, order, local);
    } else if (RelInfo.PREFS.equals(format)) {
      rq.docs = new int[ql.n];
      rq.prefJg = new int[ql.n];
      rq.prefJsg = new int[ql.n];
      rq.prefRel = new double[ql.n];
      for (int j = 0; j < ql.n; j++) {
        int i = order[j];
        rq.docs[j] = local[i];
        rq.prefJg[j] = ql.g1[i];
        rq.prefJsg[j] = ql.g2[i];
        rq.prefRel[j] = ql.level[i];
      }
    } else {
      jg(rq, ql, local, file);
    }
    return rq;
  }

  private static void qrels(RelInfo.Query rq, QLines ql, int[] order, int[] local) throws TrecEvalException {
    int n = ql.n;
    rq.docs = new int[n];
    rq.rels = new long[n];
    rq.qrelPos = new int[rq.index.size()];
    boolean[] seen = new boolean[rq.index.size()];
    long maxRel = n > 0 ? ql.rel[order[0]] : 0;
    for (int j = 0; j < n; j++) {
      int i = order[j];
      rq.docs[j] = local[i];
      rq.rels[j] = ql.rel[i];
      maxRel = Math.max(maxRel, rq.rels[j]);
      if (seen[rq.docs[j]]) {
        // trec_eval reports the first duplicate in docno order
        if (rq.dupDoc < 0 || rq.index.compare(rq.docs[j], rq.dupDoc) < 0) {
          rq.dupDoc = rq.docs[j];
        }
      } else {
        seen[rq.docs[j]] = true;
        rq.qrelPos[rq.docs[j]] = j;
      }
    }
    rq.relLevels = relLevels(rq.rels, maxRel);
  }

  /** qrels_jg: judgements per group (groups in strcmp order); duplicates within a group are an input error. */
  private void jg(RelInfo.Query rq, QLines ql, int[] local, String file) throws TrecEvalException {
    int n = ql.n;
    int[] byJg = new int[n];
    for (int i = 0; i < n; i++) {
      byJg[i] = i;
    }
    IntSort.sort(byJg, (x, y) -> {
      int c = groups.compare(ql.g1[x], ql.g1[y]);
      return c != 0 ? c : Integer.compare(local[x], local[y]);
    });
    List<int[]> docsL = new ArrayList<>();
    List<long[]> relsL = new ArrayList<>();
    int s = 0;
    while (s < n) {
      int e = s;
      while (e < n && ql.g1[byJg[e]] == ql.g1[byJg[s]]) {
        e++;
      }
      int[] d = new int[e - s];
      long[] r = new long[e - s];
      int dup = -1;
      for (int j = s; j < e; j++) {
        d[j - s] = local[byJg[j]];
        r[j - s] = ql.rel[byJg[j]];
        if (j > s && d[j - s] == d[j - s - 1] && (dup < 0 || rq.index.compare(d[j - s], dup) < 0)) {
          dup = d[j - s];
        }
      }
      if (dup >= 0) {
        throw new TrecEvalException(2, "trec_eval.get_qrels: duplicate docs " + rq.index.string(dup)
          + "\ntrec_eval: Quit in file '" + file + "'\n");
      }
      docsL.add(d);
      relsL.add(r);
      s = e;
    }
    rq.jgDocs = docsL.toArray(new int[0][]);
    rq.jgRels = relsL.toArray(new long[0][]);
    rq.jgPos = new int[rq.jgDocs.length][];
    for (int g = 0; g < rq.jgDocs.length; g++) {
      int[] pos = new int[rq.index.size()];
      Arrays.fill(pos, -1);
      for (int j = 0; j < rq.jgDocs[g].length; j++) {
        pos[rq.jgDocs[g][j]] = j;
      }
      rq.jgPos[g] = pos;
    }
  }

  static long[] relLevels(long[] rels, long maxRel) throws TrecEvalException {
    if (maxRel >= (1 << 26)) {
      throw new TrecEvalException(2, "trec_eval.get_qrels: relevance value " + maxRel
        + " too large (this port supports relevance values below 67108864)\n");
    }
    long[] lv = new long[(int) Math.max(0, maxRel + 1)];
    for (long r : rels) {
      if (r >= 0) {
        lv[(int) r]++;
      }
    }
    return lv;
  }
}
