package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.CellId;
import java.util.List;

/** Quality vs p99 latency: one small panel per query set, the Pareto front drawn, a legend of at most a few keys. */
final class TradeoffSection {
  private final ReportModel model;
  private final Look look;

  TradeoffSection(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    Tradeoff t = model.tradeoff;
    String metric = MetricNames.display(t.metric);
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"tradeoff\"><h2>Quality vs p99 latency</h2>");
    if (t.panels.isEmpty()) {
      return b.append("<p class=\"muted\">No latency data (neither bench data nor timingMs in the records).</p></section>").toString();
    }
    b.append("<p class=\"lead\">Up and to the left is better. The staircase is the Pareto front: no other point has both a ")
        .append("lower p99 and a higher ").append(esc(metric)).append("; the front's points are listed under each panel, fastest first. Source: ").append(esc(t.source))
        .append(".</p>");
    b.append(legend());
    b.append("<div class=\"charts small-multiples\">");
    t.panels.forEach((qs, pts) -> {
      List<ParetoPanel.Mark> marks = pts.stream().map(this::mark).toList();
      b.append("<figure class=\"panel\">").append(ParetoPanel.render(qs, marks, "p99 (ms)", metric))
          .append("<figcaption>").append(look.badges(qs)).append(" Pareto front, fastest first:").append(front(pts)).append("</figcaption></figure>");
    });
    return b.append("</div></section>").toString();
  }

  private ParetoPanel.Mark mark(Tradeoff.Point p) {
    CellId id = p.cell().id();
    String tooltip = id.label() + " · " + id.querySet() + ": " + MetricNames.display(model.tradeoff.metric) + " "
        + num(p.quality(), 3) + " @ p99 " + num(p.p99Ms(), 2) + " ms" + (p.front() ? " (Pareto front)" : "");
    return new ParetoPanel.Mark(look.key(id.system()), tooltip, p.p99Ms(), p.quality(), look.color(id.system()), look.marker(id.store()), p.front());
  }

  /** The front's points, fastest first: key, system, store, p99 and quality. */
  private String front(List<Tradeoff.Point> pts) {
    StringBuilder b = new StringBuilder();
    for (Tradeoff.Point p : pts) {
      if (p.front()) {
        CellId id = p.cell().id();
        b.append("<span class=\"fp\"><b>").append(esc(look.key(id.system()))).append("</b> ").append(esc(id.system()))
            .append(model.run.stores().size() > 1 ? " · " + esc(id.store()) : "").append(" <span class=\"muted\">")
            .append(num(p.p99Ms(), p.p99Ms() < 10 ? 1 : 0)).append(" ms, ").append(num(p.quality(), 3)).append("</span></span>");
      }
    }
    return b.toString();
  }

  /** Systems by key and colour, stores by marker shape. */
  private String legend() {
    StringBuilder b = new StringBuilder("<div class=\"legend\">").append(look.systemKeys());
    for (String store : model.run.stores()) {
      b.append("<span><i class=\"shape ").append(look.marker(store)).append("\"></i>").append(esc(store)).append("</span>");
    }
    return b.append("</div>").toString();
  }
}
