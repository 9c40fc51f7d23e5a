package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.runner.Environment;
import io.lensbench.runner.RunComponents;
import io.lensbench.runner.Experiment;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.runner.RunObserver;
import io.lensbench.runner.Runner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lensbench run EXPERIMENT}: the matrix query set × strategy × store, into one run directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an experiment file (YAML or JSON): every query set x strategy x store.",
      "Validates the file, opens the dataset, stores and models, then encodes (batched, cached), indexes (reusing collections whose content hash matches), queries, scores, and writes the run directory (format: docs/run-directory.md).",
      "Rerunning finishes only the missing cells.",
      "Flags override the file's values."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (.yaml, .yml or .json).")
  Path experiment;

  @Option(names = {"-o", "--output"}, description = "Run directory (overrides 'output').")
  String output;

  @Option(names = "--reindex", description = "Rebuild every collection even when its content hash matches.")
  boolean reindex;

  @Option(names = "--k", description = "Run depth: hits kept per query (overrides 'k').")
  Integer k;

  @Option(names = "--concurrency", description = "Queries searched in parallel (overrides 'concurrency').")
  Integer concurrency;

  @Option(names = "--query-sets", split = ",", description = "Only these query sets (comma-separated).")
  List<String> querySets;

  @Option(names = "--strategies", split = ",", description = "Only these strategy ids (comma-separated).")
  List<String> strategies;

  @Option(names = "--stores", split = ",", description = "Only these stores (comma-separated).")
  List<String> stores;

  @Option(names = "--max-items", description = "Index only the first N corpus items (overrides the file's item limit).")
  Integer maxItems;

  @Option(names = "--max-queries", description = "Run only the first N queries per set (overrides the file's query limit).")
  Integer maxQueries;

  @Option(names = "--no-report", description = "Do not write the HTML report at the end.")
  boolean noReport;

  @Override
  public Integer call() {
    return execute(experiment, overrides(), reindex, !noReport, System.out, System.err);
  }

  Overrides overrides() {
    return new Overrides(output, k, concurrency, querySets, strategies, stores, maxItems, maxQueries);
  }

  /** Reads, validates and runs; failures propagate as LensBenchExceptions (exit 2 / 3). */
  public static int execute(Path file, Overrides o, boolean reindex, PrintStream out, PrintStream err) {
    return execute(file, o, reindex, false, out, err);
  }

  /** As {@link #execute(Path, Overrides, boolean, PrintStream, PrintStream)}, then the report. */
  public static int execute(Path file, Overrides o, boolean reindex, boolean report,
      PrintStream out, PrintStream err) {
    Runner.Result r = run(file, o, reindex, null, out, err);
    out.println("run directory: " + r.runDir());
    if (report) {
      Path html = io.lensbench.reports.ReportWriter.write(r.runDir(),
          io.lensbench.reports.ReportOptions.defaults());
      out.println("report: " + html);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /**
   * Reads, validates and runs the experiment (finished cells are skipped, so this resumes);
   * {@code observer}, when not null, sees every strategy's collections and query plans.
   */
  public static Runner.Result run(Path file, Overrides o, boolean reindex, RunObserver observer,
      PrintStream out, PrintStream err) {
    Experiment raw = ExperimentReader.read(file);
    Experiment resolved = ExperimentValidator.resolve(raw, o, file.toString());
    try (RunComponents components = RunComponents.open(resolved, Environment.system(), err)) {
      Runner runner = new Runner(resolved, file.toString(), components, reindex, out, err);
      return (observer == null ? runner : runner.observe(observer)).run();
    }
  }
}
