package io.lensbench.runner;

import io.lensbench.strategies.TextSummary;
import io.lensbench.eval.run.RunJson;
import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.Parity;
import io.lensbench.eval.run.CellId;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.LockFile;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.QuerySet;
import io.lensbench.runner.Experiment.StrategySpec;
import io.lensbench.strategies.Strategy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a resolved experiment: the matrix query set × strategy × store. For each strategy it
 * indexes the corpus on every store that still needs it ({@link IndexManager}), encodes every
 * query once, searches every store with the same query plans ({@link CellExecutor}), and writes
 * the run directory (docs/run-directory.md). Finished cells are skipped, so rerunning an
 * interrupted run finishes only what is missing.
 */
public final class Runner {
  private final Experiment exp;
  private final String experimentFile;
  private final Components components;
  private final boolean reindex;
  private final PrintStream out;
  private final PrintStream err;
  private RunObserver observer;

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
    Path dir = Path.of(exp.output()).toAbsolutePath().normalize();
    try (LockFile lock = lockRunDirectory(dir); ProcessMemory memory = new ProcessMemory()) {
      return run(dir, memory);
    }
  }

  /** One writer per run directory: a second run into it is refused, naming the holder. */
  private static LockFile lockRunDirectory(Path dir) {
    Path file = dir.resolve("run.lock");
    LockFile lock = LockFile.tryExclusive(file).orElseThrow(() -> new BadInputException(
        String.format(Locale.ROOT, "run directory %s is in use by another LensBench run (%s); "
            + "wait for it to finish or choose another --output", dir, LockFile.holderOf(file))));
    lock.describeHolder(LockFile.thisProcess());
    return lock;
  }

  private Result run(Path dir, ProcessMemory memory) {
    Instant started = Instant.now();
    Dataset dataset = components.dataset();
    RunSelection selection = RunSelection.of(exp, dataset, components.distractors());
    OpenStores stores = OpenStores.open(exp.stores(), components);
    StrategyFactory factory = new StrategyFactory(components);
    Map<String, Strategy> strategies = factory.buildAll(exp);
    String configHash = ConfigHash.of(exp, dataset.checksum(),
        strategies.values().stream().map(Strategy::fingerprint).toList());
    ConfigHash.guard(dir, configHash);
    RerankStage reranker = components.reranker(exp.rerankerSpec());
    String rerankerId = reranker == null ? null : reranker.id();
    RunProvenance provenance =
        new RunProvenance(exp, experimentFile, dataset, selection.corpusSize(), configHash, started);

    RunDirectory runDir = new RunDirectory(dir);
    writeInputs(runDir, dataset, selection);
    RunJson.writeJson(runDir.file("provenance.json"), provenance.toJson(models(factory), stores, null));

    Matrix matrix = Matrix.of(runDir, dataset.name(), selection.querySets(), strategies.keySet(),
        stores.stores().keySet(), rerankerId);
    long skipped = matrix.doneCount();
    err.printf(Locale.ROOT, "run %s: %d cells (%d query sets x %d strategies x %d stores), %d already done, corpus %d items -> %s%n",
        exp.name(), matrix.cells().size(), selection.querySets().size(), strategies.size(),
        stores.stores().size(), skipped, selection.corpusSize(), dir);

    IndexManager indexes = new IndexManager(dataset, selection, exp.batchSize(), reindex, err);
    CellExecutor executor = new CellExecutor(runDir, exp, reranker, dataset,
        components.scorer(exp.seed()));
    int ran = 0;
    for (StrategySpec spec : exp.strategies()) {
      ran += runStrategy(spec, strategies.get(spec.id()), matrix, selection, stores, indexes, executor);
      RunResources.writeIndexing(runDir, indexes.builds());
    }

    Parity.write(runDir, dataset.name(), selection.querySets(), strategies.keySet(),
        List.copyOf(stores.stores().keySet()), rerankerId, exp.k(), exp.index());
    RunJson.writeJson(runDir.file("provenance.json"),
        provenance.toJson(models(factory), stores, Instant.now()));
    RunResources.writeMemory(runDir, memory, stores);
    Map<String, Map<String, Double>> summaries = RunSummary.read(runDir, matrix.cells());
    RunSummary.print(out, summaries);
    return new Result(dir, matrix.cells(), ran, (int) skipped, summaries);
  }

  /** Indexes and runs one strategy's pending cells; returns how many cells ran. */
  private int runStrategy(StrategySpec spec, Strategy strategy, Matrix matrix,
      RunSelection selection, OpenStores stores, IndexManager indexes, CellExecutor executor) {
    List<CellId> pending = matrix.pending(spec.id());
    if (pending.isEmpty() && observer == null) {
      return 0;
    }
    String collection = indexes.collectionName(spec.type(), strategy);
    Set<String> storesNeeded = new LinkedHashSet<>();
    pending.forEach(c -> storesNeeded.add(c.store()));
    if (observer != null) {
      storesNeeded.addAll(stores.stores().keySet());
    }
    List<LockFile> leases = new ArrayList<>();
    try {
      for (String storeName : storesNeeded) {
        leases.add(indexes.lease(stores.get(storeName), strategy, collection,
            collectionLock(stores, storeName, collection), stores.layouts().get(storeName)));
        if (observer != null) {
          observer.indexed(strategy, storeName, collection,
              stores.get(storeName).count(collection), selection.corpus());
        }
      }
      return runCells(strategy, pending, selection, stores, collection, executor);
    } finally {
      leases.forEach(LockFile::close);
    }
  }

  /** The machine-wide lock of one collection on one store (by its address). */
  private Path collectionLock(OpenStores stores, String storeName, String collection) {
    String key = Hashing.sha256Hex(stores.uris().get(storeName) + "\n" + collection).substring(0, 16);
    return components.lockDir().resolve("collections").resolve(collection + "-" + key + ".lock");
  }

  /** Encodes and searches one strategy's pending cells under one progress line (a step per query encoded or searched). */
  private int runCells(Strategy strategy, List<CellId> pending, RunSelection selection,
      OpenStores stores, String collection, CellExecutor executor) {
    List<QuerySet> sets = selection.querySets().stream().filter(qs -> observer != null
        || pending.stream().anyMatch(c -> c.querySet().equals(qs.name()))).toList();
    long work = sets.stream().mapToLong(qs -> qs.queries().size()
        * (1L + pending.stream().filter(c -> c.querySet().equals(qs.name())).count())).sum();
    int ran = 0;
    try (Progress progress = new Progress(err, String.format(Locale.ROOT,
        "%s: %d cells, queries encoded + searched", strategy.id(), pending.size()), work)) {
      for (QuerySet qs : sets) {
        List<CellExecutor.Planned> plans = executor.plan(strategy, qs, progress);
        if (observer != null) {
          observer.planned(strategy, qs, plans.stream().map(CellExecutor.Planned::query).toList(),
              plans.stream().map(CellExecutor.Planned::plan).toList());
        }
        for (CellId cell : pending.stream().filter(c -> c.querySet().equals(qs.name())).toList()) {
          executor.run(cell, qs, plans, strategy, stores.get(cell.store()), collection, progress);
          ran++;
        }
      }
    }
    return ran;
  }

  /** The fixed parts: the resolved experiment, the dataset card, the corpus and the query sets. */
  private void writeInputs(RunDirectory runDir, Dataset dataset, RunSelection selection) {
    RunJson.writeString(runDir.file("experiment.resolved.json"), ConfigHash.json(exp));
    RunJson.writeJson(runDir.file("dataset-card.json"), dataset.card());
    runDir.writeItems(selection.corpus(), TextSummary::name);
    selection.querySets().forEach(runDir::writeQuerySet);
  }

  private List<Map<String, Object>> models(StrategyFactory factory) {
    return factory.modelIds().stream().map(id -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("card", components.modelCard(id));
      return m;
    }).toList();
  }
}
