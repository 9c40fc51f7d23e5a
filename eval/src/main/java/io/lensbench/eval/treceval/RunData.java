package io.lensbench.eval.treceval;

import java.io.InputStream;
import java.util.Arrays;

/**
* The retrieval results (trec_results format), read line by line into compact per-query blocks
* (get_trec_results.c). Whole lines are never kept: the reading thread only copies each line's docno and
* score bytes into the block's arena; {@link Query#materialize} (run by whichever thread evaluates the
* block) then parses the score and turns the docno into a ref: its local judged index (>= 0) when it is
* judged for the query, else -(1 + position) of its entry in the arena. Results of qids absent from the
* rel_info file are never evaluated by trec_eval and are not stored.
*/
final class RunData {
  /** Results of one qid, in file order. */
  static final class Query {
    int relIndex;
    int n;
    int[] refs = new int[16];
    double[] scores = new double[16];
    /** Entry i starts at entryPos[i]: docno length (2 bytes), hash (4), docno, score length (2), score. */
    int[] entryPos = new int[16];
    byte[] arena = new byte[256];
    int arenaLen;
    private boolean materialized;
    /** Set by materialize: some docno occurs twice in the block (so the ranking must be checked). */
    boolean hasDuplicate;

    Query(int relIndex) {
      this.relIndex = relIndex;
    }

    /** Appends the raw docno and score of one results line. */
    void addRaw(byte[] b, int docOff, int docLen, int simOff, int simLen) {
      if (n == entryPos.length) {
        entryPos = Arrays.copyOf(entryPos, n + (n >> 1) + 16);
      }
      int need = docLen + simLen + 8;
      if (arenaLen + need > arena.length) {
        arena = Arrays.copyOf(arena, Math.max(arena.length + (arena.length >> 1), arenaLen + need));
      }
      byte[] a = arena;
      int pos = arenaLen;
      entryPos[n++] = pos;
      a[pos] = (byte) (docLen >>> 8);
      a[pos + 1] = (byte) docLen;
      System.arraycopy(b, docOff, a, pos + 6, docLen);
      int sp = pos + 6 + docLen;
      a[sp] = (byte) (simLen >>> 8);
      a[sp + 1] = (byte) simLen;
      System.arraycopy(b, simOff, a, sp + 2, simLen);
      arenaLen = sp + 2 + simLen;
      materialized = false;
    }

    /** Appends the entries of a block of the same qid that directly follows this one in the file. */
    void append(Query other) {
      if (n + other.n > entryPos.length) {
        entryPos = Arrays.copyOf(entryPos, n + other.n);
      }
      if (arenaLen + other.arenaLen > arena.length) {
        arena = Arrays.copyOf(arena, arenaLen + other.arenaLen);
      }
      System.arraycopy(other.arena, 0, arena, arenaLen, other.arenaLen);
      for (int i = 0; i < other.n; i++) {
        entryPos[n + i] = other.entryPos[i] + arenaLen;
      }
      n += other.n;
      arenaLen += other.arenaLen;
      materialized = false;
    }

    /** Parses scores and resolves docnos against the query's judged docnos (idempotent). */
    void materialize(JudgedIndex index, boolean floatScores) {
      if (materialized) {
        return;
      }
      if (refs.length < n) {
        refs = new int[entryPos.length];
        scores = new double[entryPos.length];
      }
      final byte[] a = arena;
      DupScratch ds = DupScratch.get(n, index.size());
      boolean dup = false;
      for (int i = 0; i < n; i++) {
        int pos = entryPos[i];
        int dl = ((a[pos] & 0xff) << 8) | (a[pos + 1] & 0xff);
        int h = Dictionary.hashOf(a, pos + 6, dl);
        a[pos + 2] = (byte) (h >>> 24);
        a[pos + 3] = (byte) (h >>> 16);
        a[pos + 4] = (byte) (h >>> 8);
        a[pos + 5] = (byte) h;
        int ref = index.find(a, pos + 6, dl, h);
        if (ref >= 0) {
          dup |= ds.seenJudged(ref);
        } else {
          dup |= ds.seenUnjudged(a, pos, dl, h);
        }
        refs[i] = ref >= 0 ? ref : -(1 + pos);
        int sp = pos + 6 + dl;
        int sl = ((a[sp] & 0xff) << 8) | (a[sp + 1] & 0xff);
        double sim = CText.atof(a, sp + 2, sl);
        scores[i] = floatScores ? (double) (float) sim : sim;
      }
      hasDuplicate = dup;
      materialized = true;
    }

    /** Empties the block for reuse (its arrays keep their capacity). */
    Query reset(int relIndex) {
      this.relIndex = relIndex;
      n = 0;
      arenaLen = 0;
      materialized = false;
      return this;
    }

    void trim() {
      entryPos = Arrays.copyOf(entryPos, n);
      arena = Arrays.copyOf(arena, arenaLen);
    }
  }

  /** Per-thread scratch tables detecting a docno that occurs twice in a block. */
  private static final class DupScratch {
    private static final ThreadLocal<DupScratch> TL = ThreadLocal.withInitial(DupScratch::new);
    int[] judgedStamp = new int[0];
    int[] table = new int[0];
    int[] tableStamp = new int[0];
    int[] tablePos = new int[0];
    int gen;
    byte[] arena;
    int mask;

    static DupScratch get(int n, int judged) {
      DupScratch d = TL.get();
      if (d.judgedStamp.length < judged) {
        d.judgedStamp = new int[Math.max(judged, 2 * d.judgedStamp.length)];
      }
      int cap = Integer.highestOneBit(Math.max(8, n * 2)) << 1;
      if (d.table.length < cap) {
        d.table = new int[cap];
        d.tableStamp = new int[cap];
        d.tablePos = new int[cap];
      }
      d.mask = Integer.highestOneBit(Math.max(8, n * 2)) * 2 - 1;
      if (++d.gen == Integer.MAX_VALUE) {
        java.util.Arrays.fill(d.judgedStamp, 0);
        java.util.Arrays.fill(d.tableStamp, 0);
        d.gen = 1;
      }
      return d;
    }

    boolean seenJudged(int local) {
      if (judgedStamp[local] == gen) {
        return true;
      }
      judgedStamp[local] = gen;
      return false;
    }

    boolean seenUnjudged(byte[] a, int pos, int len, int h) {
      int slot = h & mask;
      while (tableStamp[slot] == gen) {
        int p = tablePos[slot];
        if (table[slot] == h && (((a[p] & 0xff) << 8) | (a[p + 1] & 0xff)) == len
          && CText.sameBytes(a, p + 6, a, pos + 6, len)) {
          return true;
        }
        slot = (slot + 1) & mask;
      }
      tableStamp[slot] = gen;
      table[slot] = h;
      tablePos[slot] = pos;
      return false;
    }
  }

  /** Receives each complete block of consecutive lines of one qid (streaming mode). */
  interface Sink {
    void block(Query q) throws TrecEvalException;
  }

  /** Thrown in streaming mode when a qid reappears after other qids: the file must be re-read whole. */
  static final class NonContiguous extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private final Query[] byRel;
  /** Which rel_info queries have at least one results line. */
  final boolean[] seen;
  /** run_id of the last results line (trec_eval keeps only that one). */
  byte[] runId = new byte[0];

  RunData(int numRel) {
    byRel = new Query[numRel];
    seen = new boolean[numRel];
  }

  /** qid id -> index of the rel_info query (or -1). */
  static int[] relOfQid(RelInfo rel, Dictionary qids) {
    int[] relOfQid = new int[qids.size()];
    Arrays.fill(relOfQid, -1);
    for (int i = 0; i < rel.queries.size(); i++) {
      relOfQid[rel.queries.get(i).qidId] = i;
    }
    return relOfQid;
  }

  /** Results for the rel_info query with the given index, or null. */
  Query get(int relIndex) {
    return byRel[relIndex];
  }

  /**
  * Reads the results. With a {@code sink}, blocks are handed over as they complete and not retained
  * (throws {@link NonContiguous} if a qid's lines are not consecutive); without, all are retained.
  */
  static RunData read(String file, InputStream stdin, RelInfo rel, Dictionary qids,
    TrecEvalVersion version, Sink sink, java.util.Queue<Query> recycled) throws TrecEvalException, NonContiguous {
    RunData run = new RunData(rel.queries.size());
    int[] relOfQid = relOfQid(rel, qids);
    LineReader r;
    if (version.stdinResults() && file.startsWith("-")) {
      r = new LineReader(stdin, file, "get_results");
    } else {
      r = LineReader.open(file, "get_results", "results");
    }
    int[] ts = new int[6];
    int[] te = new int[6];
    long dataLines = 0;
    boolean comments = version.commentLines();
    byte[] lastRun = null;
    byte[] curQid = new byte[0];
    Query cur = null;
    try (r) {
      final byte[] b = r.buf();
      int nt;
      while ((nt = r.nextTokens(ts, te, 6)) >= 0) {
        if (nt == 0 || (comments && b[ts[0]] == '#')) {
          continue;
        }
        dataLines++;
        if (nt < 6) {
          throw new TrecEvalException(2, "trec_eval.get_results: Malformed line " + dataLines
            + "\ntrec_eval: Quit in file '" + file + "'\n", file, r.lineNo());
        }
        int ql = te[0] - ts[0];
        if (curQid.length != ql || !CText.sameBytes(curQid, 0, b, ts[0], ql)) {
          curQid = Arrays.copyOfRange(b, ts[0], te[0]);
          int qid = qids.find(b, ts[0], ql);
          int ri = qid >= 0 && qid < relOfQid.length ? relOfQid[qid] : -1;
          if (sink != null && cur != null) {
            sink.block(cur);
          }
          if (ri >= 0) {
            if (sink != null) {
              if (run.seen[ri]) {
                throw new NonContiguous();
              }
              Query reuse = recycled == null ? null : recycled.poll();
              cur = reuse != null ? reuse.reset(ri) : new Query(ri);
            } else {
              if (run.byRel[ri] == null) {
                run.byRel[ri] = new Query(ri);
              }
              cur = run.byRel[ri];
            }
            run.seen[ri] = true;
          } else {
            cur = null;
          }
        }
        if (cur != null) {
          cur.addRaw(b, ts[2], te[2] - ts[2], ts[4], te[4] - ts[4]);
        }
        int rl = te[5] - ts[5];
        if (lastRun == null || lastRun.length != rl || !CText.sameBytes(lastRun, 0, b, ts[5], rl)) {
          lastRun = Arrays.copyOfRange(b, ts[5], te[5]);
        }
      }
    }
    if (sink != null && cur != null) {
      sink.block(cur);
    }
    if (lastRun != null) {
      run.runId = lastRun;
    }
    for (Query q : run.byRel) {
      if (q != null) {
        q.trim();
      }
    }
    return run;
  }
}
