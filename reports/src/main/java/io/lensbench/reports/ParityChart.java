package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Store parity: overlap@k of the stores' lists per strategy × query set, as bars or (many rows) a matrix. */
final class ParityChart {
  private final ParitySummary parity;

  ParityChart(ParitySummary parity) {
    this.parity = parity;
  }

  String render() {
    StringBuilder b = new StringBuilder("<h3>Store parity</h3>");
    if (parity.rows.isEmpty()) {
      return b.append("<p class=\"muted\">No parity.json in this run (it needs the same strategy on two stores).</p>").toString();
    }
    boolean uniform = parity.uniform();
    List<String> labels = new ArrayList<>();
    double[] v = new double[parity.rows.size()];
    String[] cols = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      ParitySummary.Row r = parity.rows.get(i);
      labels.add(r.strategy() + " · " + r.querySet() + (uniform ? "" : " (" + r.pair() + ")"));
      v[i] = r.overlap();
      cols[i] = v[i] >= 0.9 ? "#59a14f" : v[i] >= 0.7 ? "#edc948" : "#e15759";
    }
    String title = "Store parity: overlap@k" + (uniform ? " (" + parity.rows.get(0).pair() + ")" : "");
    b.append("<p class=\"lead\">Mean overlap of the two stores' top-k lists for the same strategy and queries ")
        .append("(1.0 = identical sets). Green ≥ 0.9, yellow ≥ 0.7, red below.</p>");
    if (uniform && v.length > 16) {
      return b.append(matrix(title)).toString();
    }
    return b.append("<div class=\"charts\">").append(Svg.hbars(title, labels, v, cols, "%.3f")).append("</div>").toString();
  }

  /** Strategy × query set matrix of overlap@k, cells coloured like the bars; compact for many strategies and slices. */
  private String matrix(String title) {
    List<String> strategies = parity.rows.stream().map(ParitySummary.Row::strategy).distinct().toList();
    List<String> qsets = parity.rows.stream().map(ParitySummary.Row::querySet).distinct().sorted(QuerySlices::compare).toList();
    Map<String, Double> v = new HashMap<>();
    parity.rows.forEach(r -> v.put(r.strategy() + "\u0000" + r.querySet(), r.overlap()));
    StringBuilder b = new StringBuilder("<div class=\"wrap\"><table class=\"data parity\" id=\"t-parity\"><caption>")
        .append(esc(title)).append("</caption><thead><tr><th>strategy</th>");
    qsets.forEach(q -> b.append("<th class=\"num\">").append(esc(q)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String st : strategies) {
      b.append("<tr><td>").append(esc(st)).append("</td>");
      for (String q : qsets) {
        Double x = v.get(st + "\u0000" + q);
        if (x == null || x.isNaN()) {
          b.append("<td class=\"num\">–</td>");
        } else {
          String cls = x >= 0.9 ? "pgood" : x >= 0.7 ? "pmid" : "pbad";
          b.append("<td class=\"num ").append(cls).append("\" data-v=\"").append(x).append("\">")
              .append(String.format(Locale.ROOT, "%.3f", x)).append("</td>");
        }
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }
}
