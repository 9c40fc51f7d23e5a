package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.eval.run.RunJson;
import io.lensbench.reports.ScalePage;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.runner.Environment;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.ProcessMemory;
import io.lensbench.scale.ScaleFile;
import io.lensbench.scale.ScaleResults;
import io.lensbench.scale.ScaleRun;
import io.lensbench.scale.StoreServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lensbench bench scale [--quick] [PLAN]}: growth curves and index sweeps (docs/scale.md). */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Grows the dataset step by step with seeded distractors, builds every store's index sweep at each size and measures build time, latency, QPS, memory and quality.",
        "Starts the embedded stores the plan names and prepares the base dataset and models first (each reused when present).",
        "Writes scale.json and scale.html into the output directory (see the scale page of the docs)."})
final class ScaleCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
      description = "Scale plan file (default: the project's scale plan).")
  Path plan;

  @Option(names = "--quick", description = "The plan's quick profile (10 thousand and 30 thousand items in the project's scale plan), under 15 minutes on 2 cores.")
  boolean quick;

  @Option(names = {"-o", "--output"}, description = "Output directory (default: scale-quick or scale in the runs folder).")
  Path output;

  @Option(names = "--steps", split = ",", paramLabel = "N",
      description = "Corpus sizes instead of the profile's, comma-separated, such as 100k or 1M.")
  List<String> steps;

  @Option(names = "--store", split = ",", paramLabel = "NAME",
      description = "Only these stores of the plan, comma-separated (default: every store the plan lists).")
  List<String> stores;

  @Option(names = "--with", paramLabel = "DIR",
      description = "An earlier scale output directory whose steps (smaller sizes) join this run's in the fits, charts and tables.")
  Path with;

  @Option(names = "--source", defaultValue = "fashion-kaggle-default",
      description = "Fashion source the base dataset is built from when it is missing: fashion-kaggle-default | fashion-kaggle-9k (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--data", description = "Data root holding the source folder (else LENSBENCH_DATA, ../shared/datasets, ./data).")
  Path data;

  @Override
  public Integer call() {
    Path root = ProjectRoot.find();
    Path file = plan != null ? plan : root.resolve("experiments/scale.yaml");
    ScaleFile.Plan p = ScaleFile.read(file, quick).withSteps(steps).withStores(stores);
    Path out = output != null ? output : root.resolve(quick ? "runs/scale-quick" : "runs/scale");
    long t0 = System.nanoTime();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("plan", file.toString());
    doc.put("profile", quick ? "quick" : "full");
    doc.put("started", Instant.now().toString());
    doc.put("loadAverageAtStart", ProcessMemory.loadAverage());
    doc.put("settings", p.settings().toJson());
    Environment env = Environment.system();
    prepare(p.experiment(), env);
    List<Map<String, Object>> earlier = with == null ? List.of() : ScaleFile.steps(with.resolve("scale.json"));
    doc.put("joinedFrom", with == null ? null : with.resolve("scale.json").toString());
    // written after every size (complete: false) so a run killed at 1M keeps the smaller sizes
    List<Map<String, Object>> measured = new ScaleRun(p.experiment(), p.settings(), env,
        StoreServer.ofEmbeddedStores(), System.err).run(done -> write(out, doc, earlier, done, t0, false));
    write(out, doc, earlier, measured, t0, true);
    System.out.print(ScalePage.text(RunJson.read(out.resolve("scale.json"))));
    System.out.println("scale results: " + out.resolve("scale.json") + ", " + out.resolve("scale.html"));
    return ExitCode.OK.code();
  }

  /** scale.json and scale.html of the steps measured so far, joined with the earlier run's. */
  private static void write(Path out, Map<String, Object> doc, List<Map<String, Object>> earlier,
      List<Map<String, Object>> measured, long t0, boolean complete) {
    List<Map<String, Object>> all = ScaleFile.joined(earlier, measured);
    doc.put("complete", complete);
    doc.put("steps", all);
    doc.put("growth", ScaleResults.growth(all));
    doc.put("fronts", ScaleResults.fronts(all));
    doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    doc.put("loadAverageAtEnd", ProcessMemory.loadAverage());
    doc.put("cores", Runtime.getRuntime().availableProcessors());
    RunJson.writeJson(out.resolve("scale.json"), doc);
    RunJson.writeString(out.resolve("scale.html"), ScalePage.html(RunJson.read(out.resolve("scale.json"))));
  }

  /**
   * What the plan needs before its first step, each reused when present: the embedded stores it
   * names, the base dataset (the fashion dataset is built from {@code --source} when missing), the
   * pretrained models and the joint models the plan's strategies use.
   */
  private void prepare(Experiment e, Environment env) {
    PrintStream err = System.err;
    Preparation prepare = new Preparation(env, err);
    err.println("scale: embedded stores");
    prepare.stores(e);
    Path dir = RunComponents.datasetDir(e.dataset(), env);
    err.println("scale: base dataset " + e.dataset().name() + " -> " + dir);
    Dataset dataset = e.dataset().name().equals("fashion")
        ? prepare.fashion(dir, source, data, false) : DatasetLoader.load(dir);
    err.println("scale: pretrained models");
    prepare.pretrained();
    err.println("scale: joint image-text models the plan names");
    prepare.jointModels(dataset, e);
  }
}
