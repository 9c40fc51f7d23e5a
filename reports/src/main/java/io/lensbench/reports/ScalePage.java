package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Scale page of {@code bench scale} (its {@code scale.json}): growth table, log-log growth
 * charts with the fitted exponents, the quality-vs-latency Pareto front per store and strategy at the largest
 * size it reached, and the p99-budget table. Self-contained, no script, every data string escaped.
 */
public final class ScalePage {
  private static final String[] HEAD = {"items", "store", "strategy", "index / search", "build s", "p50 ms", "p99 ms", "QPS",
      "index disk MiB", "index memory MiB", "server RSS MiB", "JVM peak RSS MiB", "ANN recall@k", "recall@k", "nDCG@k"};

  private ScalePage() {}

  /** The page. */
  public static String html(JsonNode doc) {
    StringBuilder b = new StringBuilder(Page.scriptless("LensBench scale — " + doc.path("profile").asText()));
    b.append("<header class=\"top\"><h1>Scale</h1><div class=\"sub\">").append(esc(summary(doc)))
        .append("</div></header><main>");
    b.append("<section class=\"card\" id=\"scale-note\"><p class=\"lead\">")
        .append(esc("Every size beyond the real items is filled with seeded distractors (vector-model mode: vectors drawn "
            + "from a Gaussian mixture fitted on the real items' vectors; never relevant to any query; qrels unchanged). "
            + "ANN recall@k is measured against the same store's FLAT (exact) result; recall@k and nDCG@k against the qrels. "
            + "Latencies are one client, sequential, under the load shown."))
        .append("</p></section>");
    b.append("<section class=\"card\" id=\"scale-growth\"><h2>Growth</h2><div class=\"wrap\"><table class=\"data\"><thead><tr>");
    for (String h : HEAD) {
      b.append("<th>").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    rows(doc).forEach(r -> {
      b.append("<tr>");
      r.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
      b.append("</tr>");
    });
    b.append("</tbody></table></div>");
    charts(doc, b);
    b.append(exponents(doc)).append("</section>");
    fronts(doc, b);
    return b.append("</main></body></html>\n").toString();
  }

  /** The growth table and the budget table as plain text, for the console and docs. */
  public static String text(JsonNode doc) {
    StringBuilder b = new StringBuilder("| ").append(String.join(" | ", HEAD)).append(" |\n|");
    b.append("---|".repeat(HEAD.length)).append('\n');
    rows(doc).forEach(r -> b.append("| ").append(String.join(" | ", r)).append(" |\n"));
    b.append('\n');
    for (JsonNode f : doc.path("fronts")) {
      for (JsonNode a : f.path("advice")) {
        b.append(String.format(Locale.ROOT, "for p99 <= %s ms at N = %d on %s (%s) use %s: recall@k loss vs exact %s%n",
            num(a.path("p99BudgetMs").asDouble(), 0), f.path("items").asLong(), f.path("store").asText(),
            f.path("strategy").asText(), a.path("use").asText(), num(a.path("recallLossVsExact").asDouble(), 4)));
      }
    }
    b.append(summary(doc)).append('\n');
    return b.toString();
  }

  private static String summary(JsonNode doc) {
    String partial = doc.path("complete").asBoolean(true) ? ""
        : "INCOMPLETE (the sizes measured before the run stopped or while it runs): ";
    return partial + String.format(Locale.ROOT, "%s profile, %s s, %d cores, load average at start %s, at end %s",
        doc.path("profile").asText(), num(doc.path("seconds").asDouble(), 1), doc.path("cores").asInt(),
        doc.path("loadAverageAtStart"), doc.path("loadAverageAtEnd"));
  }

  private static List<List<String>> rows(JsonNode doc) {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode step : doc.path("steps")) {
      for (JsonNode r : step.path("rows")) {
        String jvm = mib((r.has("jvm") ? r : step).path("jvm").path("peakRssBytes")); // a joined row keeps its run's
        if (r.has("error")) {
          out.add(List.of(step.path("items").asText(), r.path("store").asText(), r.path("strategy").asText(),
              r.path("config").asText(), "FAILED: " + r.path("error").asText(), "", "", "", "", "", mib(r.path("server").path("rssBytes")), jvm, "", "", ""));
          continue;
        }
        String search = r.path("search").asText() + (r.has("truncated")
            ? " (" + r.path("searches").asInt() + " searches: " + r.path("truncated").asText() + ")" : "");
        out.add(List.of(step.path("items").asText(), r.path("store").asText(), r.path("strategy").asText(), search,
            num(r.path("build").path("wall").asDouble(), 1), num(r.path("p50Ms").asDouble(), 2),
            num(r.path("p99Ms").asDouble(), 2), num(r.path("qps").asDouble(), 0),
            mib(r.path("footprint").path("diskBytes")), indexMemory(r.path("footprint")),
            mib(r.path("server").path("rssBytes")), jvm, num(r.path("annRecallAtK").asDouble(Double.NaN), 4),
            num(r.path("recallAtK").asDouble(Double.NaN), 4), num(r.path("ndcgAtK").asDouble(Double.NaN), 4)));
      }
    }
    return out;
  }

  /** The memory the store reports for the collection, else the server's RSS growth over the build (marked Δ RSS). */
  private static String indexMemory(JsonNode footprint) {
    if (footprint.path("memoryBytes").isNumber()) {
      return mib(footprint.path("memoryBytes"));
    }
    JsonNode growth = footprint.path("serverRssGrowthBytes");
    return growth.isNumber() ? mib(growth) + " (Δ RSS)" : "–";
  }

  private static String mib(JsonNode bytes) {
    return bytes.isNumber() ? num(bytes.asDouble() / (1024 * 1024), 0) : "–";
  }

  /**
   * Per store and strategy, the HNSW search setting the charts follow: the first HNSW collection
   * of the first size, at its largest {@code ef}.
   */
  private static java.util.Set<String> reference(JsonNode doc) {
    Map<String, String> chosen = new LinkedHashMap<>();
    Map<String, String> config = new LinkedHashMap<>();
    for (JsonNode r : doc.path("steps").path(0).path("rows")) {
      String store = r.path("store").asText() + "\t" + r.path("strategy").asText();
      if (r.path("index").asText().equals("hnsw") && !r.has("error")
          && config.computeIfAbsent(store, s -> r.path("config").asText()).equals(r.path("config").asText())) {
        chosen.put(store, r.path("search").asText());
      }
    }
    return new java.util.HashSet<>(chosen.values());
  }

  /** p99 and build time against N for FLAT and one HNSW setting per store ({@link #reference}); memory. */
  private static void charts(JsonNode doc, StringBuilder b) {
    java.util.Set<String> hnsw = reference(doc);
    boolean many = strategies(doc).size() > 1;
    Map<String, List<double[]>> p99 = new LinkedHashMap<>();
    Map<String, List<double[]>> build = new LinkedHashMap<>();
    Map<String, List<double[]>> rss = new LinkedHashMap<>();
    for (JsonNode step : doc.path("steps")) {
      double n = step.path("items").asDouble();
      rss.computeIfAbsent("LensBench JVM peak RSS", k -> new ArrayList<>())
          .add(new double[] {n, step.path("jvm").path("peakRssBytes").asDouble() / (1024 * 1024)});
      for (JsonNode r : step.path("rows")) {
        String search = r.path("search").asText();
        String key = series(r, many) + " " + search;
        if (!r.has("error") && (search.equals("flat") || hnsw.contains(search))) {
          p99.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {n, r.path("p99Ms").asDouble()});
          build.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {n, r.path("build").path("wall").asDouble()});
        }
        if (!r.has("error") && search.equals("flat")) {
          rss.computeIfAbsent(series(r, many) + " server RSS", k -> new ArrayList<>())
              .add(new double[] {n, r.path("server").path("rssBytes").asDouble() / (1024 * 1024)});
        }
      }
    }
    b.append("<div class=\"charts\">")
        .append(ScaleCharts.logLog("p99 latency vs items", "items (log)", "p99 ms (log)", series(p99)))
        .append(ScaleCharts.logLog("build time vs items", "items (log)", "build s (log)", series(build)))
        .append(ScaleCharts.logLog("memory vs items", "items (log)", "RSS MiB (log)", series(rss)))
        .append("</div>");
  }

  /** The strategies of the rows, in order of appearance. */
  private static java.util.Set<String> strategies(JsonNode doc) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    doc.path("steps").forEach(step -> step.path("rows").forEach(r -> out.add(r.path("strategy").asText())));
    return out;
  }

  /** A chart series' name: the store, and the strategy when the page has more than one. */
  private static String series(JsonNode r, boolean many) {
    return r.path("store").asText() + (many ? " · " + r.path("strategy").asText() : "");
  }

  private static List<ScaleCharts.Series> series(Map<String, List<double[]>> m) {
    List<ScaleCharts.Series> out = new ArrayList<>();
    m.forEach((name, pts) -> out.add(new ScaleCharts.Series(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
        pts.stream().mapToDouble(p -> p[1]).toArray(), new boolean[pts.size()])));
    return out;
  }

  private static String exponents(JsonNode doc) {
    StringBuilder b = new StringBuilder("<h3>Fitted growth exponents (y = c·N<sup>e</sup>, log-log least squares)</h3>")
        .append("<div class=\"wrap\"><table class=\"data\"><thead><tr><th>store</th><th>strategy</th><th>index / search</th>")
        .append("<th>measure</th><th>exponent e</th><th>R²</th><th>sizes</th></tr></thead><tbody>");
    for (JsonNode g : doc.path("growth")) {
      b.append("<tr><td>").append(esc(g.path("store").asText())).append("</td><td>")
          .append(esc(g.path("strategy").asText(""))).append("</td><td>").append(esc(g.path("search").asText()))
          .append("</td><td>").append(esc(g.path("measure").asText())).append("</td><td>")
          .append(num(g.path("exponent").asDouble(), 3)).append("</td><td>").append(num(g.path("r2").asDouble(), 3))
          .append("</td><td>").append(g.path("points").asInt()).append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  /** Per store and strategy: the scatter of every search setting at its largest size, the front highlighted, and the budget table. */
  private static void fronts(JsonNode doc, StringBuilder b) {
    b.append("<section class=\"card\" id=\"scale-pareto\"><h2>Quality vs latency</h2><div class=\"charts\">");
    StringBuilder advice = new StringBuilder();
    for (JsonNode f : doc.path("fronts")) {
      List<String> front = new ArrayList<>();
      f.path("front").forEach(x -> front.add(x.asText()));
      List<String> labels = new ArrayList<>();
      List<double[]> pts = new ArrayList<>();
      for (JsonNode step : doc.path("steps")) {
        for (JsonNode r : step.path("rows")) {
          if (step.path("items").asLong() == f.path("items").asLong() && !r.has("error")
              && r.path("store").asText().equals(f.path("store").asText())
              && r.path("strategy").asText().equals(f.path("strategy").asText())) {
            labels.add(r.path("search").asText());
            pts.add(new double[] {r.path("p99Ms").asDouble(), r.path("annRecallAtK").asDouble()});
          }
        }
      }
      boolean[] on = new boolean[labels.size()];
      for (int i = 0; i < on.length; i++) {
        on[i] = front.contains(labels.get(i));
      }
      b.append(ScaleCharts.pareto(f.path("store").asText() + " · " + f.path("strategy").asText() + " at N = "
              + f.path("items").asLong(),
          new ScaleCharts.Series("points", pts.stream().mapToDouble(p -> p[0]).toArray(),
              pts.stream().mapToDouble(p -> p[1]).toArray(), on), labels));
      for (JsonNode a : f.path("advice")) {
        advice.append("<tr><td>").append(num(a.path("p99BudgetMs").asDouble(), 0)).append("</td><td>")
            .append(f.path("items").asLong()).append("</td><td>").append(esc(f.path("store").asText()))
            .append("</td><td>").append(esc(f.path("strategy").asText())).append("</td><td>").append(esc(a.path("use").asText())).append("</td><td>")
            .append(num(a.path("p99Ms").asDouble(), 2)).append("</td><td>")
            .append(num(a.path("recallLossVsExact").asDouble(), 4)).append("</td></tr>");
      }
    }
    b.append("</div><h3>What to use</h3><div class=\"wrap\"><table class=\"data\"><thead><tr><th>p99 budget ms</th>")
        .append("<th>N</th><th>store</th><th>strategy</th><th>use</th><th>measured p99 ms</th><th>recall@k loss vs exact</th></tr></thead><tbody>")
        .append(advice).append("</tbody></table></div></section>");
  }
}
