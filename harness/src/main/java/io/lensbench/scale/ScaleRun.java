package io.lensbench.scale;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.QuerySet;
import io.lensbench.datasets.grow.DatasetGrower;
import io.lensbench.datasets.grow.DistractorMode;
import io.lensbench.datasets.grow.ItemCount;
import io.lensbench.runner.Environment;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ProcessMemory;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.RunSelection;
import io.lensbench.runner.StrategyFactory;
import io.lensbench.strategies.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code bench scale}: for each corpus size, grows the dataset (seeded vector-model distractors,
 * qrels unchanged), encodes the queries once, runs every store's index sweep and records this
 * JVM's memory for the step. The result is one JSON document ({@link ScaleResults}).
 */
public final class ScaleRun {
  private final Experiment base;
  private final ScaleSettings settings;
  private final Environment env;
  private final Map<String, StoreServer> servers;
  private final PrintStream err;

  /**
   * @param base the experiment the steps derive from (its dataset, stores and the strategy named
   *     in the settings); each step points its dataset at the grown copy
   * @param servers the embedded stores' servers by store name (a store not in it: {@link StoreServer#unknown})
   */
  public ScaleRun(Experiment base, ScaleSettings settings, Environment env,
      Map<String, StoreServer> servers, PrintStream err) {
    this.base = base;
    this.settings = settings;
    this.env = env;
    this.servers = servers;
    this.err = err;
  }

  /** Every step, in order; a store that failed at one size is not tried at larger ones. */
  public List<Map<String, Object>> run() {
    return run(done -> { });
  }

  /** {@link #run()}, handing the steps measured so far to {@code afterEachStep} after each one. */
  public List<Map<String, Object>> run(Consumer<List<Map<String, Object>>> afterEachStep) {
    List<Map<String, Object>> steps = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    for (long n : settings.steps()) {
      steps.add(step(n, stopped));
      afterEachStep.accept(List.copyOf(steps));
    }
    return steps;
  }

  private Map<String, Object> step(long n, List<String> stopped) {
    Path grown = grow(n);
    Experiment exp = at(grown);
    resetPeakRss();
    long t0 = System.nanoTime();
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("items", n);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ProcessMemory memory = new ProcessMemory();
        RunComponents components = RunComponents.open(exp, env, err)) {
      RunSelection selection = RunSelection.of(exp, components.dataset(), components.distractors());
      Map<String, Strategy> built = new StrategyFactory(components).buildAll(exp);
      QuerySet qs = selection.querySets().get(0);
      step.put("distractors", selection.distractors() == null ? 0 : selection.distractors().count());
      step.put("distractorMode", DistractorMode.VECTOR_MODEL.wireName());
      step.put("querySet", qs.name());
      for (String id : settings.strategies()) {
        Strategy strategy = built.get(id);
        ScaleQueries queries = ScaleQueries.encode(strategy, qs);
        step.put("queries", queries.ids().size());
        for (Experiment.StoreSpec spec : exp.stores()) {
          if (stopped.contains(spec.name())) {
            continue;
          }
          StoreSweep sweep = new StoreSweep(components.store(spec), strategy, selection, queries, settings,
              servers.getOrDefault(spec.name(), StoreServer.unknown()), err);
          List<Map<String, Object>> storeRows = sweep.run(settings.sweeps().get(spec.name()));
          if (storeRows.stream().anyMatch(r -> r.containsKey("error"))) {
            stopped.add(spec.name());
          }
          rows.addAll(storeRows);
        }
      }
      step.put("jvm", memory.jvm());
    }
    step.put("seconds", StoreSweep.round((System.nanoTime() - t0) / 1e9));
    step.put("loadAverage", ProcessMemory.loadAverage());
    step.put("rows", rows);
    return step;
  }

  /**
   * The grown dataset for {@code n} items under the LensBench home, grown once per base dataset
   * (its checksum: a rebuilt base gets new grown copies, whose models are the rebuilt base's), size
   * and seed.
   */
  private Path grow(long n) {
    Path baseDir = RunComponents.datasetDir(base.dataset(), env);
    String checksum = io.lensbench.eval.run.RunJson.read(baseDir.resolve("dataset.json")).path("checksum").asText("");
    if (!checksum.matches("[0-9a-f]{12,}")) {
      throw new BadInputException(baseDir.resolve("dataset.json") + ": expected a 'checksum' of hex digits, found '"
          + checksum + "'");
    }
    Path out = env.home().resolve("datasets").resolve("scale").resolve(String.format(Locale.ROOT, "%s-%s-seed%d-%s",
        base.dataset().name(), ItemCount.format(n), settings.seed(), checksum.substring(0, 12)));
    if (Files.isRegularFile(out.resolve("dataset.json"))) {
      return out;
    }
    err.printf(Locale.ROOT, "scale: growing %s to %s items -> %s%n", baseDir, ItemCount.format(n), out);
    new DatasetGrower(new DatasetGrower.Options(baseDir, out, n, settings.seed(), DistractorMode.VECTOR_MODEL,
        base.dataset().split(), "lensbench bench scale"), err::println).grow();
    return out;
  }

  private Experiment at(Path grown) {
    Experiment.DatasetSpec d = new Experiment.DatasetSpec(base.dataset().name(), grown.toString(),
        base.dataset().split());
    return new Experiment(base.schemaVersion(), base.name(), d, List.of(settings.querySet()), base.stores(),
        base.models(), base.index(), base.strategies(), null, settings.k(), base.concurrency(),
        settings.batchSize(), base.seed(), base.limits(), base.output());
  }

  /** Starts this JVM's peak resident set afresh (Linux: 5 to clear_refs), so each step reports its own peak. */
  private void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      err.println("scale: could not reset the peak resident set (" + e.getMessage()
          + "); each step's peak then includes the steps before it");
    }
  }

  /** Bad input when the settings name a store without a sweep. */
  static void check(Experiment base, ScaleSettings settings) {
    for (Experiment.StoreSpec s : base.stores()) {
      if (!settings.sweeps().containsKey(s.name())) {
        throw new BadInputException("bench scale: store '" + s.name() + "': expected an index sweep, found none");
      }
    }
  }
}
