package io.lensbench.runner;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.QuerySet;
import io.lensbench.runner.Experiment.StrategySpec;
import io.lensbench.strategies.Strategy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
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
    Instant started = Instant.now();
    Path dir = Path.of(exp.output()).toAbsolutePath().normalize();
    String configHash = ConfigHash.of(exp);
    ConfigHash.guard(dir, configHash);

    Dataset dataset = components.dataset();
    RunSelection selection = RunSelection.of(exp, dataset);
    OpenStores stores = OpenStores.open(exp.stores(), components);
    StrategyFactory factory = new StrategyFactory(components);
    Map<String, Strategy> strategies = factory.buildAll(exp);
    RerankStage reranker = components.reranker(exp.rerankerSpec());
    String rerankerId = reranker == null ? null : reranker.id();
    RunProvenance provenance =
        new RunProvenance(exp, experimentFile, dataset, selection.corpus().size(), configHash, started);

    RunFiles.writeInputs(dir, ConfigHash.json(exp), dataset, selection);
    RunFiles.writeJson(dir.resolve("provenance.json"),
        provenance.toJson(models(factory), stores, null));

    Matrix matrix = Matrix.of(dir, dataset.name(), selection.querySets(), strategies.keySet(),
        stores.stores().keySet(), rerankerId);
    long skipped = matrix.doneCount();
    err.printf(Locale.ROOT, "run %s: %d cells (%d query sets x %d strategies x %d stores), %d already done, corpus %d items -> %s%n",
        exp.name(), matrix.cells().size(), selection.querySets().size(), strategies.size(),
        stores.stores().size(), skipped, selection.corpus().size(), dir);

    IndexManager indexes = new IndexManager(dataset, selection, exp.batchSize(), reindex, err);
    CellExecutor executor = new CellExecutor(dir, exp, reranker, dataset,
        components.scorer(exp.seed()), err);
    int ran = 0;
    for (StrategySpec spec : exp.strategies()) {
      ran += runStrategy(spec, strategies.get(spec.id()), matrix, selection, stores, indexes, executor);
    }

    Parity.write(dir, matrix, dataset.name(), selection.querySets(), strategies.keySet(),
        stores.stores().keySet(), rerankerId, exp);
    RunFiles.writeJson(dir.resolve("provenance.json"),
        provenance.toJson(models(factory), stores, Instant.now()));
    Map<String, Map<String, Double>> summaries = RunSummary.read(dir, matrix.cells());
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
    for (String storeName : storesNeeded) {
      indexes.ensure(stores.get(storeName), strategy, collection);
      if (observer != null) {
        observer.indexed(strategy, storeName, collection, stores.get(storeName).count(collection),
            selection.corpus());
      }
    }
    int ran = 0;
    for (QuerySet qs : selection.querySets()) {
      List<CellId> qsPending = pending.stream().filter(c -> c.querySet().equals(qs.name())).toList();
      if (qsPending.isEmpty() && observer == null) {
        continue;
      }
      List<CellExecutor.Planned> plans = executor.plan(strategy, qs);
      if (observer != null) {
        observer.planned(strategy, qs, plans.stream().map(CellExecutor.Planned::query).toList(),
            plans.stream().map(CellExecutor.Planned::plan).toList());
      }
      for (CellId cell : qsPending) {
        executor.run(cell, qs, plans, strategy, stores.get(cell.store()), collection);
        ran++;
      }
    }
    return ran;
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
