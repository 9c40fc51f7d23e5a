package io.lensbench.eval.treceval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
* Streaming read of a large results file by several threads, each scanning one part (cut at line ends).
* Blocks inside a part go to the sink at once; the first and last block of every part are held back and
* joined with their neighbours when the same qid crosses a cut. Data-line numbers of errors, the run_id of
* the file's last line and the detection of non-contiguous qids are exactly those of a sequential read.
*/
final class ParallelRunReader {
  private ParallelRunReader() {
  }

  /** Files smaller than this are read by one thread (tests lower it to exercise the parallel path). */
  static volatile long minParallelSize = 32L << 20;

  private static final class Part {
    final long from;
    final long to;
    long dataLines;
    long physLines;
    byte[] lastRun;
    TrecEvalException error;
    long errorLocalData;
    long errorLocalPhys;
    RunData.Query first;
    /** The first block began on the part's first data line (so it may continue the previous part). */
    boolean firstAtStart;
    RunData.Query last;
    /** Number of blocks started per rel_info query. */
    int[] blocks;

    Part(long from, long to) {
      this.from = from;
      this.to = to;
    }
  }

  static RunData read(String file, RelInfo rel, Dictionary qids, TrecEvalVersion version, RunData.Sink sink,
    Queue<RunData.Query> recycled, int parts) throws TrecEvalException, RunData.NonContiguous {
    long size;
    List<Part> ps = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
      size = ch.size();
      long start = 0;
      for (int k = 1; k < parts; k++) {
        long cut = nextLineStart(ch, size * k / parts, size);
        if (cut > start && cut < size) {
          ps.add(new Part(start, cut));
          start = cut;
        }
      }
      ps.add(new Part(start, size));
    } catch (IOException e) {
      throw new TrecEvalException(2, "trec_eval.get_results: Cannot read results file '" + file
        + "'\ntrec_eval: Quit in file '" + file + "'\n");
    }
    int[] relOfQid = RunData.relOfQid(rel, qids);
    ExecutorService ex = Executors.newFixedThreadPool(ps.size(), StreamingPool::daemon);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (Part p : ps) {
        fs.add(ex.submit(() -> {
          scan(p, file, relOfQid, qids, rel.queries.size(), version, sink, recycled);
          return null;
        }));
      }
      for (Future<?> f : fs) {
        StreamingPool.await(f);
      }
    } finally {
      ex.shutdownNow();
    }
    long dataBefore = 0;
    long physBefore = 0;
    for (Part p : ps) {
      if (p.error != null) {
        throw new TrecEvalException(2, "trec_eval.get_results: Malformed line "
          + (dataBefore + p.errorLocalData) + "\ntrec_eval: Quit in file '" + file + "'\n", file,
          physBefore + p.errorLocalPhys);
      }
      dataBefore += p.dataLines;
      physBefore += p.physLines;
    }
    // held blocks in file order, joined when a qid crosses a cut
    int numRel = rel.queries.size();
    int[] segments = new int[numRel];
    for (Part p : ps) {
      for (int i = 0; i < numRel; i++) {
        segments[i] += p.blocks[i];
      }
    }
    List<RunData.Query> held = new ArrayList<>();
    java.util.IdentityHashMap<RunData.Query, RunData.Query> mergedInto = new java.util.IdentityHashMap<>();
    RunData.Query prevLast = null; // the previous part's last block (after joins), if it ended that part
    for (Part p : ps) {
      RunData.Query f = p.first;
      if (f != null) {
        if (prevLast != null && p.firstAtStart && prevLast.relIndex == f.relIndex) {
          prevLast.append(f);
          mergedInto.put(f, prevLast);
          segments[f.relIndex]--;
        } else {
          held.add(f);
        }
      }
      RunData.Query l = p.last;
      if (l != null && l != f) {
        held.add(l);
      }
      prevLast = l == null ? null : mergedInto.getOrDefault(l, l);
    }
    for (int i = 0; i < numRel; i++) {
      if (segments[i] > 1) {
        throw new RunData.NonContiguous();
      }
    }
    for (RunData.Query q : held) {
      sink.block(q);
    }
    RunData run = new RunData(numRel);
    for (int i = 0; i < numRel; i++) {
      run.seen[i] = segments[i] > 0;
    }
    for (int k = ps.size() - 1; k >= 0; k--) {
      if (ps.get(k).lastRun != null) {
        run.runId = ps.get(k).lastRun;
        break;
      }
    }
    return run;
  }

  private static long nextLineStart(FileChannel ch, long pos, long size) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(1 << 16);
    long p = pos;
    while (p < size) {
      bb.clear();
      int n = ch.read(bb, p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (bb.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
    return size;
  }

  private static void scan(Part part, String file, int[] relOfQid, Dictionary qids, int numRel,
    TrecEvalVersion version, RunData.Sink sink, Queue<RunData.Query> recycled) throws IOException,
    TrecEvalException {
    part.blocks = new int[numRel];
    FileChannel ch = FileChannel.open(Path.of(file), StandardOpenOption.READ);
    ch.position(part.from);
    InputStream in = new LimitedStream(Channels.newInputStream(ch), part.to - part.from);
    int[] ts = new int[6];
    int[] te = new int[6];
    boolean comments = version.commentLines();
    byte[] curQid = null;
    RunData.Query cur = null;
    boolean firstLine = true;
    try (LineReader r = new LineReader(in, file, "get_results")) {
      final byte[] b = r.buf();
      int nt;
      while ((nt = r.nextTokens(ts, te, 6)) >= 0) {
        if (nt == 0 || (comments && b[ts[0]] == '#')) {
          continue;
        }
        part.dataLines++;
        if (nt < 6) {
          part.error = new TrecEvalException(2, "");
          part.errorLocalData = part.dataLines;
          part.errorLocalPhys = r.lineNo();
          return;
        }
        int ql = te[0] - ts[0];
        if (curQid == null || curQid.length != ql || !CText.sameBytes(curQid, 0, b, ts[0], ql)) {
          curQid = Arrays.copyOfRange(b, ts[0], te[0]);
          int qid = qids.find(b, ts[0], ql);
          int ri = qid >= 0 && qid < relOfQid.length ? relOfQid[qid] : -1;
          if (cur != null && cur != part.first) {
            sink.block(cur);
          }
          if (ri >= 0) {
            RunData.Query reuse = recycled.poll();
            cur = reuse != null ? reuse.reset(ri) : new RunData.Query(ri);
            part.blocks[ri]++;
            if (part.first == null) {
              part.first = cur;
              part.firstAtStart = firstLine;
            }
          } else {
            cur = null;
          }
        }
        firstLine = false;
        if (cur != null) {
          cur.addRaw(b, ts[2], te[2] - ts[2], ts[4], te[4] - ts[4]);
        }
        int rl = te[5] - ts[5];
        if (part.lastRun == null || part.lastRun.length != rl
          || !CText.sameBytes(part.lastRun, 0, b, ts[5], rl)) {
          part.lastRun = Arrays.copyOfRange(b, ts[5], te[5]);
        }
      }
      part.physLines = r.lineNo();
    }
    part.last = cur;
  }

  /** An InputStream reading at most {@code limit} bytes of another. */
  private static final class LimitedStream extends InputStream {
    private final InputStream in;
    private long left;

    LimitedStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = in.read();
      if (c >= 0) {
        left--;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
