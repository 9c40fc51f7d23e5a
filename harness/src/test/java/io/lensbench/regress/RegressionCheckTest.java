package io.lensbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OK, within tolerance, FAIL and MISSING per cell, and the exit codes 0, 1 and 2. */
class RegressionCheckTest {
  @TempDir Path tmp;

  private static Expected withValue(Expected e, String cell, String metric, double value) {
    Map<String, Expected.Cell> cells = new LinkedHashMap<>(e.cells());
    Expected.Cell c = cells.get(cell);
    Map<String, Double> values = new LinkedHashMap<>(c.values());
    if (Double.isNaN(value)) {
      values.remove(metric);
    } else {
      values.put(metric, value);
    }
    cells.put(cell, new Expected.Cell(c.queries(), values, c.tolerance()));
    return new Expected(e.experiment(), e.metrics(), e.tolerance(), e.measuredOn(), e.counts(), cells);
  }

  @Test
  void aRunEqualToItsExpectedFileIsOk() throws Exception {
    Expected e = ExpectedFileTest.measured(SyntheticRun.create(tmp.resolve("run"), 0));
    RegressionCheck c = RegressionCheck.of(e, e);
    assertEquals(0, c.exitCode());
    assertEquals(35, c.count(RegressionCheck.Status.OK));
    assertTrue(c.format().contains("35 cells: 35 OK, 0 within tolerance, 0 FAIL, 0 MISSING"), c.format());
  }

  @Test
  void aValueBeyondItsToleranceFailsNamingCellAndMetric() throws Exception {
    Expected run = ExpectedFileTest.measured(SyntheticRun.create(tmp.resolve("run"), 0));
    String cell = "fashion.text-en.joint.milvus";
    double v = run.cells().get(cell).values().get("ndcg_at_10");
    RegressionCheck within = RegressionCheck.of(withValue(run, cell, "ndcg_at_10", v + 0.004), run);
    assertEquals(0, within.exitCode(), within.format());
    assertTrue(within.format().contains("within tolerance  " + cell), within.format());

    RegressionCheck fail = RegressionCheck.of(withValue(run, cell, "ndcg_at_10", v + 0.02), run);
    assertEquals(1, fail.exitCode(), fail.format());
    String line = fail.format().lines().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow();
    assertTrue(line.contains(cell) && line.contains("ndcg_at_10") && line.contains("tolerance 0.0050"), line);
  }

  @Test
  void missingCellsMetricsAndOtherDatasetsExitTwo() throws Exception {
    Expected run = ExpectedFileTest.measured(SyntheticRun.create(tmp.resolve("run"), 0));
    String cell = "fashion.image.text-dense.opensearch";
    assertEquals(2, RegressionCheck.of(run, withValue(run, cell, "mrr", Double.NaN)).exitCode(), "metric missing in the run");

    Map<String, Expected.Cell> fewer = new LinkedHashMap<>(run.cells());
    fewer.remove(cell);
    Expected runWithout = new Expected(run.experiment(), run.metrics(), run.tolerance(), run.measuredOn(), run.counts(), fewer);
    RegressionCheck lost = RegressionCheck.of(run, runWithout);
    assertEquals(2, lost.exitCode());
    assertTrue(lost.format().contains("MISSING") && lost.format().contains(cell), lost.format());
    assertEquals(2, RegressionCheck.of(runWithout, run).exitCode(), "a cell the expected file lacks");

    Expected.MeasuredOn m = run.measuredOn();
    Expected other = new Expected(run.experiment(), run.metrics(), run.tolerance(), new Expected.MeasuredOn(m.dataset(),
        "sha256:another", m.configHash(), m.commit(), m.dirty(), m.finishedAt(), m.models(), m.stores()), run.counts(), run.cells());
    assertEquals(2, RegressionCheck.of(other, run).exitCode(), "values of another dataset");
  }

  @Test
  void countsAreExact() throws Exception {
    Expected run = ExpectedFileTest.measured(SyntheticRun.create(tmp.resolve("run"), 0));
    Expected.Counts c = run.counts();
    Expected moreDocs = new Expected(run.experiment(), run.metrics(), run.tolerance(), run.measuredOn(),
        new Expected.Counts(c.corpusItems(), c.querySets(), Map.of("joint", Map.of("milvus", 61L, "opensearch", 60L))), run.cells());
    RegressionCheck check = RegressionCheck.of(moreDocs, run);
    assertEquals(1, check.exitCode(), check.format());
    assertTrue(check.format().contains("FAIL              counts.indexes.joint.milvus  expected 61, found 60"), check.format());
    Expected unmeasured = new Expected(run.experiment(), run.metrics(), run.tolerance(), run.measuredOn(),
        new Expected.Counts(c.corpusItems(), c.querySets(), Map.of()), run.cells());
    assertEquals(2, RegressionCheck.of(run, unmeasured).exitCode(), "an index count the run did not record");
    assertEquals(List.of(), ExpectedDiff.lines(run, run), "no diff between equal files");
  }
}
