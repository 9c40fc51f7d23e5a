package io.lensbench.reports;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.stats.PairedOptions;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a report is written.
 *
 * @param compareTo second run directory for comparison mode, or null
 * @param out HTML file to write; null = RUN_DIR/report.html (RUN_DIR/compare-&lt;other&gt;.html in
 *     comparison mode). CSV/JSON tables go to a {@code tables/} folder next to it.
 * @param maxDrilldown queries shown per query set in the drill-down (size budget; default 4)
 * @param topK results shown per cell in the drill-down (default 10)
 * @param thumbPx thumbnail box in pixels (default 64; JPEG)
 * @param paired the paired randomization test (default {@link PairedOptions#defaults()}, as compare and gate)
 * @param primaryMetric metric for significance, slices and drill-down ordering (default ndcg_at_10)
 */
public record ReportOptions(
    Path compareTo, Path out, int maxDrilldown, int topK, int thumbPx, PairedOptions paired, String primaryMetric) {

  public static final int DEFAULT_MAX_DRILLDOWN = 4;

  public ReportOptions {
    if (maxDrilldown < 0 || topK < 1 || thumbPx < 16 || paired.permutations() < 100) {
      throw new BadInputException(String.format(Locale.ROOT,
          "report options: expected maxDrilldown >= 0, topK >= 1, thumbPx >= 16, permutations >= 100; found %d, %d, %d, %d",
          maxDrilldown, topK, thumbPx, paired.permutations()));
    }
  }

  public static ReportOptions defaults() {
    return new ReportOptions(null, null, DEFAULT_MAX_DRILLDOWN, 10, 64, PairedOptions.defaults(), "ndcg_at_10");
  }

  public ReportOptions withCompareTo(Path other) {
    return new ReportOptions(other, out, maxDrilldown, topK, thumbPx, paired, primaryMetric);
  }

  public ReportOptions withOut(Path file) {
    return new ReportOptions(compareTo, file, maxDrilldown, topK, thumbPx, paired, primaryMetric);
  }

  public ReportOptions withMaxDrilldown(int n) {
    return new ReportOptions(compareTo, out, n, topK, thumbPx, paired, primaryMetric);
  }

  public ReportOptions withPrimaryMetric(String metric) {
    return new ReportOptions(compareTo, out, maxDrilldown, topK, thumbPx, paired, metric);
  }
}
