package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.gate.Gate;
import io.lensbench.gate.GateCheck;
import io.lensbench.gate.GateReport;
import io.lensbench.gate.GateRule;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.run.CellSources;
import io.lensbench.eval.run.RunIdentity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fails (exit 1) when a metric regressed significantly against a committed baseline. */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = {
      "Checks current results against a baseline (a metrics JSON file or a run directory).",
      "Rules: 'METRIC >= -TOL' (drop tolerance, metric units), 'METRIC >= -PCT%' (relative "
          + "tolerance), 'METRIC >= FLOOR absolute' (floor).",
      "Exit 0 when all hold; 1 when a metric dropped beyond tolerance AND significantly (paired "
          + "randomization test), or a floor is violated; 2 when the input cannot be gated: a "
          + "baseline cell missing from the current run, a cell with zero queries, a missing or "
          + "NaN value, or runs measured on different data (see --across-datasets)."})
public final class GateCommand implements Callable<Integer> {
  private final PrintStream out;

  @Option(names = "--baseline", required = true, paramLabel = "FILE|DIR",
      description = "Baseline: a metrics file of one cell or a run directory.")
  Path baseline;

  @Option(names = "--current", required = true, paramLabel = "FILE|DIR",
      description = "Current results: a metrics file of one cell or a run directory.")
  Path current;

  @Option(names = "--rule", required = true, paramLabel = "RULE",
      description = "A rule (repeatable), for example \"recall_at_10 >= -0.01\" or \"mrr >= -2%\" or \"recall_at_10 >= 0.60 absolute\".")
  List<String> rules = new ArrayList<>();

  @Option(names = "--alpha", description = "Significance level (default: 0.05).")
  double alpha = 0.05;

  @Mixin StatsOptions stats = new StatsOptions();

  @Option(names = "--across-datasets",
      description = "Gate runs measured on different data (dataset, queries or qrels): means are compared, queries never paired.")
  boolean acrossDatasets;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary.")
  Path markdown;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
  Path junit;

  public GateCommand() {
    this(System.out);
  }

  public GateCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    List<GateRule> parsed = new ArrayList<>();
    for (String r : rules) {
      parsed.add(GateRule.parse(r));
    }
    Map<String, ScoredCell> b = CellSources.metricsFileOrDirectory(baseline);
    Map<String, ScoredCell> c = CellSources.metricsFileOrDirectory(current);
    if (!acrossDatasets && Files.isDirectory(baseline) && Files.isDirectory(current)) {
      RunIdentity.requireComparable(RunIdentity.of(baseline), RunIdentity.of(current));
    }
    Gate gate = new Gate(stats.paired(), alpha, !acrossDatasets);
    List<GateCheck> checks = gate.check(b, c, parsed);
    for (GateCheck ch : checks) {
      out.println(GateReport.line(ch));
    }
    out.println(GateReport.verdict(checks));
    out.flush();
    write(markdown, GateReport.markdown(checks));
    write(junit, GateReport.junit(checks));
    return Gate.exitCode(checks);
  }

  private static void write(Path file, String text) {
    if (file == null) {
      return;
    }
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
