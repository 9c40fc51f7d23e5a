package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.datasets.Dataset;
import io.lensbench.reports.ReportOptions;
import io.lensbench.reports.ReportWriter;
import io.lensbench.runner.Environment;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.runner.Runner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lensbench demo}: the main job on a fresh machine. Starts the embedded stores the
 * experiment names (by default the Milvus server and OpenSearch), builds the fashion dataset,
 * prepares the pretrained models, trains the joint image–text models the experiment names once,
 * runs the default experiment (every strategy × every store × every query set) and writes the
 * report. Every step reuses what an earlier demo left (installs, dataset, models, encodings,
 * indexes, finished cells).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole demo, from starting the stores to the HTML report.",
      "Installs and starts the embedded stores, builds the fashion dataset, prepares the pretrained models and trains the joint image-text models (once), runs experiments/demo.yaml (every strategy x the Milvus server and OpenSearch x every query kind) and writes the HTML report. Milvus Lite stays available as the store 'milvus-lite'.",
      "A second run reuses every cache."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--source", defaultValue = "fashion-kaggle-default",
      description = "Fashion source under the data root: fashion-kaggle-default | fashion-kaggle-9k (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--data", description = "Data root holding the source folder (else LENSBENCH_DATA, ../shared/datasets, ./data).")
  Path data;

  @Option(names = "--experiment", description = "Experiment file (default: experiments/demo.yaml).")
  Path experiment;

  @Option(names = {"-o", "--output"}, description = "Run directory (default: the experiment's output, runs/demo).")
  String output;

  @Option(names = "--reindex", description = "Rebuild every collection even when its content hash matches.")
  boolean reindex;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    long t0 = System.nanoTime();
    Path root = ProjectRoot.find();

    Path file = experiment != null ? experiment : root.resolve("experiments/demo.yaml");
    Experiment raw = ExperimentReader.read(file);
    Experiment resolved = ExperimentValidator.resolve(raw,
        new Overrides(output, null, null, null, null, null, null, null), file.toString());

    Environment env = Environment.system();
    Preparation prepare = new Preparation(env, err);
    step(err, 1, "embedded stores");
    prepare.stores(resolved);
    Path datasetDir = RunComponents.datasetDir(resolved.dataset(), env);

    step(err, 2, "fashion dataset (" + source + ") -> " + datasetDir);
    Dataset dataset = prepare.fashion(datasetDir, source, data, true);

    step(err, 3, "pretrained models (USE multilingual v3, EfficientNet-Lite0; prepared once)");
    prepare.pretrained();

    step(err, 4, "joint image-text models the experiment names (trained on the TRAIN split, once)");
    prepare.jointModels(dataset, resolved);

    step(err, 5, "experiment " + file);
    Runner.Result result;
    try (RunComponents components = RunComponents.open(resolved, env, err)) {
      result = new Runner(resolved, components, reindex, out, err).run();
    }

    step(err, 6, "report");
    Path html = ReportWriter.write(result.runDir(), ReportOptions.defaults());
    out.println();
    out.println("run directory: " + result.runDir());
    out.println("report:        " + html);
    out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return ExitCode.OK.code();
  }

  private static void step(PrintStream err, int n, String what) {
    err.printf(Locale.ROOT, "demo [%d/6] %s%n", n, what);
    err.flush();
  }
}
