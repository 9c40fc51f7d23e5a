package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import java.util.Locale;

/**
 * The first screen: per store a heatmap of system × query set for the headline metric (a
 * selector switches among the overview metrics), the best system of each query set starred,
 * those tied with it within the 95 % intervals hatched, caveat badges on the query sets.
 */
final class HeadlineSection {
  private final ReportModel model;
  private final Look look;

  HeadlineSection(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    Headline h = model.headline;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"glance\"><h2>At a glance</h2>");
    if (h.metrics.isEmpty()) {
      return b.append("<p class=\"muted\">No overview metric in this run.</p></section>").toString();
    }
    b.append("<div class=\"tools\"><label class=\"small\">headline metric <select class=\"facet\" id=\"headline-metric\">");
    for (String m : h.metrics) {
      b.append("<option value=\"").append(esc(m)).append("\"").append(m.equals(h.defaultMetric) ? " selected" : "").append(">")
          .append(esc(MetricNames.display(m))).append("</option>");
    }
    b.append("</select></label><span class=\"keyrow\"><span><i class=\"hm-best\"></i>★ best in its query set (per store)</span>")
        .append("<span><i class=\"hm-tie\"></i>tied with the best: 95 % intervals overlap</span>")
        .append("<span><i class=\"hm-scale\"></i>0 → 1</span></span></div>");
    for (String m : h.metrics) {
      b.append("<div class=\"hm-set").append(m.equals(h.defaultMetric) ? "" : " hidden").append("\" data-metric=\"")
          .append(esc(m)).append("\"><div class=\"heatmaps\">");
      h.grids.get(m).forEach(g -> b.append(grid(g)));
      b.append("</div></div>");
    }
    b.append("<p class=\"small muted\">Mean over queries; hover a cell for its interval. Which differences are real: ")
        .append("<a href=\"#significance\">significance</a>; every cell with intervals: <a href=\"#overview\">overview</a>.</p>");
    b.append(look.notes(true, false));
    return b.append("</section>").toString();
  }

  private String grid(Headline.Grid g) {
    StringBuilder b = new StringBuilder("<table class=\"heatmap\" data-store=\"").append(esc(g.store())).append("\"><caption>store <b>")
        .append(esc(g.store())).append("</b> · ").append(esc(MetricNames.display(g.metric()))).append("</caption><thead><tr><th></th>");
    for (String qs : g.querySets()) {
      b.append("<th class=\"qs\">").append(esc(qs).replace("-", "-<wbr>")).append(look.badges(qs)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (String system : g.systems()) {
      b.append("<tr><th class=\"sys\"><span class=\"key\" style=\"background:").append(look.color(system)).append("\">")
          .append(esc(look.key(system))).append("</span>").append(esc(system)).append(Look.jointMark(system)).append("</th>");
      for (String qs : g.querySets()) {
        b.append(cell(g, system, qs));
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String cell(Headline.Grid g, String system, String qs) {
    Headline.Value v = g.at(system, qs);
    if (v.cell() == null || Double.isNaN(v.mean())) {
      return "<td class=\"hm-na\">–</td>";
    }
    double x = Math.max(0, Math.min(1, v.mean()));
    String title = system + " · " + g.store() + " · " + qs + ": " + MetricNames.display(g.metric()) + " " + num(v.mean(), 3)
        + (v.ci().isDefined() ? " (95 % CI " + num(v.ci().low(), 3) + "–" + num(v.ci().high(), 3) + ")" : "")
        + switch (v.standing()) {
          case BEST -> ", best in " + qs;
          case TIE -> ", tied with the best within the intervals";
          case NONE -> "";
        };
    return "<td class=\"hm h" + v.standing().cssClass + "\" data-v=\"" + num(v.mean(), 6) + "\" style=\"background-color:"
        + shade(x) + ";color:" + (x > 0.55 ? "#fff" : "#1d2430") + "\" title=\"" + esc(title) + "\">" + num(v.mean(), 3)
        + (v.standing() == Overview.Standing.BEST ? "<b class=\"star\">★</b>" : "") + "</td>";
  }

  /** Sequential blue: #f1f6fb at 0 to #1f4e8c at 1. */
  static String shade(double x) {
    int r = (int) Math.round(0xf1 + (0x1f - 0xf1) * x);
    int g = (int) Math.round(0xf6 + (0x4e - 0xf6) * x);
    int bl = (int) Math.round(0xfb + (0x8c - 0xfb) * x);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }
}
