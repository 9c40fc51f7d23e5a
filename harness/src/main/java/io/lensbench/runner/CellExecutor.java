package io.lensbench.runner;

import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.QueryRecord.Timing;
import io.lensbench.eval.run.QueryRecord;
import io.lensbench.eval.run.CellId;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.stores.Filter;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Retrieval;
import io.lensbench.strategies.Strategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one cell: searches every planned query on the cell's store ({@code concurrency} at a
 * time), applies the optional second stage, and writes the cell's TREC run, records, metrics and
 * finally its {@code .done} marker — so a cell is either finished on disk or absent.
 */
final class CellExecutor {
  private final RunDirectory runDir;
  private final int k;
  private final int concurrency;
  private final RerankStage reranker;
  private final int rerankDepth;
  private final Dataset dataset;
  private final CellScorer scorer;

  /** A query with its plan and the time planning (encoding) took. */
  record Planned(Query query, QueryPlan plan, double encodeMs) {}

  CellExecutor(RunDirectory runDir, Experiment exp, RerankStage reranker, Dataset dataset,
      CellScorer scorer) {
    this.runDir = runDir;
    this.k = exp.k();
    this.concurrency = exp.concurrency();
    this.reranker = reranker;
    this.rerankDepth = reranker == null ? 0 : exp.rerankerSpec().topN();
    this.dataset = dataset;
    this.scorer = scorer;
  }

  /** Encodes every query of a set once for a strategy (a step of {@code progress} each); every store gets the same plans. */
  List<Planned> plan(Strategy strategy, QuerySet qs, Progress progress) {
    List<Planned> plans = new ArrayList<>(qs.queries().size());
    for (Query q : qs.queries()) {
      long t0 = System.nanoTime();
      QueryPlan plan = strategy.plan(q);
      plans.add(new Planned(q, plan, (System.nanoTime() - t0) / 1e6));
      progress.step(1);
    }
    return plans;
  }

  /** Searches, writes and scores one cell (a step of {@code progress} per query). */
  void run(CellId cell, QuerySet qs, List<Planned> plans, Strategy strategy,
      RetrievalStore store, String collection, Progress progress) {
    QueryRecord[] records = search(cell, plans, strategy, store, collection, progress);
    Map<String, List<SearchHit>> run = new LinkedHashMap<>();
    for (QueryRecord r : records) {
      run.put(r.query(), r.hits());
    }
    runDir.writeCell(cell, qs.queries(), List.of(records));
    scorer.score(cell, qs, run, runDir.metricsFile(cell));
    runDir.markDone(cell);
  }

  private QueryRecord[] search(CellId cell, List<Planned> plans, Strategy strategy,
      RetrievalStore store, String collection, Progress p) {
    QueryRecord[] records = new QueryRecord[plans.size()];
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<QueryRecord>> futures = new ArrayList<>(plans.size());
      for (Planned pl : plans) {
        futures.add(pool.submit(() -> {
          QueryRecord r = query(pl, strategy, store, collection);
          p.step(1);
          return r;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        records[i] = await(futures.get(i), cell, plans.get(i).query(), store, collection);
      }
    } finally {
      pool.shutdownNow();
    }
    return records;
  }

  private static QueryRecord await(Future<QueryRecord> f, CellId cell, Query q,
      RetrievalStore store, String collection) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof LensBenchException lbe) {
        throw lbe;
      }
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: search failed for query '%s' in cell %s: %s",
          store.name(), collection, q.id(), cell, c), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while running cell " + cell, e);
    }
  }

  private QueryRecord query(Planned pl, Strategy strategy, RetrievalStore store,
      String collection) {
    Query q = pl.query();
    Filter filter = q.excludeIds().isEmpty() ? Filter.NONE : new Filter(Map.of(), q.excludeIds());
    Retrieval r;
    try {
      r = strategy.retrieve(store, collection, pl.plan(), k, filter);
    } catch (InfrastructureException e) {
      throw searchFailed(store, collection, q, e.getMessage(), e);
    } catch (LensBenchException e) {
      throw e;
    } catch (RuntimeException e) {
      throw searchFailed(store, collection, q, e.toString(), e);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      if (!q.excludeIds().contains(h.id())) { // the store filters; this guards the contract
        hits.add(h);
      }
    }
    if (reranker == null) {
      return new QueryRecord(q.id(), hits, null,
          Timing.of(pl.encodeMs(), r.searchMs(), r.fuseMs(), 0), null);
    }
    int depth = Math.min(rerankDepth, hits.size());
    long t0 = System.nanoTime();
    RerankStage.Reranked rr = reranker.rerank(q, hits.subList(0, depth), dataset);
    double rerankMs = (System.nanoTime() - t0) / 1e6;
    List<SearchHit> fin = mergeReranked(rr.hits(), hits, depth);
    return new QueryRecord(q.id(), fin, hits,
        Timing.of(pl.encodeMs(), r.searchMs(), r.fuseMs(), rerankMs), new TreeMap<>(rr.info()));
  }

  private static InfrastructureException searchFailed(RetrievalStore store, String collection,
      Query q, String why, Exception cause) {
    return new InfrastructureException(String.format(Locale.ROOT,
        "store %s, collection %s: search failed for query '%s': %s",
        store.name(), collection, q.id(), why), cause);
  }

  /**
   * The reranked head followed by the first-stage tail below {@code depth}, with scores made
   * strictly decreasing in rank order (trec_eval orders by score, not by rank): the head keeps
   * the reranker's order, each hit scored {@code n - rank}.
   */
  static List<SearchHit> mergeReranked(List<SearchHit> head, List<SearchHit> firstStage, int depth) {
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SearchHit h : head) {
      if (seen.add(h.id())) {
        order.add(h.id());
      }
    }
    // only the tail below the reranked depth: a head hit the reranker's policy left out (strict)
    // is lost, not brought back (fail-open already appended its dropped hits to the head)
    for (SearchHit h : firstStage.subList(Math.min(depth, firstStage.size()), firstStage.size())) {
      if (seen.add(h.id())) {
        order.add(h.id());
      }
    }
    List<SearchHit> out = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      out.add(new SearchHit(order.get(i), order.size() - i));
    }
    return out;
  }
}
