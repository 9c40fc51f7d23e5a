package io.lensbench.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scale run concludes from its steps: a growth law per store × strategy × search setting ×
 * measure (log-log least squares over the sizes it reached), the quality-vs-latency Pareto front
 * per store and strategy at the largest size it reached, and the budget table read from those fronts.
 */
public final class ScaleResults {
  /** The measures fitted against the corpus size, with how a row holds them. */
  static final List<String> MEASURES = List.of("buildSeconds", "p50Ms", "p99Ms", "serverRssBytes", "indexDiskBytes",
      "indexMemoryBytes");
  /** The p99 budgets of the table, in milliseconds. */
  static final double[] BUDGETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500};

  private ScaleResults() {}

  /** A measure of a row, or NaN when it has none (a failed build). */
  static double measure(Map<String, Object> row, String measure) {
    Object v = switch (measure) {
      case "buildSeconds" -> row.get("build") instanceof Map<?, ?> b ? b.get("wall") : null;
      case "serverRssBytes" -> row.get("server") instanceof Map<?, ?> s ? s.get("rssBytes") : null;
      case "indexDiskBytes" -> row.get("footprint") instanceof Map<?, ?> f ? f.get("diskBytes") : null;
      case "indexMemoryBytes" -> row.get("footprint") instanceof Map<?, ?> f ? f.get("memoryBytes") : null;
      default -> row.get(measure);
    };
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** Growth fits: one per store, strategy, search setting and measure with at least two sizes; plus the JVM's peak RSS. */
  public static List<Map<String, Object>> growth(List<Map<String, Object>> steps) {
    Map<String, List<double[]>> series = new TreeMap<>();
    for (Map<String, Object> step : steps) {
      double n = ((Number) step.get("items")).doubleValue();
      for (Map<String, Object> row : rows(step)) {
        for (String m : MEASURES) {
          series.computeIfAbsent(storeAndStrategy(row) + "\t" + row.get("search") + "\t" + m, x -> new ArrayList<>())
              .add(new double[] {n, measure(row, m)});
        }
      }
      if (step.get("jvm") instanceof Map<?, ?> jvm && jvm.get("peakRssBytes") instanceof Number p) {
        series.computeIfAbsent("lensbench-jvm\t-\t-\tjvmPeakRssBytes", x -> new ArrayList<>())
            .add(new double[] {n, p.doubleValue()});
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    series.forEach((key, pts) -> {
      ScaleMath.Growth g = ScaleMath.fitGrowth(pts.stream().mapToDouble(p -> p[0]).toArray(),
          pts.stream().mapToDouble(p -> p[1]).toArray());
      if (g != null) {
        String[] k = key.split("\t");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", k[0]);
        m.put("strategy", k[1]);
        m.put("search", k[2]);
        m.put("measure", k[3]);
        m.put("exponent", StoreSweep.round(g.exponent()));
        m.put("r2", StoreSweep.round(g.r2()));
        m.put("points", g.points());
        out.add(m);
      }
    });
    return out;
  }

  /**
   * Per store and strategy, the Pareto front (p99 ms vs ANN recall@k) at the largest size it
   * reached, and the budget table.
   */
  public static List<Map<String, Object>> fronts(List<Map<String, Object>> steps) {
    Map<String, Map<String, Object>> lastStep = new TreeMap<>();
    Map<String, List<Map<String, Object>>> lastRows = new TreeMap<>();
    for (Map<String, Object> step : steps) {
      Map<String, List<Map<String, Object>>> byStore = new TreeMap<>();
      rows(step).stream().filter(r -> !r.containsKey("error"))
          .forEach(r -> byStore.computeIfAbsent(storeAndStrategy(r), s -> new ArrayList<>()).add(r));
      byStore.forEach((s, rows) -> {
        lastStep.put(s, step);
        lastRows.put(s, rows);
      });
    }
    List<Map<String, Object>> out = new ArrayList<>();
    lastRows.forEach((key, rows) -> out.add(front(key.split("\t"), ((Number) lastStep.get(key).get("items")).longValue(),
        rows)));
    return out;
  }

  private static Map<String, Object> front(String[] storeAndStrategy, long items, List<Map<String, Object>> rows) {
    List<ScaleMath.Point> points = rows.stream().map(r -> new ScaleMath.Point((String) r.get("search"),
        measure(r, "p99Ms"), measure(r, "annRecallAtK"))).toList();
    List<ScaleMath.Point> front = ScaleMath.paretoFront(points);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("store", storeAndStrategy[0]);
    m.put("strategy", storeAndStrategy[1]);
    m.put("items", items);
    m.put("front", front.stream().map(ScaleMath.Point::label).toList());
    List<Map<String, Object>> advice = new ArrayList<>();
    String previous = null;
    for (double budget : BUDGETS_MS) {
      ScaleMath.Point best = null;
      for (ScaleMath.Point p : front) {
        if (p.latencyMs() <= budget) {
          best = p; // the front rises with latency: the last one within the budget is the best
        }
      }
      if (best != null && !best.label().equals(previous)) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("p99BudgetMs", budget);
        a.put("use", best.label());
        a.put("p99Ms", best.latencyMs());
        a.put("recallLossVsExact", StoreSweep.round(1 - best.quality()));
        advice.add(a);
        previous = best.label();
      }
    }
    m.put("advice", advice);
    return m;
  }

  /** The series a row belongs to, tab-separated: its store and its strategy. */
  private static String storeAndStrategy(Map<String, Object> row) {
    return row.get("store") + "\t" + row.get("strategy");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rows(Map<String, Object> step) {
    return (List<Map<String, Object>>) step.get("rows");
  }

  /** {@code 12.3 MiB} style, for tables. */
  static String mib(double bytes) {
    return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.0f", bytes / (1024 * 1024));
  }
}
