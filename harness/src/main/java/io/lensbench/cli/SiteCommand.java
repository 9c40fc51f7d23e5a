package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.reports.ReportOptions;
import io.lensbench.reports.SiteWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lensbench site RUN_DIR... --out DIR}: a static site of reports and comparisons. */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a static site of published reports into DIR (format: docs/reports.md).",
      "DIR/index.html lists the runs with dataset, date, commit and headline numbers; DIR/runs/<run>/report.html is each run's "
          + "self-contained report; DIR/compare/<a>__<b>/report.html compares two runs, the older as A.",
      "No page makes a network request, and file names come from the run folders' names reduced to safe characters."
    })
public final class SiteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories to publish.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the site (created when missing).")
  Path out;

  @Option(names = "--pairs", paramLabel = "all|consecutive|none", defaultValue = "all",
      description = "Comparison pages: every pair, each run against the one before it, or none (default: ${DEFAULT-VALUE}).")
  String pairs;

  @Option(names = "--max-drilldown", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_MAX_DRILLDOWN,
      description = "Queries per query set in each drill-down (default: ${DEFAULT-VALUE}).")
  int maxDrilldown;

  @Override
  public Integer call() {
    SiteWriter.Pairs which = switch (pairs) {
      case "all" -> SiteWriter.Pairs.ALL;
      case "consecutive" -> SiteWriter.Pairs.CONSECUTIVE;
      case "none" -> SiteWriter.Pairs.NONE;
      default -> throw new io.lensbench.core.BadInputException("--pairs: expected all, consecutive or none, found '" + pairs + "'");
    };
    List<SiteWriter.Page> pages = SiteWriter.write(runs, out, which, ReportOptions.defaults().withMaxDrilldown(maxDrilldown));
    PrintWriter pw = spec.commandLine().getOut();
    long total = 0;
    for (SiteWriter.Page p : pages) {
      total += p.bytes();
      pw.println(String.format(Locale.ROOT, "%-8s %s (%,d bytes, %.1f s)", p.kind(), p.file(), p.bytes(), p.seconds()));
    }
    pw.println(String.format(Locale.ROOT, "site: %d pages, %,d bytes -> %s", pages.size(), total,
        out.toAbsolutePath().normalize().resolve("index.html")));
    pw.flush();
    return ExitCode.OK.code();
  }
}
