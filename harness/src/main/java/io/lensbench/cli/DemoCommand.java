package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.datasets.AtomicDirectory;
import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointTrainingConfig;
import io.lensbench.reports.ReportOptions;
import io.lensbench.reports.ReportWriter;
import io.lensbench.runner.Environment;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.runner.Runner;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lensbench demo}: the main job on a fresh machine. Starts the embedded stores the
 * experiment names (by default the Milvus server and OpenSearch), builds the fashion dataset,
 * trains the joint image–text model once, runs the default experiment (every strategy × every
 * store × every query set) and writes the report. Every step reuses what an
 * earlier demo left (installs, dataset, model, encodings, indexes, finished cells).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole demo, from starting the stores to the HTML report.",
      "Installs and starts the embedded stores, builds the fashion dataset, trains the joint image-text model (once), runs experiments/demo.yaml (every strategy x the Milvus server and OpenSearch x every query kind) and writes the HTML report. Milvus Lite stays available as the store 'milvus-lite'.",
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

    List<String> embedded = resolved.stores().stream()
        .filter(s -> s.uri() == null).map(Experiment.StoreSpec::name).toList();
    step(err, 1, "embedded stores " + embedded);
    EmbeddedStores.Endpoints endpoints = EmbeddedStores.ensureRunning(embedded);
    err.println("      " + endpoints);
    Environment env = Environment.system();
    Path datasetDir = RunComponents.datasetDir(resolved.dataset(), env);

    step(err, 2, "fashion dataset (" + source + ") -> " + datasetDir);
    if (Files.isRegularFile(datasetDir.resolve("dataset.json"))) {
      err.println("      reusing the built dataset");
    } else {
      Path sourceDir = DataRoot.fromEnvironment(data).locate(source, KaggleFashionLoader.ITEMS);
      AtomicDirectory.build(datasetDir, "dataset folder " + datasetDir, NativeLayout.CARD,
          tmp -> new FashionBuilder(
                  new FashionBuilder.Options(source, sourceDir, tmp, 42, 150, 0.3, false, true),
                  Glossary.load(),
                  m -> err.println("      " + m))
              .build());
    }
    Dataset dataset = DatasetLoader.load(datasetDir);

    step(err, 3, "joint image-text model (trained on the TRAIN split, once)");
    JointTrainingConfig cfg = JointTrainingConfig.defaults();
    Path modelDir = JointModels.defaultDir(dataset, cfg, TextEncoders.DEFAULT_ID);
    JointModels.trainIfMissing(dataset, cfg, modelDir, m -> err.println("      " + m));

    step(err, 4, "experiment " + file);
    Runner.Result result;
    try (RunComponents components = RunComponents.open(resolved, env, err)) {
      result = new Runner(resolved, components, reindex, out, err).run();
    }

    step(err, 5, "report");
    Path html = ReportWriter.write(result.runDir(), ReportOptions.defaults());
    out.println();
    out.println("run directory: " + result.runDir());
    out.println("report:        " + html);
    out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return ExitCode.OK.code();
  }

  private static void step(PrintStream err, int n, String what) {
    err.printf(Locale.ROOT, "demo [%d/5] %s%n", n, what);
    err.flush();
  }
}
