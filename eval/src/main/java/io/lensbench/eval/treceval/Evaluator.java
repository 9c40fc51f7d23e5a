package io.lensbench.eval.treceval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The main procedure of trec_eval.c: read inputs, evaluate every query, print per-query and summary values. */
final class Evaluator {
  private static final String BOGUS_DOCNO = "ceci_nest_pas_un_docno";

  private final TrecEvalOptions epi;
  private final Dictionary qids = new Dictionary();
  private RelInfo relInfo;
  private RelInfoReader relReader;
  private RunData run;
  private ZScores zscores;
  private Printer printer;
  private final List<Measure> measures = new ArrayList<>();
  private int numValues;
  private byte[][] valueNames;
  /** Per rel_info query: its values once evaluated. */
  private Result[] results;
  /** Streaming: blocks whose evaluation depends on the queries before them (no judged relevance level). */
  private final Map<Integer, RunData.Query> deferred = new HashMap<>();
  /** Streaming: evaluated blocks whose arrays the reader may reuse (saves most allocation). */
  private final java.util.Queue<RunData.Query> recycled = new java.util.concurrent.ConcurrentLinkedQueue<>();

  Evaluator(TrecEvalOptions epi) {
    this.epi = epi;
  }

  /** One query to evaluate: its index in the rel_info and its results (possibly the -c dummy ranking). */
  private static final class Task {
    final int relIndex;
    final RunData.Query results;
    final boolean bogus;
    int prevNumRelLevels;

    Task(int relIndex, RunData.Query results, boolean bogus) {
      this.relIndex = relIndex;
      this.results = results;
      this.bogus = bogus;
    }
  }

  /** Values of one query (TREC_EVAL q_eval), or the failure that stopped trec_eval there. */
  private static final class Result {
    double[] values;
    String relstring;
    ByteBuf debug;
    TrecEvalException error;
  }

  /** With the environment variable TRECEVAL_TIMING set, phase durations go to stderr (diagnostics). */
  private final PhaseTimer phase = new PhaseTimer();

  void run(OutputStream out, InputStream stdin) throws TrecEvalException, IOException {
    relReader = new RelInfoReader(qids, epi.version);
    relInfo = relReader.read(epi.relInfoFormat, epi.relInfoFile);
    phase.done("rel_info");
    if (!"trec_results".equals(epi.resultsFormat)) {
      throw new TrecEvalException(2, "trec_eval: Illegal retrieval results format '" + epi.resultsFormat
        + "'\n");
    }
    // trec_eval initialises measures after reading its inputs, so input errors are reported first
    TrecEvalException initError = null;
    try {
      initMeasures();
    } catch (TrecEvalException e) {
      initError = e;
    }
    // z-scores are needed while streaming; trec_eval reads them after the results, so a z-score file
    // error is only reported once the results have been read successfully
    TrecEvalException zError = null;
    if (epi.zscoreFile != null) {
      try {
        zscores = ZScores.read(epi.zscoreFile);
      } catch (TrecEvalException e) {
        zError = e;
      }
    }
    printer = new Printer(zscores != null);
    readResults(stdin, initError == null && zError == null);
    phase.done("results");
    if (zError != null) {
      throw zError;
    }
    if (initError != null) {
      throw initError;
    }
    List<Task> tasks = tasks();
    evaluateRemaining(tasks);
    phase.done("evaluate");
    output(out, tasks);
    phase.done("output");
  }

  /**
  * Reads the run. When it comes from a file and each qid's lines are consecutive (the usual case), queries
  * are evaluated as soon as their block is complete and their results dropped, so memory stays small;
  * otherwise the whole run is kept (compactly) and evaluated afterwards.
  */
  private void readResults(InputStream stdin, boolean canStream) throws TrecEvalException {
    results = new Result[relInfo.queries.size()];
    boolean fromStdin = epi.version.stdinResults() && epi.resultsFile.startsWith("-");
    if (canStream && !fromStdin) {
      StreamingPool pool = new StreamingPool(this::evaluateBlock);
      try {
        int parts = Math.min(4, Runtime.getRuntime().availableProcessors());
        long size = java.nio.file.Files.size(java.nio.file.Path.of(epi.resultsFile));
        if (parts > 1 && size >= ParallelRunReader.minParallelSize) {
          run = ParallelRunReader.read(epi.resultsFile, relInfo, qids, epi.version, pool::submit, recycled,
            parts);
        } else {
          run = RunData.read(epi.resultsFile, stdin, relInfo, qids, epi.version, pool::submit, recycled);
        }
        pool.finish();
        return;
      } catch (RunData.NonContiguous e) {
        pool.abandon();
        java.util.Arrays.fill(results, null);
        deferred.clear();
      } catch (TrecEvalException | RuntimeException e) {
        pool.abandon();
        throw e;
      } catch (java.io.IOException e) {
        pool.abandon(); // unreadable: the sequential reader reports it as trec_eval does
      }
    }
    try {
      run = RunData.read(epi.resultsFile, stdin, relInfo, qids, epi.version, null, null);
    } catch (RunData.NonContiguous e) {
      throw new IllegalStateException(e); // cannot happen without a sink
    }
  }

  /** Streaming: evaluates one complete block, unless it must wait for its neighbours (see tasks()). */
  private void evaluateBlock(RunData.Query q) {
    RelInfo.Query rq = relInfo.queries.get(q.relIndex);
    if (epi.debugQuery != null && CText.compare(CText.bytes(epi.debugQuery), rq.qid) != 0) {
      return;
    }
    if (RelInfo.QRELS.equals(relInfo.relFormat) && ResRels.numRelLevels(rq.relLevels, -1) < 0) {
      synchronized (deferred) {
        deferred.put(q.relIndex, q);
      }
      return;
    }
    results[q.relIndex] = evaluate(new Task(q.relIndex, q, false));
    if (recycled.size() < 256) {
      recycled.add(q);
    }
  }

  private void initMeasures() throws TrecEvalException {
    java.util.Set<String> marked = epi.marked.isEmpty()
      ? new java.util.LinkedHashSet<>(MeasureRegistry.nicknames(epi.version).get("official"))
      : epi.marked;
    Map<String, Measure.ParamBlock> shared = new HashMap<>();
    int off = 0;
    List<byte[]> names = new ArrayList<>();
    for (MeasureDef d : MeasureRegistry.measures(epi.version)) {
      if (!marked.contains(d.name)) {
        continue;
      }
      Measure.ParamBlock pb = d.shareKey == null ? null : shared.get(d.shareKey);
      if (pb == null) {
        pb = new Measure.ParamBlock();
        pb.longs = d.longDefaults == null ? null : d.longDefaults.clone();
        pb.doubles = d.doubleDefaults == null ? null : d.doubleDefaults.clone();
        if (d.shareKey != null) {
          shared.put(d.shareKey, pb);
        }
      }
      String arg = null;
      for (String[] ma : epi.measureArgs) {
        if (ma[0].equals(d.name)) {
          arg = ma[1];
          break;
        }
      }
      Measure m = new Measure(d, pb);
      m.init(arg, off);
      off += m.count;
      for (byte[] n : m.names) {
        names.add(n);
      }
      measures.add(m);
    }
    numValues = off;
    valueNames = names.toArray(new byte[0][]);
  }

  private List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    byte[] debugQuery = epi.debugQuery == null ? null : CText.bytes(epi.debugQuery);
    for (int i = 0; i < relInfo.queries.size(); i++) {
      RelInfo.Query rq = relInfo.queries.get(i);
      if (debugQuery != null && CText.compare(debugQuery, rq.qid) != 0) {
        continue;
      }
      if (run.seen[i]) {
        RunData.Query res = run.get(i);
        if (res == null) {
          res = deferred.get(i);
        }
        tasks.add(new Task(i, res, false));
      } else if (epi.averageComplete && epi.version.printsMissingQueries()) {
        RunData.Query bogus = new RunData.Query(i);
        byte[] b = CText.bytes(BOGUS_DOCNO + " 1.0");
        bogus.addRaw(b, 0, BOGUS_DOCNO.length(), BOGUS_DOCNO.length() + 1, 3);
        tasks.add(new Task(i, bogus, true));
      }
    }
    // trec_eval caches RES_RELS between queries: num_rel_levels survives a query with no judged level
    int prev = 0;
    if (RelInfo.QRELS.equals(relInfo.relFormat)) {
      for (Task t : tasks) {
        t.prevNumRelLevels = prev;
        prev = ResRels.numRelLevels(relInfo.queries.get(t.relIndex).relLevels, prev);
      }
    }
    return tasks;
  }

  /** Evaluates, in parallel, every task not evaluated while streaming. */
  private void evaluateRemaining(List<Task> tasks) throws TrecEvalException {
    List<Task> todo = new ArrayList<>();
    for (Task t : tasks) {
      if (results[t.relIndex] == null || t.bogus) {
        todo.add(t);
      }
    }
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, todo.size() / 64));
    if (threads <= 1) {
      for (Task t : todo) {
        results[t.relIndex] = evaluate(t);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, StreamingPool::daemon);
    try {
      List<Future<?>> fs = new ArrayList<>();
      final int chunk = 32;
      final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      for (int w = 0; w < threads; w++) {
        fs.add(pool.submit(() -> {
          int st;
          while ((st = next.getAndAdd(chunk)) < todo.size()) {
            for (int i = st; i < Math.min(todo.size(), st + chunk); i++) {
              Task t = todo.get(i);
              results[t.relIndex] = evaluate(t);
            }
          }
        }));
      }
      for (Future<?> f : fs) {
        StreamingPool.await(f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Result evaluate(Task t) {
    t.results.materialize(relInfo.queries.get(t.relIndex).index, epi.version.floatScores());
    Result r = new Result();
    r.values = new double[numValues];
    QueryContext c = new QueryContext(epi, relReader.groups(), relInfo, t.relIndex, t.results,
      t.prevNumRelLevels);
    for (Measure m : measures) {
      try {
        m.def.calc.calc(c, m, r.values, m.off);
      } catch (MeasureDef.CalcFailure f) {
        String msg = f.getMessage();
        if (f.status != 134) {
          msg += "trec_eval: Can't calculate measure '" + m.name() + "'\n";
        }
        r.error = new TrecEvalException(f.status, msg);
        break;
      }
    }
    r.relstring = c.relstring;
    if (c.debug.size() > 0) {
      r.debug = c.debug;
    }
    if (r.error == null) {
      RelInfo.Query rq = relInfo.queries.get(t.relIndex);
      if (t.bogus) {
        cleanBogus(r);
      }
      if (zscores != null) {
        zscores.convert(rq.qid, valueNames, r.values);
      }
    }
    return r;
  }

  /** Accumulates and prints in rel_info order, stopping at the first failed query as trec_eval does. */
  private void output(OutputStream out, List<Task> tasks) throws TrecEvalException, IOException {
    int end = tasks.size();
    for (int t = 0; t < tasks.size(); t++) {
      if (results[tasks.get(t).relIndex].error != null) {
        end = t;
        break;
      }
    }
    double[] accum = new double[numValues];
    for (int t = 0; t < end; t++) {
      double[] v = results[tasks.get(t).relIndex].values;
      for (Measure m : measures) {
        if (m.def.single != MeasureDef.Out.RELSTRING) {
          for (int k = 0; k < m.count; k++) {
            accum[m.off + k] += v[m.off + k];
          }
        }
      }
    }
    writeQueries(out, tasks, end);
    ByteBuf buf = new ByteBuf(1 << 12);
    if (end < tasks.size()) {
      Result r = results[tasks.get(end).relIndex];
      if (r.debug != null) {
        r.debug.writeTo(out);
      }
      out.flush();
      throw r.error;
    }
    long numQueries = end;
    if (numQueries == 0) {
      out.flush();
      throw new TrecEvalException(7, "trec_eval: No queries with both results and relevance info\n");
    }
    for (Measure m : measures) {
      String err = Summary.average(epi, relInfo, m, accum, numQueries);
      if (err != null) {
        buf.writeTo(out);
        out.flush();
        throw new TrecEvalException(8, err + "trec_eval: Can't print measure '" + m.name() + "'\n");
      }
      if (epi.summaryFlag) {
        printer.fin(buf, m, accum, run.runId);
      }
    }
    buf.writeTo(out);
    out.flush();
  }

  /** Debug and -q lines of tasks [0, end), formatted in parallel windows and written in order. */
  private void writeQueries(OutputStream out, List<Task> tasks, int end) throws IOException {
    final int chunk = 256;
    int nChunks = (end + chunk - 1) / chunk;
    int window = 16;
    for (int w = 0; w < nChunks; w += window) {
      int from = w;
      int to = Math.min(nChunks, w + window);
      ByteBuf[] bufs = new ByteBuf[to - from];
      java.util.stream.IntStream.range(from, to).parallel().forEach(c -> {
        ByteBuf b = new ByteBuf(1 << 14);
        for (int t = c * chunk; t < Math.min(end, (c + 1) * chunk); t++) {
          Task task = tasks.get(t);
          Result r = results[task.relIndex];
          if (r.debug != null) {
            b.appendBuf(r.debug);
          }
          if (epi.queryFlag) {
            byte[] qid = relInfo.queries.get(task.relIndex).qid;
            for (Measure m : measures) {
              printer.single(b, m, qid, r.values, r.relstring);
            }
          }
        }
        bufs[c - from] = b;
      });
      for (ByteBuf b : bufs) {
        b.writeTo(out);
      }
    }
  }

  /** trec_eval.c "clean up leftovers" after evaluating the dummy ranking of a query without results. */
  private void cleanBogus(Result r) {
    for (int i = 0; i < numValues; i++) {
      String n = CText.str(valueNames[i]);
      if (n.equals("num_ret") || n.equals("utility") || n.startsWith("unj") || n.equals("rbp_resid")) {
        r.values[i] = 0.0;
      } else if (n.equals("relstring")) {
        r.relstring = "";
      }
    }
  }
}
