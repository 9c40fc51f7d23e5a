package io.lensbench.cli;

import io.lensbench.bench.BenchFixtureBuilder;
import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import io.lensbench.core.InfrastructureException;
import io.lensbench.runner.Environment;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.runner.Runner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lensbench bench [--quick] [EXPERIMENT]}: builds (or reuses) the experiment's indexes by
 * running it, writes a benchmark fixture (collections + pre-encoded seeded query ring), then runs
 * the JMH benchmarks in a separate JVM (JMH forks its own) and writes {@code bench/jmh.json} and
 * {@code bench/summary.json} into the run directory, where the report picks them up.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {ScaleCommand.class},
    description = {
      "Runs the JMH latency benchmarks against the experiment's real indexes.",
      "Measures search latency per strategy x store x k (raw store calls vs the harness path), a concurrency sweep (1, 2, 4, 8 threads: QPS and p99), fusion cost, encoder latency, rerank client overhead against a fake endpoint, and indexing throughput per store.",
      "Results go to the bench folder of the run directory: jmh.json (JMH JSON) and summary.json."
    })
public final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT",
      description = "Experiment file (default: experiments/demo.yaml).")
  Path experiment;

  @Option(names = "--quick", description = "Quick profile (1 fork, short iterations, k=10, at most 4 strategies): under 5 minutes on 2 cores.")
  boolean quick;

  @Option(names = {"-o", "--output"}, description = "Run directory (overrides the experiment's 'output').")
  String output;

  @Option(names = "--ring", defaultValue = "64", description = "Queries in the seeded benchmark ring per strategy (default: ${DEFAULT-VALUE}).")
  int ring;

  @Option(names = "--no-report", description = "Do not regenerate the run's HTML report afterwards.")
  boolean noReport;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = ProjectRoot.find();
    Path file = experiment != null ? experiment : root.resolve("experiments/demo.yaml");
    Experiment raw = ExperimentReader.read(file);
    Experiment resolved =
        ExperimentValidator.resolve(
            raw, new Overrides(output, null, null, null, null, null, null, null), file.toString());
    Path fixtureFile;
    Path runDir;
    try (RunComponents components = RunComponents.open(resolved, Environment.system(), System.err)) {
      BenchFixtureBuilder builder = new BenchFixtureBuilder(file, resolved, ring, quick);
      Runner runner = new Runner(resolved, components, false, System.out, System.err);
      runner.observe(builder);
      Runner.Result result = runner.run();
      runDir = result.runDir();
      fixtureFile = builder.write(runDir, components);
    }
    Path benchDir = runDir.resolve("bench");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(benchmarksClasspath(root));
    cmd.add("-Dai.djl.offline=true");
    cmd.add("io.lensbench.benchmarks.BenchMain");
    cmd.add("--fixture");
    cmd.add(fixtureFile.toString());
    cmd.add("--out");
    cmd.add(benchDir.toString());
    cmd.add("--profile");
    cmd.add(quick ? "quick" : "full");
    System.err.println("bench: running JMH (" + (quick ? "quick" : "full") + " profile) ...");
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    int rc = p.waitFor();
    if (rc != 0) {
      throw new InfrastructureException("JMH benchmarks failed (exit " + rc + "); see the output above");
    }
    System.out.println("bench results: " + benchDir.resolve("jmh.json") + ", "
        + benchDir.resolve("summary.json"));
    if (!noReport) {
      Path html = io.lensbench.reports.ReportWriter.write(runDir,
          io.lensbench.reports.ReportOptions.defaults());
      System.out.println("report: " + html);
    }
    return ExitCode.OK.code();
  }

  static String benchmarksClasspath(Path root) {
    Path classes = root.resolve("benchmarks/target/classes");
    Path lib = root.resolve("benchmarks/target/lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new BadInputException(
          "the benchmarks module is not built (" + classes + "): run ./lensbench (it builds) or mvn package");
    }
    return classes + File.pathSeparator + lib + File.separator + "*";
  }
}
