package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.eval.metrics.RunComparison;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.run.CellSources;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's p-values are compare's: for the same run directory and the same cells, the
 * significance table and the comparison table hold exactly the p that compare's code path
 * (CellSources → RunComparison with the default options) computes for each pair.
 */
class ReportMatchesCompareTest {
  @TempDir Path tmp;

  private static double compareP(ScoredCell a, ScoredCell b, String metric) {
    List<RunComparison.Row> rows = RunComparison.compare(List.of(a, b), List.of(metric), List.of(), PairedOptions.defaults());
    assertEquals("all", rows.get(0).slice());
    return rows.get(0).result().p();
  }

  @Test
  void significanceTableHoldsComparesPValues() throws Exception {
    Path run = SyntheticRun.create(tmp.resolve("run-a"), 0);
    ReportWriter.write(run, ReportOptions.defaults().withMaxDrilldown(0));
    Map<String, ScoredCell> cells = CellSources.runDirectory(run);
    JsonNode sig = new ObjectMapper().readTree(run.resolve("tables/significance.json").toFile());
    int checked = 0;
    for (JsonNode r : sig.get("rows")) {
      String prefix = "fashion." + r.get("query_set").asText() + ".";
      String suffix = "." + r.get("store").asText();
      ScoredCell a = cells.get(prefix + cell(r.get("system_a").asText(), suffix));
      ScoredCell b = cells.get(prefix + cell(r.get("system_b").asText(), suffix));
      assertEquals(compareP(a, b, "ndcg_at_10"), r.get("p").asDouble(), 0.0, r.toString());
      checked++;
    }
    assertEquals(45, checked);
  }

  @Test
  void comparisonTableHoldsComparesPValues() throws Exception {
    Path a = SyntheticRun.create(tmp.resolve("run-a"), 0);
    Path b = SyntheticRun.create(tmp.resolve("run-b"), 2);
    ReportWriter.write(a, ReportOptions.defaults().withCompareTo(b).withMaxDrilldown(0));
    Map<String, ScoredCell> inA = CellSources.runDirectory(a);
    Map<String, ScoredCell> inB = CellSources.runDirectory(b);
    JsonNode delta = new ObjectMapper().readTree(a.resolve("tables/compare-delta.json").toFile());
    int different = 0;
    for (JsonNode r : delta.get("rows")) {
      String cell = r.get("cell").asText();
      double p = compareP(inA.get(cell), inB.get(cell), r.get("metric").asText());
      assertEquals(p, r.get("p").asDouble(), 0.0, r.toString());
      different += p < 1 ? 1 : 0;
    }
    assertTrue(different > 0, "some pairs differ");
  }

  /** "strategy + reranker" back to the cell-id form "strategy.store.reranker". */
  private static String cell(String system, String storeSuffix) {
    String[] p = system.split(" \\+ ");
    return p[0] + storeSuffix + (p.length > 1 ? "." + p[1] : "");
  }
}
