package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.CellId;
import io.lensbench.eval.run.ItemRow;
import io.lensbench.eval.run.QueryRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-query drill-down: the queries the cells disagree on most, with every cell's top results as thumbnails. */
final class DrilldownSection {
  private final ReportModel model;
  private final Look look;
  private final Thumbnails thumbs;

  DrilldownSection(ReportModel model, Look look, Thumbnails thumbs) {
    this.model = model;
    this.look = look;
    this.thumbs = thumbs;
  }

  String render() {
    ReportOptions options = model.options;
    RunData run = model.run;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"drilldown\" style=\"--tp:")
        .append(options.thumbPx()).append("px\"><h2>Per-query drill-down</h2>");
    b.append("<p class=\"lead\">Up to ").append(options.maxDrilldown()).append(" queries per query set — those where the cells disagree most on ")
        .append(esc(MetricNames.display(options.primaryMetric()))).append(" — with each cell's top ").append(options.topK())
        .append(" results. Border and badge: relevance grade from the qrels; small arrow: rank movement after rerank ")
        .append("(▲ moved up, ▼ down, new = not in the first-stage list).</p>");
    b.append("<div class=\"keyrow\"><span><i class=\"g2\"></i>grade 2</span><span><i class=\"g1\"></i>grade 1</span>")
        .append("<span><i class=\"g0\"></i>judged non-relevant</span><span><i class=\"gu\"></i>unjudged</span></div>");
    b.append(look.notes(true, true));
    if (run.items().isEmpty()) {
      b.append("<div class=\"note info\">No items.jsonl in the run directory: results are shown by id without thumbnails.</div>");
    }
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter queries (text, id, slice)\" ")
        .append("data-target=\"dd-list\">");
    if (run.stores().size() > 1) {
      b.append("<label class=\"muted small\"> store <select class=\"rowstore\" data-target=\"dd-list\"><option value=\"\">all</option>");
      run.stores().forEach(st -> b.append("<option value=\"").append(esc(st)).append("\">").append(esc(st)).append("</option>"));
      b.append("</select></label>");
    }
    b.append("<span class=\"count\"></span></div><div id=\"dd-list\">");
    model.drilldown.bySet.forEach((qs, queries) -> {
      b.append("<h3>").append(esc(qs)).append("</h3>");
      queries.forEach(q -> b.append(query(q)));
    });
    return b.append("</div></section>").toString();
  }

  private String query(Drilldown.Query d) {
    QueryRow q = d.row();
    String search = (d.id() + " " + d.querySet() + " " + d.slice() + " " + (q != null && q.text() != null ? q.text() : ""))
        .toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder("<div class=\"qcard\" data-search=\"").append(esc(search)).append("\"><div class=\"qhead\">");
    if (q != null && q.image() != null) {
      Thumbnails.Thumb th = thumbs.get(model.run.resolveImage(q.image()), "table_image".equals(q.kind()) ? 240 : 112);
      if (th != null) {
        b.append("<div class=\"qimg ").append(th.cssClass()).append("\" style=\"width:").append(th.width()).append("px;height:")
            .append(th.height()).append("px\" title=\"query image\"></div>");
      }
    }
    String kind = q == null ? "image" : (q.kind() == null ? "text" : q.kind()).replace('_', ' ');
    b.append("<div><div class=\"qtext\">").append(q != null && q.text() != null ? esc(q.text())
        : "<span class=\"muted\">(" + esc(kind) + " query)</span>").append("</div><div class=\"qmeta\"><span class=\"mono\">")
        .append(esc(d.id())).append("</span> · ").append(esc(d.slice()));
    if (q != null) {
      q.attributes().forEach((k, v) -> b.append(" · ").append(esc(k)).append('=').append(esc(v)));
    }
    b.append(" · ").append(d.numRelevant()).append(" relevant</div>");
    b.append(answerKey(d.relevant(), d.judgments()));
    b.append("</div></div>");
    for (Drilldown.CellResults c : d.cells()) {
      b.append(cell(c, d.judgments()));
    }
    return b.append("</div>").toString();
  }

  /** A few relevant items: the answer key. */
  private String answerKey(List<String> relevant, Map<String, Integer> judgments) {
    if (relevant.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<div class=\"rel\">relevant: ");
    for (String id : relevant) {
      ItemRow it = model.run.items().get(id);
      Thumbnails.Thumb th = it == null ? null : thumbs.get(model.run.resolveImage(it.image()), model.options.thumbPx());
      b.append("<div class=\"tile g").append(Math.min(3, judgments.get(id))).append(th == null ? " noimg" : " " + th.cssClass())
          .append("\" style=\"--tp:40px\" title=\"").append(esc(id + (it != null && it.name() != null ? " · " + it.name() : "")))
          .append("\">").append(th == null ? esc(Svg.shorten(id, 8)) : "").append("</div>");
    }
    return b.append("</div>").toString();
  }

  private String cell(Drilldown.CellResults c, Map<String, Integer> judgments) {
    CellId id = c.cell().id();
    StringBuilder b = new StringBuilder("<div class=\"rowcell\" data-store=\"").append(esc(id.store())).append("\"><div class=\"lbl\">")
        .append(esc(id.label())).append(Look.jointMark(id.strategy()))
        .append("<small>").append(esc(MetricNames.display(model.options.primaryMetric()))).append(' ').append(num(c.value(), 3))
        .append("</small></div><div class=\"tiles\">");
    if (c.tiles() == null) {
      b.append("<span class=\"muted\">no record for this query</span>");
    } else {
      c.tiles().forEach(t -> b.append(tile(t)));
    }
    return b.append("</div></div>").toString();
  }

  private String tile(Drilldown.Tile t) {
    ItemRow item = model.run.items().get(t.hit().id());
    Integer g = t.grade();
    String gcls = g == null ? "gu" : "g" + Math.max(0, Math.min(3, g));
    Thumbnails.Thumb th = item == null ? null : thumbs.get(model.run.resolveImage(item.image()), model.options.thumbPx());
    String movement = t.movement().text();
    String tip = "#" + t.rank() + " · " + t.hit().id() + (item != null && item.name() != null ? " · " + item.name() : "")
        + " · " + (g == null ? "unjudged" : "grade " + g) + (movement.isEmpty() ? "" : " · " + movement)
        + " · score " + num(t.hit().score(), 4);
    StringBuilder b = new StringBuilder("<div class=\"tile ").append(gcls).append(th == null ? " noimg" : " " + th.cssClass())
        .append("\" title=\"").append(esc(tip)).append("\">");
    if (th == null) {
      b.append(esc(Svg.shorten(t.hit().id(), 14)));
    }
    b.append("<span class=\"rk\">").append(t.rank()).append("</span>");
    if (g != null) {
      b.append("<span class=\"gr\">").append(g).append("</span>");
    }
    if (!movement.isEmpty()) {
      b.append("<span class=\"mv ").append(t.movement().cssClass()).append("\">").append(esc(movement)).append("</span>");
    }
    return b.append("</div>").toString();
  }
}
