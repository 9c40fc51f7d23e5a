package io.lensbench.reports;

import io.lensbench.eval.run.RunIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Public entry point: {@code ReportWriter.write(runDir, ReportOptions.defaults())} writes
 * RUN_DIR/report.html plus RUN_DIR/tables/*.csv and *.json and returns the HTML path. Called by
 * {@code lensbench report} and at the end of {@code run} / {@code demo}.
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static Path write(Path runDir, ReportOptions requested) {
    RunData run = RunData.load(runDir);
    if (requested.compareTo() != null) {
      // the comparison pairs queries: refuse runs measured on different data
      RunIdentity.requireComparable(RunIdentity.of(runDir), RunIdentity.of(requested.compareTo()));
    }
    RunData other = requested.compareTo() == null ? null : RunData.load(requested.compareTo());
    ReportOptions options = withAvailablePrimary(requested, run);
    Path html = options.out() != null ? options.out()
        : other == null ? runDir.resolve("report.html")
            : runDir.resolve("compare-" + Html.token(String.valueOf(options.compareTo().toAbsolutePath().normalize().getFileName())) + ".html");
    Path parent = html.toAbsolutePath().getParent();
    Path tablesDir = parent.resolve("tables");
    ObjectMapper json = new ObjectMapper();
    ReportModel model = new ReportModel(run, other, options);
    Page report = new Page(model, json);
    String page = report.render();
    // the footer states the final size; substituting the number changes the size by a few bytes at most
    long approx = page.getBytes(StandardCharsets.UTF_8).length;
    page = page.replace(Page.BUDGET, report.budgetFooter(approx));
    try {
      Files.createDirectories(tablesDir);
      String prefix = other == null ? "" : "compare-";
      for (ReportTable t : model.exports()) {
        t.writeCsv(tablesDir.resolve(prefix + t.name() + ".csv"));
        t.writeJson(tablesDir.resolve(prefix + t.name() + ".json"), json);
      }
      Path tmp = Files.createTempFile(parent, ".report", ".html.tmp");
      Files.writeString(tmp, page, StandardCharsets.UTF_8);
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadInputException("cannot write report to " + html + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException("cannot write report tables to " + tablesDir + ": " + e.getCause().getMessage(), e);
    }
    return html;
  }

  /** A run scored without the primary metric (e.g. without nDCG) falls back to the last overview metric it has. */
  static ReportOptions withAvailablePrimary(ReportOptions options, RunData run) {
    if (run.cells().stream().anyMatch(c -> c.scores().summary().has(options.primaryMetric()))) {
      return options;
    }
    List<String> have = MetricNames.overview(run.cells());
    return have.isEmpty() ? options : options.withPrimaryMetric(have.get(have.size() - 1));
  }
}
