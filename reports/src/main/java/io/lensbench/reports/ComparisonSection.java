package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.RunCell;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Comparison mode: run B − run A per cell and metric, with a systems × query sets matrix of the primary metric. */
final class ComparisonSection {
  private final ReportModel model;

  ComparisonSection(ReportModel model) {
    this.model = model;
  }

  String render() {
    Comparison c = model.comparison;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"comparison\"><h2>Comparison: run B − run A</h2>");
    b.append("<p class=\"lead\">A = <span class=\"mono\">").append(esc(model.run.name()))
        .append("</span>, B = <span class=\"mono\">").append(esc(model.other.name()))
        .append("</span>. Cells matched by id; per-query values paired by query id. ").append(esc(c.title)).append(".</p>");
    if (!c.onlyA.isEmpty() || !c.onlyB.isEmpty()) {
      b.append("<div class=\"note info\">Only in A: ").append(esc(c.onlyA.isEmpty() ? "none" : String.join(", ", c.onlyA)))
          .append(". Only in B: ").append(esc(c.onlyB.isEmpty() ? "none" : String.join(", ", c.onlyB))).append(".</div>");
    }
    b.append(deltaMatrix(c));
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter (cell, metric, yes)\" data-target=\"t-compare\"><span class=\"count\"></span></div>");
    b.append("<table class=\"data\" id=\"t-compare\"><thead><tr><th>cell</th><th>metric</th><th class=\"num\">A</th><th class=\"num\">B</th>")
        .append("<th class=\"num\">Δ B−A</th><th class=\"num\">paired q</th><th class=\"num\">p</th><th class=\"num\">p (Holm)</th><th>significant</th></tr></thead><tbody>");
    for (Comparison.Row r : c.rows) {
      double d = r.delta();
      boolean sig = r.significant();
      b.append("<tr><td class=\"mono\">").append(esc(r.cell())).append("</td><td>").append(esc(MetricNames.display(r.metric())))
          .append("</td>").append(HtmlTables.numTd(r.meanA(), 3)).append(HtmlTables.numTd(r.meanB(), 3))
          .append("<td class=\"num ").append(sig ? (d > 0 ? "pos" : d < 0 ? "neg" : "") : "").append("\" data-v=\"").append(num(d, 6)).append("\">")
          .append(signed(d)).append("</td>")
          .append("<td class=\"num\" data-v=\"").append(r.numPaired()).append("\">").append(r.numPaired()).append("</td>")
          .append(HtmlTables.numTd(r.p(), 4)).append(HtmlTables.numTd(r.pHolm(), 4))
          .append("<td class=\"").append(sig ? "sig-yes" : "sig-no").append("\">").append(sig ? "yes" : "no").append("</td></tr>");
    }
    return b.append("</tbody></table></section>").toString();
  }

  /** Systems × query sets; each cell A → B with Δ, coloured by sign and size, * when Holm-significant. */
  private String deltaMatrix(Comparison c) {
    if (c.primary.isEmpty()) {
      return "";
    }
    String metric = model.options.primaryMetric();
    Set<String> systems = new LinkedHashSet<>();
    model.run.cells().forEach(x -> systems.add(x.id().store() + "\u0000" + x.id().system()));
    StringBuilder b = new StringBuilder("<h3>").append(esc(MetricNames.display(metric)))
        .append(": run A → run B, Δ (* = Holm-significant)</h3><div class=\"wrap\"><table class=\"data delta\"><thead><tr><th>store</th><th>system</th>");
    model.run.querySets().forEach(q -> b.append("<th>").append(esc(q)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String sysKey : systems) {
      String[] p = sysKey.split("\u0000", 2);
      b.append("<tr><td style=\"text-align:left\">").append(esc(p[0])).append("</td><td style=\"text-align:left\">").append(esc(p[1]))
          .append("</td>");
      for (String qs : model.run.querySets()) {
        RunCell cell = model.run.cells().stream()
            .filter(x -> x.id().querySet().equals(qs) && x.id().store().equals(p[0]) && x.id().system().equals(p[1]))
            .findFirst().orElse(null);
        Comparison.Row r = cell == null ? null : c.primary.get(cell.cell());
        b.append(r == null ? "<td class=\"muted\">–</td>" : deltaCell(r));
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  private static String deltaCell(Comparison.Row r) {
    double d = r.delta();
    double a = Math.min(1, Math.abs(d) / 0.1);
    String bg = Double.isNaN(d) || d == 0 ? "transparent"
        : String.format(Locale.ROOT, d > 0 ? "rgba(47,143,78,%.2f)" : "rgba(200,69,59,%.2f)", 0.08 + 0.4 * a);
    return "<td class=\"" + (r.significant() ? "sig" : "") + "\" data-v=\"" + num(d, 6) + "\" style=\"background:" + bg
        + "\"><span class=\"d\">" + signed(d) + "</span><span class=\"ab\">" + num(r.meanA(), 3) + " → "
        + num(r.meanB(), 3) + "</span></td>";
  }

  private static String signed(double d) {
    return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%+.3f", d);
  }
}
