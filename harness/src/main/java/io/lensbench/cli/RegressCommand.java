package io.lensbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.ExitCode;
import io.lensbench.eval.run.RunJson;
import io.lensbench.regress.Expected;
import io.lensbench.regress.ExpectedDiff;
import io.lensbench.regress.ExpectedFile;
import io.lensbench.regress.GeneratedRegions;
import io.lensbench.regress.IndexCounts;
import io.lensbench.regress.Measurement;
import io.lensbench.regress.RegressionCheck;
import io.lensbench.runner.ExperimentReader;
import io.lensbench.runner.ExperimentValidator;
import io.lensbench.runner.Overrides;
import io.lensbench.runner.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lensbench regress EXPERIMENT}: runs or resumes an experiment and checks it against its expected file. */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    description = {
      "Runs or resumes an experiment and checks every value against the expected file next to it, <name>.expected.yaml (format: docs/regressions.md).",
      "Prints OK, within tolerance or FAIL per cell.",
      "Exit 0 when every value holds, 1 on any FAIL, 2 when the expected file is missing or malformed or a cell or metric is missing or NaN.",
      "With --update, rewrites the expected file from the run, shows what changed and regenerates the README and docs tables."
    })
public final class RegressCommand implements Callable<Integer> {

  /** Runs (or resumes) the experiment into a run directory and counts its indexes. */
  @FunctionalInterface
  public interface RunStep {
    Outcome run(Path experiment, String output, PrintStream err);
  }

  /**
   * A finished run: its directory, the provenance of the run that produced its values (the one
   * found before resuming when no cell had to run) and the observed index counts (strategy →
   * store → documents).
   */
  public record Outcome(Path runDir, JsonNode provenance, Map<String, Map<String, Long>> indexes) {}

  private final RunStep step;
  private final PrintStream out;
  private final PrintStream err;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file; its expected file sits next to it.")
  Path experiment;

  @Option(names = {"-o", "--output"}, description = "Run directory (overrides the experiment's output).")
  String output;

  @Option(names = "--update", description = "Rewrite the expected file from the run instead of checking it.")
  boolean update;

  @Option(names = "--tables", description = "Only regenerate the README and docs tables from the expected files; run nothing.")
  boolean tables;

  public RegressCommand() {
    this(RegressCommand::runThroughRunCommand, System.out, System.err);
  }

  public RegressCommand(RunStep step, PrintStream out, PrintStream err) {
    this.step = step;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (tables) {
      printRegenerated(GeneratedRegions.writeAll(ProjectRoot.find()));
      return ExitCode.OK.code();
    }
    Path expectedFile = ExpectedFile.of(experiment);
    Expected previous = update ? previousOrNull(expectedFile) : ExpectedFile.read(expectedFile);
    Outcome run = step.run(experiment, output, err);
    List<String> metrics = previous == null ? Expected.DEFAULT_METRICS : previous.metrics();
    Expected measured = Measurement.of(run.runDir(), run.provenance(), experimentName(run.runDir()), metrics, run.indexes());
    return update ? update(expectedFile, previous, measured, run.runDir()) : check(expectedFile, previous, measured, run.runDir());
  }

  private int check(Path expectedFile, Expected expected, Expected measured, Path runDir) {
    out.printf(Locale.ROOT, "regress %s: %s against %s%n", expected.experiment(), runDir, expectedFile);
    String want = expected.measuredOn().configHash();
    String have = measured.measuredOn().configHash();
    if (want != null && have != null && !want.equals(have)) {
      out.println("note: the run's config hash differs from the expected file's (the experiment, a model or the "
          + "dataset changed since the values were measured)");
    }
    RegressionCheck c = RegressionCheck.of(expected, measured);
    out.print(c.format());
    out.flush();
    return c.exitCode();
  }

  private int update(Path expectedFile, Expected previous, Expected measured, Path runDir) {
    Expected next = Measurement.complete(previous == null ? measured : measured.withSettingsOf(previous), runDir);
    ExpectedFile.write(expectedFile, next, experiment.toString());
    List<String> diff = previous == null ? List.of() : ExpectedDiff.lines(previous, next);
    out.printf(Locale.ROOT, "updated %s from %s: %d cells%s%n", expectedFile, runDir, next.cells().size(),
        previous == null ? " (new file)" : ", " + diff.size() + " change(s)");
    diff.forEach(l -> out.println("  " + l));
    Optional<Path> root = ProjectRoot.tryFind();
    if (root.isPresent()) {
      printRegenerated(GeneratedRegions.writeAll(root.get()));
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private Expected previousOrNull(Path expectedFile) {
    if (!expectedFile.toFile().exists()) {
      return null;
    }
    try {
      return ExpectedFile.read(expectedFile);
    } catch (BadInputException e) {
      err.println("warning: replacing a malformed expected file (" + e.getMessage() + ")");
      return null;
    }
  }

  private void printRegenerated(List<Path> changed) {
    out.println(changed.isEmpty() ? "tables: README and docs up to date"
        : "tables: regenerated " + String.join(", ", changed.stream().map(Path::toString).toList()));
  }

  private String experimentName(Path runDir) {
    JsonNode resolved = RunJson.readIfPresent(runDir.resolve("experiment.resolved.json"));
    String name = resolved.path("name").asText("");
    return name.isEmpty() ? experiment.getFileName().toString().replaceFirst("\\.[^.]+$", "") : name;
  }

  /** The real step: {@code lensbench run}'s path (finished cells skipped), its table silenced. */
  public static Outcome runThroughRunCommand(Path experiment, String output, PrintStream err) {
    IndexCounts counts = new IndexCounts();
    Overrides o = new Overrides(output, null, null, null, null, null, null, null);
    Path dir = Path.of(ExperimentValidator.resolve(ExperimentReader.read(experiment), o, experiment.toString()).output());
    JsonNode before = RunJson.readIfPresent(dir.resolve("provenance.json"));
    Runner.Result r = RunCommand.run(experiment, o, false, counts, new PrintStream(OutputStream.nullOutputStream()), err);
    JsonNode after = RunJson.readIfPresent(r.runDir().resolve("provenance.json"));
    return new Outcome(r.runDir(), r.cellsRun() == 0 && !before.isMissingNode() ? before : after, counts.counts());
  }
}
