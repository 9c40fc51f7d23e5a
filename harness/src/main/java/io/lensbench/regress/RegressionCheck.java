package io.lensbench.regress;

import io.lensbench.core.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a measured run against its expected file, cell by cell and metric by metric. A value is
 * OK when it equals the expected one at the file's 4 decimals, within tolerance when it differs by
 * at most the metric's tolerance, and FAIL beyond that. Counts are checked exactly. A cell or
 * metric the run lacks (or has as NaN), a cell the expected file lacks, and another dataset are
 * MISSING: the run cannot be judged (exit 2); otherwise any FAIL exits 1.
 */
public final class RegressionCheck {
  /** Half a unit of the 4th decimal: the value rounds to the expected one. */
  private static final double SAME = 0.5e-4 + 1e-12;

  /** How one cell (or one count) fared, worst first. */
  public enum Status {
    MISSING("MISSING"), FAIL("FAIL"), WITHIN("within tolerance"), OK("OK");

    public final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** One line of the outcome: a cell id (or count path), its status and what was found. */
  public record Line(String subject, Status status, List<String> details) {}

  private final Expected expected;
  private final Expected measured;
  private final List<Line> lines = new ArrayList<>();

  private RegressionCheck(Expected expected, Expected measured) {
    this.expected = expected;
    this.measured = measured;
  }

  public static RegressionCheck of(Expected expected, Expected measured) {
    RegressionCheck c = new RegressionCheck(expected, measured);
    c.checkDataset();
    c.checkCounts();
    expected.cells().forEach(c::checkCell);
    measured.cells().keySet().stream().filter(id -> !expected.cells().containsKey(id)).forEach(id ->
        c.lines.add(new Line(id, Status.MISSING, List.of("not in the expected file (add it with --update)"))));
    return c;
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  public long count(Status s) {
    return lines.stream().filter(l -> l.status() == s).count();
  }

  /** 2 when anything is missing, else 1 when anything failed, else 0. */
  public int exitCode() {
    if (count(Status.MISSING) > 0) {
      return ExitCode.BAD_INPUT.code();
    }
    return count(Status.FAIL) > 0 ? ExitCode.REGRESSION.code() : ExitCode.OK.code();
  }

  private void checkDataset() {
    if (!Measurement.sameDataset(expected, measured)) {
      lines.add(new Line("measuredOn.datasetChecksum", Status.MISSING, List.of(String.format(Locale.ROOT,
          "expected values of dataset %s, the run is of dataset %s: not comparable",
          expected.measuredOn().datasetChecksum(), measured.measuredOn().datasetChecksum()))));
    }
  }

  private void checkCounts() {
    Expected.Counts want = expected.counts();
    Expected.Counts have = measured.counts();
    if (want.corpusItems() != null) {
      exact("counts.corpusItems", want.corpusItems() == null ? null : (long) want.corpusItems(),
          have.corpusItems() == null ? null : (long) have.corpusItems());
    }
    want.querySets().forEach((qs, q) -> {
      Expected.QuerySetCount h = have.querySets().get(qs);
      exact("counts.querySets." + qs + ".queries", (long) q.queries(), h == null ? null : (long) h.queries());
      exact("counts.querySets." + qs + ".judgments", (long) q.judgments(), h == null ? null : (long) h.judgments());
    });
    want.indexes().forEach((strategy, byStore) -> byStore.forEach((store, n) -> {
      Map<String, Long> h = have.indexes().get(strategy);
      exact("counts.indexes." + strategy + "." + store, n, h == null ? null : h.get(store));
    }));
  }

  private void exact(String subject, Long want, Long have) {
    if (have == null) {
      lines.add(new Line(subject, Status.MISSING, List.of("expected " + want + ", the run does not record it")));
    } else if (!Objects.equals(want, have)) {
      lines.add(new Line(subject, Status.FAIL, List.of("expected " + want + ", found " + have)));
    }
  }

  private void checkCell(String id, Expected.Cell want) {
    Expected.Cell have = measured.cells().get(id);
    if (have == null) {
      lines.add(new Line(id, Status.MISSING, List.of("the run has no scored cell of this id")));
      return;
    }
    Status worst = Status.OK;
    List<String> details = new ArrayList<>();
    if (have.queries() != want.queries()) {
      worst = Status.FAIL;
      details.add(String.format(Locale.ROOT, "queries %d, expected %d", have.queries(), want.queries()));
    }
    Set<String> metrics = new LinkedHashSet<>(expected.metrics());
    metrics.addAll(want.values().keySet());
    for (String m : metrics) {
      Double w = want.values().get(m);
      Double h = have.values().get(m);
      Status s;
      if (w == null) {
        continue;
      } else if (h == null || h.isNaN()) {
        s = Status.MISSING;
        details.add(m + " missing or NaN in the run (expected " + ExpectedYaml.value(w) + ")");
      } else {
        s = judge(h - w, expected.tolerance(id, m));
        if (s != Status.OK) {
          details.add(String.format(Locale.ROOT, "%s %s, expected %s (Δ %+.4f, tolerance %s)", m,
              ExpectedYaml.value(h), ExpectedYaml.value(w), h - w, ExpectedYaml.value(expected.tolerance(id, m))));
        }
      }
      worst = s.ordinal() < worst.ordinal() ? s : worst;
    }
    lines.add(new Line(id, worst, details));
  }

  private static Status judge(double delta, double tolerance) {
    double d = Math.abs(delta);
    return d <= SAME ? Status.OK : d <= tolerance + 1e-12 ? Status.WITHIN : Status.FAIL;
  }

  /** The per-cell lines and a summary, as printed by {@code lensbench regress}. */
  public String format() {
    StringBuilder b = new StringBuilder();
    int w = lines.stream().mapToInt(l -> l.subject().length()).max().orElse(4);
    for (Line l : lines) {
      b.append(String.format(Locale.ROOT, "%-16s  %-" + w + "s", l.status().label, l.subject()).stripTrailing());
      if (!l.details().isEmpty()) {
        b.append("  ").append(String.join("; ", l.details()));
      }
      b.append('\n');
    }
    b.append(String.format(Locale.ROOT, "regress %s: %d cells: %d OK, %d within tolerance, %d FAIL, %d MISSING%n",
        expected.experiment(), expected.cells().size(), count(Status.OK), count(Status.WITHIN), count(Status.FAIL),
        count(Status.MISSING)));
    return b.toString();
  }
}
