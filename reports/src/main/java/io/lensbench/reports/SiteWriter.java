package io.lensbench.reports;

import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A static site of published reports: {@code DIR/index.html} lists the runs (dataset, date,
 * commit, headline numbers) and links to {@code DIR/runs/<run>/report.html}, each run's
 * self-contained report regenerated into the site, and to {@code DIR/compare/<a>__<b>/report.html},
 * the report's comparison mode for a pair of runs (older as A, newer as B). File names come from
 * the run folders' names reduced to letters, digits, '-' and '_' (made unique), so no name from
 * data can leave DIR. No page makes a network request.
 */
public final class SiteWriter {
  /** Which pairs of runs get a comparison page. */
  public enum Pairs {
    /** every pair: n(n−1)/2 pages */
    ALL,
    /** each run against the one before it (by date) */
    CONSECUTIVE,
    /** none */
    NONE
  }

  /** One written page: its kind (index, report, compare), file, size and render time. */
  public record Page(String kind, Path file, long bytes, double seconds) {}

  private SiteWriter() {}

  /** Writes the site; returns every page written, the index last. */
  public static List<Page> write(List<Path> runDirs, Path out, Pairs pairs, ReportOptions options) {
    if (runDirs.isEmpty()) {
      throw new BadInputException("site: expected at least one run directory, found none");
    }
    Path root = out.toAbsolutePath().normalize();
    List<SiteRun> runs = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    for (Path dir : runDirs) {
      RunData data = RunData.summary(dir);
      runs.add(new SiteRun(dir, data, unique(slug(data.name()), slugs)));
    }
    runs.sort(Comparator.comparing(SiteRun::date));
    List<Page> pages = new ArrayList<>();
    for (SiteRun r : runs) {
      pages.add(render("report", r.dir(), inside(root, "runs", r.slug(), "report.html"), options));
    }
    List<SiteRun[]> compared = pairs(runs, pairs);
    for (SiteRun[] p : compared) {
      pages.add(render("compare", p[0].dir(), inside(root, "compare", p[0].slug() + "__" + p[1].slug(), "report.html"),
          options.withCompareTo(p[1].dir())));
    }
    long t0 = System.nanoTime();
    Path index = inside(root, "index.html");
    write(index, SiteIndex.html(runs, compared));
    pages.add(new Page("index", index, size(index), (System.nanoTime() - t0) / 1e9));
    return pages;
  }

  /** The runs compared: older as A, newer as B. */
  static List<SiteRun[]> pairs(List<SiteRun> runs, Pairs pairs) {
    List<SiteRun[]> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      for (int j = i + 1; j < runs.size(); j++) {
        if (pairs == Pairs.ALL || (pairs == Pairs.CONSECUTIVE && j == i + 1)) {
          out.add(new SiteRun[] {runs.get(i), runs.get(j)});
        }
      }
    }
    return out;
  }

  private static Page render(String kind, Path runDir, Path html, ReportOptions options) {
    long t0 = System.nanoTime();
    ReportWriter.write(runDir, options.withOut(html));
    return new Page(kind, html, size(html), (System.nanoTime() - t0) / 1e9);
  }

  /** A file name from a run folder's name: letters, digits, '-' and '_' only, at most 48 characters. */
  static String slug(String name) {
    String s = Html.token(name).replaceAll("_+", "_").replaceAll("^[_-]+|[_-]+$", "");
    s = s.length() > 48 ? s.substring(0, 48) : s;
    return s.isEmpty() ? "run" : s;
  }

  private static String unique(String slug, Set<String> taken) {
    String s = slug;
    for (int n = 2; !taken.add(s.toLowerCase(Locale.ROOT)); n++) {
      s = slug + "-" + n;
    }
    return s;
  }

  /** {@code root/parts...}, refused unless it stays inside root. */
  static Path inside(Path root, String... parts) {
    Path p = root;
    for (String part : parts) {
      p = p.resolve(part);
    }
    p = p.normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new BadInputException("site: expected a file inside " + root + ", found " + p);
    }
    return p;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new BadInputException("site: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
