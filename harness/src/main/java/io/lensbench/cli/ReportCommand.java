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
      "Writes one self-contained HTML report (no network: inline CSS, JS, SVG and thumbnails) for a run",
      "directory, plus every table as tables/*.csv and tables/*.json next to it. With --compare, a",
      "comparison of two runs: per-cell deltas, paired randomization tests, Holm correction."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory (docs/run-directory.md)")
  Path runDir;

  @Option(names = "--compare", paramLabel = "OTHER_RUN_DIR", description = "second run to compare against (B − A)")
  Path compare;

  @Option(names = "--out", paramLabel = "FILE",
      description = "HTML file to write (default RUN_DIR/report.html, or RUN_DIR/compare-<OTHER>.html)")
  Path out;

  @Option(names = "--max-drilldown", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_MAX_DRILLDOWN,
      description = "queries per query set in the drill-down (size budget; default ${DEFAULT-VALUE})")
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
