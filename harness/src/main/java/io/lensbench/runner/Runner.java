package io.lensbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.datasets.Split;
import io.lensbench.runner.Experiment.StoreSpec;
import io.lensbench.runner.Experiment.StrategySpec;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.StoreKind;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Retrieval;
import io.lensbench.strategies.Strategy;
import io.lensbench.core.Ranking;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a resolved experiment: the matrix query set × strategy × store. For each strategy it
 * encodes the corpus once (batched, memoised, cached by the encoders), indexes it on every store
 * (reusing a collection whose content hash matches), encodes every query once, searches every
 * store with the same query vectors, and writes the run directory (docs/run-directory.md). Cells
 * with a {@code cells/<cell>.done} marker are skipped, so rerunning an interrupted run finishes
 * only what is missing.
 */
public final class Runner {
  /** Collection property holding the content hash. */
  public static final String CONTENT_HASH = "contentHash";

  private final Experiment exp;
  private final String experimentFile;
  private final Components components;
  private final boolean reindex;
  private final PrintStream out;
  private final PrintStream err;
  private RunObserver observer;
  private final Map<String, String> storeUris = new LinkedHashMap<>();

  /** What a run produced. */
  public record Result(Path runDir, List<CellId> cells, int cellsRun, int cellsSkipped,
      Map<String, Map<String, Double>> summaries) {}

  public Runner(Experiment resolved, Components components, boolean reindex, PrintStream out,
      PrintStream err) {
    this(resolved, null, components, reindex, out, err);
  }

  /** @param experimentFile the file the experiment came from (provenance), or null */
  public Runner(Experiment resolved, String experimentFile, Components components, boolean reindex,
      PrintStream out, PrintStream err) {
    this.experimentFile = experimentFile;
    this.exp = resolved;
    this.components = components;
    this.reindex = reindex;
    this.out = out;
    this.err = err;
  }

  /**
   * Lets {@code observer} see every strategy's collections and encoded queries. With an observer
   * the runner also prepares (indexes, encodes) strategies whose cells are all done.
   */
  public Runner observe(RunObserver observer) {
    this.observer = observer;
    return this;
  }

  public Result run() {
    Instant started = Instant.now();
    Path dir = Path.of(exp.output()).toAbsolutePath().normalize();
    String resolvedJson = json(exp);
    String configHash = configHash(exp);
    guardRunDir(dir, configHash);

    // 1. open everything before any work: dataset, stores, models, reranker
    Dataset dataset = components.dataset(exp.dataset());
    List<Item> corpus = corpus(dataset);
    Set<String> corpusIds = new HashSet<>();
    corpus.forEach(it -> corpusIds.add(it.id()));
    List<QuerySet> querySets = querySets(dataset, corpusIds);

    Map<String, RetrievalStore> stores = new LinkedHashMap<>();
    Map<String, String> storeVersions = new LinkedHashMap<>();
    storeUris.clear();
    for (StoreSpec s : exp.stores()) {
      RetrievalStore store = components.store(s);
      stores.put(s.name(), store);
      storeVersions.put(s.name(), store.serverVersion());
      storeUris.put(s.name(), components.storeAddress(s));
    }
    StrategyFactory factory = new StrategyFactory(components);
    Map<String, Strategy> strategies = new LinkedHashMap<>();
    for (StrategySpec spec : exp.strategies()) {
      strategies.put(spec.id(), factory.build(spec, exp.index()));
    }
    RerankStage reranker = components.reranker(exp.rerankerSpec());
    CellScorer scorer = components.scorer(exp.seed());
    String rerankerId = reranker == null ? null : reranker.id();

    // 2. the run directory's fixed parts
    RunFiles.writeString(dir.resolve("experiment.resolved.json"), resolvedJson);
    RunFiles.writeJson(dir.resolve("dataset-card.json"), dataset.card());
    RunFiles.writeString(dir.resolve("items.jsonl"), RunFiles.itemsJsonl(corpus));
    for (QuerySet qs : querySets) {
      RunFiles.writeString(dir.resolve("queries").resolve(qs.name() + ".jsonl"), RunFiles.queriesJsonl(qs));
      RunFiles.writeString(dir.resolve("qrels").resolve(qs.name() + ".qrels"), RunFiles.qrels(qs));
    }
    Map<String, Object> provenance =
        provenance(dataset, corpus.size(), configHash, factory, storeVersions, started, null);
    RunFiles.writeJson(dir.resolve("provenance.json"), provenance);

    // 3. the matrix
    List<CellId> cells = new ArrayList<>();
    for (QuerySet qs : querySets) {
      for (String sid : strategies.keySet()) {
        for (String store : stores.keySet()) {
          cells.add(new CellId(dataset.name(), qs.name(), sid, store, rerankerId));
        }
      }
    }
    int skipped = 0;
    for (CellId c : cells) {
      if (isDone(dir, c)) {
        skipped++;
      }
    }
    err.printf(Locale.ROOT, "run %s: %d cells (%d query sets x %d strategies x %d stores), %d already done, corpus %d items -> %s%n",
        exp.name(), cells.size(), querySets.size(), strategies.size(), stores.size(), skipped,
        corpus.size(), dir);

    int ran = 0;
    String itemsHash = itemsHash(dataset, corpus);
    Map<String, List<StoreDocument>> encoded = new LinkedHashMap<>();
    for (StrategySpec spec : exp.strategies()) {
      Strategy strategy = strategies.get(spec.id());
      List<CellId> pending = new ArrayList<>();
      for (CellId c : cells) {
        if (c.strategy().equals(spec.id()) && !isDone(dir, c)) {
          pending.add(c);
        }
      }
      if (pending.isEmpty() && observer == null) {
        continue;
      }
      String collection = collectionName(dataset.name(), spec.type(), strategy, itemsHash);
      String contentHash =
          Hashing.sha256Hex(strategy.fingerprint() + "\n" + dataset.checksum() + "\n" + itemsHash);
      Set<String> storesNeeded = new java.util.LinkedHashSet<>();
      pending.forEach(c -> storesNeeded.add(c.store()));
      if (observer != null) {
        storesNeeded.addAll(stores.keySet());
      }
      for (String storeName : storesNeeded) {
        ensureIndex(stores.get(storeName), strategy, collection, contentHash, corpus, encoded);
        if (observer != null) {
          observer.indexed(strategy, storeName, collection,
              stores.get(storeName).count(collection), corpus);
        }
      }
      for (QuerySet qs : querySets) {
        List<CellId> qsPending =
            pending.stream().filter(c -> c.querySet().equals(qs.name())).toList();
        if (qsPending.isEmpty() && observer == null) {
          continue;
        }
        List<Planned> plans = plan(strategy, qs);
        if (observer != null) {
          observer.planned(strategy, qs, plans.stream().map(Planned::query).toList(),
              plans.stream().map(Planned::plan).toList());
        }
        for (CellId cell : qsPending) {
          runCell(dir, cell, qs, plans, strategy, stores.get(cell.store()), collection, reranker,
              dataset, scorer);
          ran++;
        }
      }
    }

    // 4. parity, provenance, summary
    writeParity(dir, dataset.name(), querySets, strategies.keySet(), stores.keySet(), rerankerId);
    provenance = provenance(dataset, corpus.size(), configHash, factory, storeVersions, started, Instant.now());
    RunFiles.writeJson(dir.resolve("provenance.json"), provenance);
    Map<String, Map<String, Double>> summaries = new LinkedHashMap<>();
    for (CellId c : cells) {
      summaries.put(c.toString(), readSummary(dir, c));
    }
    printSummary(summaries);
    return new Result(dir, cells, ran, skipped, summaries);
  }

  // ---------------------------------------------------------------- setup

  private static String json(Experiment e) {
    try {
      return RunFiles.JSON.writeValueAsString(e) + "\n";
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  /** SHA-256 of the resolved experiment without its output path (a moved run dir still resumes). */
  static String configHash(Experiment e) {
    Experiment noOutput = new Experiment(e.schemaVersion(), e.name(), e.dataset(), e.querySets(),
        e.stores(), e.models(), e.index(), e.strategies(), e.reranker(), e.k(), e.concurrency(),
        e.batchSize(), e.seed(), e.limits(), null);
    return Hashing.sha256Hex(json(noOutput));
  }

  private static void guardRunDir(Path dir, String configHash) {
    Path f = dir.resolve("experiment.resolved.json");
    if (Files.exists(f)) {
      Experiment existing;
      try {
        existing = RunFiles.JSON.readValue(f.toFile(), Experiment.class);
      } catch (IOException e) {
        throw new BadInputException(String.format(Locale.ROOT,
            "run directory %s: cannot read experiment.resolved.json (%s)", dir, e.getMessage()), e);
      }
      String there = configHash(existing);
      if (!there.equals(configHash)) {
        throw new BadInputException(String.format(Locale.ROOT,
            "run directory %s holds a different experiment (config hash %s there, %s now); "
                + "choose another --output or delete it to start over",
            dir, there.substring(0, 12), configHash.substring(0, 12)));
      }
    }
  }

  private List<Item> corpus(Dataset dataset) {
    List<Item> items = new ArrayList<>();
    boolean testOnly = exp.dataset().split().equals("test") && !dataset.splits().isEmpty();
    for (Item it : dataset.items().values()) {
      if (!testOnly || dataset.splits().get(it.id()) == Split.TEST) {
        items.add(it);
      }
    }
    Integer max = exp.limits().items();
    if (max != null && items.size() > max) {
      items = new ArrayList<>(items.subList(0, max));
    }
    if (items.isEmpty()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "dataset '%s': no items in split '%s'", dataset.name(), exp.dataset().split()));
    }
    return items;
  }

  /** The query sets to run, limited, with qrels cut to the corpus when the corpus is limited. */
  private List<QuerySet> querySets(Dataset dataset, Set<String> corpusIds) {
    List<String> names = exp.querySets().isEmpty()
        ? dataset.querySets().stream().map(QuerySet::name).toList()
        : exp.querySets();
    List<QuerySet> out = new ArrayList<>();
    for (String n : names) {
      QuerySet qs = dataset.querySet(n);
      List<Query> queries = qs.queries();
      Integer max = exp.limits().queriesPerSet();
      if (max != null && queries.size() > max) {
        queries = queries.subList(0, max);
      }
      Set<String> qids = new HashSet<>();
      queries.forEach(q -> qids.add(q.id()));
      boolean cut = exp.limits().items() != null;
      Map<String, Map<String, Integer>> judg = new LinkedHashMap<>();
      qs.qrels().asMap().forEach((q, docs) -> {
        if (!qids.contains(q)) {
          return;
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        docs.forEach((d, g) -> {
          if (!cut || corpusIds.contains(d)) {
            kept.put(d, g);
          }
        });
        judg.put(q, kept);
      });
      out.add(new QuerySet(qs.name(), queries, new Qrels(judg)));
    }
    return out;
  }

  private static String itemsHash(Dataset dataset, List<Item> corpus) {
    StringBuilder sb = new StringBuilder(dataset.name()).append('\n');
    for (Item it : corpus) {
      sb.append(it.id()).append('\n');
    }
    return Hashing.sha256Hex(sb.toString());
  }

  /**
   * {@code lb_<dataset>_<type>_<encoder>_<hash8>}: readable, valid on Milvus and OpenSearch, and
   * distinct for every (indexed content, corpus) so strategies indexing the same content (the
   * multi-vector fusion variants) share one collection.
   */
  static String collectionName(String dataset, String type, Strategy strategy, String itemsHash) {
    String enc = sanitize(strategy.encoderTag());
    if (enc.length() > 40) {
      enc = enc.substring(0, 40);
    }
    String h = Hashing.sha256Hex(strategy.fingerprint() + "\n" + itemsHash).substring(0, 8);
    return "lb_" + sanitize(dataset) + "_" + type + "_" + enc + "_" + h;
  }

  private static String sanitize(String s) {
    String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return x.replaceAll("^_+|_+$", "");
  }

  // ---------------------------------------------------------------- index

  private void ensureIndex(RetrievalStore store, Strategy strategy, String collection,
      String contentHash, List<Item> corpus, Map<String, List<StoreDocument>> encoded) {
    try {
      Optional<CollectionSchema> existing = store.describe(collection);
      if (!reindex && existing.isPresent()
          && contentHash.equals(existing.get().properties().get(CONTENT_HASH))
          && store.count(collection) == corpus.size()) {
        err.printf(Locale.ROOT, "index %s/%s: reusing (content hash %s, %d items)%n",
            store.name(), collection, contentHash.substring(0, 12), corpus.size());
        store.flush(collection); // loads it (a restarted Milvus brings collections back unloaded)
        return;
      }
      List<StoreDocument> docs = encoded.get(collection);
      if (docs == null) {
        docs = new ArrayList<>(corpus.size());
        try (Progress p = new Progress(err, "encode " + strategy.id() + " items", corpus.size())) {
          for (int i = 0; i < corpus.size(); i += exp.batchSize()) {
            List<Item> batch = corpus.subList(i, Math.min(corpus.size(), i + exp.batchSize()));
            docs.addAll(strategy.documents(batch));
            p.step(batch.size());
          }
        }
        encoded.clear(); // keep one strategy's documents at a time
        encoded.put(collection, docs);
      }
      store.drop(collection);
      Map<String, String> props = new TreeMap<>();
      props.put(CONTENT_HASH, contentHash);
      props.put("lensbenchItems", Integer.toString(corpus.size()));
      store.create(strategy.schema(collection, props));
      try (Progress p = new Progress(err, "index " + store.name() + "/" + collection, docs.size())) {
        for (int i = 0; i < docs.size(); i += exp.batchSize()) {
          List<StoreDocument> batch = docs.subList(i, Math.min(docs.size(), i + exp.batchSize()));
          store.upsert(collection, batch);
          p.step(batch.size());
        }
      }
      store.flush(collection);
      long n = store.count(collection);
      if (n != corpus.size()) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "store %s, collection %s: expected %d documents after indexing, found %d",
            store.name(), collection, corpus.size(), n));
      }
    } catch (InfrastructureException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: indexing failed: %s", store.name(), collection, e.getMessage()), e);
    } catch (LensBenchException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: indexing failed: %s", store.name(), collection, e), e);
    }
  }

  // ---------------------------------------------------------------- query

  private record Planned(Query query, QueryPlan plan, double encodeMs) {}

  private List<Planned> plan(Strategy strategy, QuerySet qs) {
    List<Planned> plans = new ArrayList<>(qs.queries().size());
    try (Progress p = new Progress(err, "encode " + strategy.id() + " " + qs.name() + " queries",
        qs.queries().size())) {
      for (Query q : qs.queries()) {
        long t0 = System.nanoTime();
        QueryPlan plan = strategy.plan(q);
        plans.add(new Planned(q, plan, (System.nanoTime() - t0) / 1e6));
        p.step(1);
      }
    }
    return plans;
  }

  private void runCell(Path dir, CellId cell, QuerySet qs, List<Planned> plans, Strategy strategy,
      RetrievalStore store, String collection, RerankStage reranker, Dataset dataset,
      CellScorer scorer) {
    QueryRecord[] records = new QueryRecord[plans.size()];
    ExecutorService pool = Executors.newFixedThreadPool(exp.concurrency());
    try (Progress p = new Progress(err, "query " + cell, plans.size())) {
      List<Future<QueryRecord>> futures = new ArrayList<>(plans.size());
      for (Planned pl : plans) {
        futures.add(pool.submit(() -> {
          QueryRecord r = runQuery(pl, strategy, store, collection, reranker, dataset);
          p.step(1);
          return r;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          records[i] = futures.get(i).get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof LensBenchException lbe) {
            throw lbe;
          }
          throw new InfrastructureException(String.format(Locale.ROOT,
              "store %s, collection %s: search failed for query '%s' in cell %s: %s",
              store.name(), collection, plans.get(i).query().id(), cell, c), c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InfrastructureException("interrupted while running cell " + cell, e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, List<SearchHit>> run = new LinkedHashMap<>();
    StringBuilder jsonl = new StringBuilder();
    for (QueryRecord r : records) {
      run.put(r.query(), r.hits());
      jsonl.append(RunFiles.recordLine(r)).append('\n');
    }
    String id = cell.toString();
    RunFiles.writeString(dir.resolve("runs").resolve(id + ".trec"),
        RunFiles.trecRun(qs.queries(), run, id));
    RunFiles.writeString(dir.resolve("records").resolve(id + ".jsonl"), jsonl.toString());
    scorer.score(cell, qs, run, dir.resolve("metrics").resolve(id + ".json"));
    RunFiles.writeString(dir.resolve("cells").resolve(id + ".done"), Instant.now() + "\n");
  }

  private QueryRecord runQuery(Planned pl, Strategy strategy, RetrievalStore store,
      String collection, RerankStage reranker, Dataset dataset) {
    Query q = pl.query();
    Filter filter = q.excludeIds().isEmpty() ? Filter.NONE : new Filter(Map.of(), q.excludeIds());
    Retrieval r;
    try {
      r = strategy.retrieve(store, collection, pl.plan(), exp.k(), filter);
    } catch (InfrastructureException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: search failed for query '%s': %s",
          store.name(), collection, q.id(), e.getMessage()), e);
    } catch (LensBenchException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: search failed for query '%s': %s",
          store.name(), collection, q.id(), e), e);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      if (!q.excludeIds().contains(h.id())) { // the store filters; this guards the contract
        hits.add(h);
      }
    }
    if (reranker == null) {
      return new QueryRecord(q.id(), hits, null, pl.encodeMs(), r.searchMs(), r.fuseMs(), 0, null);
    }
    int depth = Math.min(exp.rerankerSpec().topN(), hits.size());
    long t0 = System.nanoTime();
    RerankStage.Reranked rr = reranker.rerank(q, hits.subList(0, depth), dataset);
    double rerankMs = (System.nanoTime() - t0) / 1e6;
    List<SearchHit> fin = mergeReranked(rr.hits(), hits, depth);
    return new QueryRecord(q.id(), fin, hits, pl.encodeMs(), r.searchMs(), r.fuseMs(), rerankMs,
        new TreeMap<>(rr.info()));
  }

  /**
   * The reranked head followed by the first-stage tail below {@code depth}, with scores made strictly decreasing in
   * rank order (trec_eval orders by score, not by rank): the head keeps the reranker's order, each
   * hit scored {@code n - rank}.
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

  // ---------------------------------------------------------------- outputs

  private static boolean isDone(Path dir, CellId c) {
    return Files.exists(dir.resolve("cells").resolve(c + ".done"));
  }

  /**
   * parity.json (docs/run-directory.md): per strategy × query set, overlap@k between the Milvus
   * and OpenSearch lists — per query |A_k ∩ B_k| / max(|A_k|, |B_k|) (1 when both are empty, so
   * identical short lists count as equal), averaged over queries — at k = 1, 10 and the run depth,
   * and the number of queries whose top-10 lists are identical. Read back from the records, so a
   * resumed run computes it over every cell.
   */
  private void writeParity(Path dir, String dataset, List<QuerySet> querySets,
      Set<String> strategyIds, Set<String> storeNames, String rerankerId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String storeA = StoreKind.MILVUS.id();
    String storeB = StoreKind.OPENSEARCH.id();
    if (storeNames.contains(storeA) && storeNames.contains(storeB)) {
      for (String sid : strategyIds) {
        for (QuerySet qs : querySets) {
          CellId a = new CellId(dataset, qs.name(), sid, storeA, rerankerId);
          CellId b = new CellId(dataset, qs.name(), sid, storeB, rerankerId);
          if (!isDone(dir, a) || !isDone(dir, b)) {
            continue;
          }
          Map<String, List<SearchHit>> ra = RunFiles.readRecordHits(dir.resolve("records").resolve(a + ".jsonl"));
          Map<String, List<SearchHit>> rb = RunFiles.readRecordHits(dir.resolve("records").resolve(b + ".jsonl"));
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("strategy", sid);
          row.put("querySet", qs.name());
          row.put("numQueries", qs.queries().size());
          for (int k : new java.util.TreeSet<>(List.of(1, 10, exp.k()))) {
            row.put("overlap_at_" + k, meanOverlap(qs, ra, rb, k));
          }
          int identical = 0;
          for (Query q : qs.queries()) {
            if (top(ra.getOrDefault(q.id(), List.of()), 10)
                .equals(top(rb.getOrDefault(q.id(), List.of()), 10))) {
              identical++;
            }
          }
          row.put("identicalTop10", identical);
          rows.add(row);
        }
      }
    }
    Map<String, Object> parity = new LinkedHashMap<>();
    parity.put("stores", List.of(storeA, storeB));
    parity.put("definition", "mean over queries of |A_k ∩ B_k| / max(|A_k|, |B_k|); 1 when both empty");
    parity.put("index", exp.index());
    parity.put("rows", rows);
    RunFiles.writeJson(dir.resolve("parity.json"), parity);
  }

  private static double meanOverlap(QuerySet qs, Map<String, List<SearchHit>> ra,
      Map<String, List<SearchHit>> rb, int k) {
    if (qs.queries().isEmpty()) {
      return 1.0;
    }
    double sum = 0;
    for (Query q : qs.queries()) {
      List<String> la = top(ra.getOrDefault(q.id(), List.of()), k);
      List<String> lb = top(rb.getOrDefault(q.id(), List.of()), k);
      int denom = Math.max(la.size(), lb.size());
      if (denom == 0) {
        sum += 1;
        continue;
      }
      Set<String> s = new HashSet<>(la);
      int inter = 0;
      for (String id : lb) {
        if (s.contains(id)) {
          inter++;
        }
      }
      sum += (double) inter / denom;
    }
    return sum / qs.queries().size();
  }

  private static List<String> top(List<SearchHit> hits, int k) {
    return hits.stream().limit(k).map(SearchHit::id).toList();
  }

  private Map<String, Object> provenance(Dataset dataset, int corpusSize, String configHash,
      StrategyFactory factory, Map<String, String> storeVersions, Instant started, Instant finished) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("git", Provenance.git());
    p.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    p.put("startedAt", started.toString());
    p.put("finishedAt", finished == null ? null : finished.toString());
    p.put("experimentFile", experimentFile);
    p.put("experimentName", exp.name());
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", dataset.name());
    ds.put("checksum", dataset.checksum());
    ds.put("root", dataset.root() == null ? null : dataset.root().toString());
    ds.put("corpusItems", corpusSize);
    p.put("dataset", ds);
    p.put("configHash", configHash);
    List<Map<String, Object>> models = new ArrayList<>();
    for (String id : factory.modelIds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("card", components.modelCard(id));
      models.add(m);
    }
    p.put("models", models);
    List<Map<String, Object>> stores = new ArrayList<>();
    for (StoreSpec s : exp.stores()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("version", storeVersions.get(s.name()));
      m.put("uri", storeUris.get(s.name()));
      stores.add(m);
    }
    p.put("stores", stores);
    return p;
  }

  private static Map<String, Double> readSummary(Path dir, CellId c) {
    Path f = dir.resolve("metrics").resolve(c + ".json");
    Map<String, Double> m = new LinkedHashMap<>();
    if (!Files.exists(f)) {
      return m;
    }
    JsonNode summary = RunFiles.readJson(f).path("summary");
    summary.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      m.put(e.getKey(), v.isNumber() ? v.asDouble() : v.path("mean").asDouble(Double.NaN));
    });
    return m;
  }

  static final List<String> TABLE_KEYS = List.of("recall_at_10", "success_at_10", "mrr", "ndcg_at_10");

  private void printSummary(Map<String, Map<String, Double>> summaries) {
    int w = Math.max(4, summaries.keySet().stream().mapToInt(String::length).max().orElse(4));
    out.printf(Locale.ROOT, "%-" + w + "s  %9s  %10s  %6s  %7s%n", "cell", "Recall@10", "Success@10", "MRR", "nDCG@10");
    summaries.forEach((cell, m) -> {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", cell));
      int[] widths = {9, 10, 6, 7};
      for (int i = 0; i < TABLE_KEYS.size(); i++) {
        Double v = m.get(TABLE_KEYS.get(i));
        sb.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s",
            v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", v)));
      }
      out.println(sb);
    });
    out.flush();
  }

  /** Exposed for tests: the order every ranked list is kept in. */
  static List<SearchHit> sorted(List<SearchHit> hits) {
    return Ranking.sortAndCut(hits, 0);
  }
}
