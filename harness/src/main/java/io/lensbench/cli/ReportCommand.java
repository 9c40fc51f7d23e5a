package io.lensbench.cli;

import io.lensbench.reports.ReportOptions;
import io.lensbench.reports.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a self-contained HTML report (plus tables/*.csv and *.json) for a run directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one self-contained HTML report for a run directory.",
      "The page makes no network request (inline CSS, JS, SVG and thumbnails); every table is also written as CSV and JSON in a tables folder next to it.",
      "With --compare, a comparison of two runs: per-cell deltas, paired randomization tests, Holm correction."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory (format: docs/run-directory.md).")
  Path runDir;

  @Option(names = "--compare", paramLabel = "OTHER_RUN_DIR", description = "Second run to compare against (B − A).")
  Path compare;

  @Option(names = "--out", paramLabel = "FILE",
      description = "HTML file to write (default: report.html in RUN_DIR, or compare-<OTHER>.html with --compare).")
  Path out;

  @Option(names = "--max-drilldown", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_MAX_DRILLDOWN,
      description = "Queries per query set in the drill-down (size budget; default: ${DEFAULT-VALUE}).")
  int maxDrilldown;

  @Override
  public Integer call() {
    ReportOptions options = ReportOptions.defaults().withMaxDrilldown(maxDrilldown).withCompareTo(compare).withOut(out);
    Path html = ReportWriter.write(runDir, options);
    long bytes;
    try {
      bytes = Files.size(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec.commandLine().getOut().println(String.format(Locale.ROOT, "report: %s (%,d bytes); tables: %s",
        html, bytes, html.toAbsolutePath().getParent().resolve("tables")));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
