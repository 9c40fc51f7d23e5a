package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Overview: every cell's means with their intervals, grouped by query set, the best of each marked. */
final class OverviewSection {
  private final ReportModel model;
  private final Look look;

  OverviewSection(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    Overview o = model.overview;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"overview\"><h2>Overview: every cell</h2>");
    b.append("<p class=\"lead\">Mean over queries with the 95 % bootstrap interval (bar: interval, tick: mean). ")
        .append("★ best in its query set; green tint: interval overlaps the best one's, so not clearly worse (a visual check — ")
        .append("see the significance table for paired tests). <b>Success@k is what CLIP papers call R@K</b>; Recall@k is ")
        .append("the share of all relevant items found in the top k. MRR is trec_eval's recip_rank over the whole list.</p>");
    b.append("<details id=\"overview-detail\"><summary>Every cell with its interval (").append(model.run.cells().size())
        .append(" rows, filterable and sortable)</summary>");
    b.append(look.notes(true, true));
    List<String> storeNames = new ArrayList<>(new TreeSet<>(model.run.stores()));
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows (e.g. milvus text-en)\" ")
        .append("data-target=\"t-overview\">")
        .append(HtmlTables.facet("query set", 0, model.run.querySets(), ""))
        .append(HtmlTables.facet("store", 2, storeNames, ""))
        .append("<span class=\"count\"></span></div>");
    b.append("<table class=\"data\" id=\"t-overview\"><thead><tr><th>query set</th><th>strategy</th><th>store</th><th>reranker</th><th class=\"num\">queries</th>");
    for (String m : o.metrics) {
      b.append("<th class=\"num\">").append(esc(MetricNames.display(m))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (Map.Entry<String, List<Overview.Row>> group : o.byQuerySet.entrySet()) {
      b.append("<tr class=\"qsgroup\"><td colspan=\"").append(5 + o.metrics.size()).append("\">").append(esc(group.getKey()))
          .append("</td></tr>");
      for (Overview.Row r : group.getValue()) {
        b.append(row(r));
      }
    }
    return b.append("</tbody></table></details></section>").toString();
  }

  private String row(Overview.Row r) {
    CellId id = r.cell().id();
    int n = r.cell().scores().numQueries();
    StringBuilder b = new StringBuilder("<tr><td>").append(esc(id.querySet())).append("</td><td>")
        .append("<i style=\"display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;background:")
        .append(look.color(r.cell())).append("\"></i>").append(esc(id.strategy())).append(Look.jointMark(id.strategy()))
        .append("</td><td>").append(esc(id.store())).append("</td><td>").append(esc(id.reranker() == null ? "" : id.reranker()))
        .append("</td><td class=\"num\" data-v=\"").append(n).append("\">").append(n).append("</td>");
    r.values().forEach(v -> b.append(metricCell(v)));
    return b.append("</tr>").toString();
  }

  private static String metricCell(Overview.Value v) {
    if (!v.present() || Double.isNaN(v.mean())) {
      return "<td class=\"num metric\" data-v=\"\">–</td>";
    }
    StringBuilder b = new StringBuilder("<td class=\"num metric ").append(v.standing().cssClass).append("\" data-v=\"")
        .append(num(v.mean(), 6)).append("\"><span class=\"v\">").append(num(v.mean(), 3)).append("</span>");
    if (v.ci().isDefined()) {
      double lo = Math.max(0, Math.min(1, v.ci().low()));
      double hi = Math.max(0, Math.min(1, v.ci().high()));
      double m = Math.max(0, Math.min(1, v.mean()));
      b.append("<span class=\"ci\" title=\"95% CI ").append(num(v.ci().low(), 3)).append("–").append(num(v.ci().high(), 3))
          .append("\"><i style=\"left:").append(num(lo * 100, 1)).append("%;width:").append(num(Math.max(0.5, (hi - lo) * 100), 1))
          .append("%\"></i><b style=\"left:").append(num(m * 100, 1)).append("%\"></b></span><span class=\"cit\">")
          .append(num(v.ci().low(), 3)).append("–").append(num(v.ci().high(), 3)).append("</span>");
    }
    return b.append("</td>").toString();
  }
}
