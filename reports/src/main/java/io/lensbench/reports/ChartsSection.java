package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Charts: Recall@k and Success@k curves, per-slice bars and store parity. */
final class ChartsSection {
  private final ReportModel model;
  private final Look look;

  ChartsSection(ReportModel model, Look look) {
    this.model = model;
    this.look = look;
  }

  String render() {
    RunData run = model.run;
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"charts\"><h2>Charts</h2>");
    b.append("<p class=\"lead\">Hover a point or bar for its value. Colour = strategy; dashed line = second store.</p>");
    b.append(legend(run.cells(), run.stores().size() > 1));
    b.append(look.notes(true, false));
    b.append("<h3>Recall@k curves</h3>").append(curves("recall", "Recall@k"));
    b.append("<h3>Success@k curves <span class=\"muted\">(= R@K in CLIP papers)</span></h3>").append(curves("success", "Success@k"));
    b.append(sliceBars());
    b.append(new ParityChart(model.parity).render());
    return b.append("</section>").toString();
  }

  private String legend(List<RunCell> cells, boolean storesDashed) {
    StringBuilder b = new StringBuilder("<div class=\"legend\">");
    Set<String> seen = new LinkedHashSet<>();
    for (RunCell c : cells) {
      if (seen.add(c.id().system())) {
        b.append("<span><i style=\"background:").append(look.color(c)).append("\"></i>").append(esc(c.id().system()))
            .append(Look.jointMark(c.id().strategy())).append("</span>");
      }
    }
    if (storesDashed) {
      List<String> stores = model.run.stores();
      for (int i = 0; i < stores.size(); i++) {
        b.append("<span><i ").append(i == 0 ? "" : "class=\"dash\" ").append("style=\"--c:#5f6b7a;background:#5f6b7a\"></i>store ")
            .append(esc(stores.get(i))).append("</span>");
      }
    }
    return b.append("</div>").toString();
  }

  private String curves(String family, String title) {
    List<Integer> ks = MetricNames.cutoffs(model.run.cells(), family);
    if (ks.size() < 2) {
      return "";
    }
    List<String> xl = ks.stream().map(k -> "k=" + k).toList();
    StringBuilder b = new StringBuilder("<div class=\"charts\">");
    for (String qs : model.run.querySets()) {
      List<Svg.Series> series = new ArrayList<>();
      for (RunCell c : model.run.cells()) {
        if (c.id().querySet().equals(qs)) {
          double[] ys = ks.stream().mapToDouble(k -> c.mean(family + "_at_" + k)).toArray();
          series.add(new Svg.Series(c.id().label(), look.color(c), look.secondaryStore(c.id().store()), ys));
        }
      }
      b.append(Svg.lines(title + " · " + qs, xl, series, family + "@k"));
    }
    return b.append("</div>").toString();
  }

  private String sliceBars() {
    List<QuerySlices.SliceRow> slices = model.slices;
    if (slices.isEmpty()) {
      return "";
    }
    String metric = MetricNames.display(model.options.primaryMetric());
    StringBuilder b = new StringBuilder("<h3>Per slice: ").append(esc(metric)).append("</h3>");
    b.append(look.notes(false, true));
    b.append("<div class=\"charts\">");
    for (String store : model.run.stores()) {
      List<String> cats = new ArrayList<>();
      List<String> systems = new ArrayList<>();
      for (QuerySlices.SliceRow r : slices) {
        if (r.store().equals(store)) {
          if (!cats.contains(r.slice())) {
            cats.add(r.slice());
          }
          if (!systems.contains(r.system())) {
            systems.add(r.system());
          }
        }
      }
      cats.sort(QuerySlices::compare);
      List<Svg.Series> series = new ArrayList<>();
      for (String sys : systems) {
        double[] v = new double[cats.size()];
        Arrays.fill(v, Double.NaN);
        slices.stream().filter(r -> r.store().equals(store) && r.system().equals(sys))
            .forEach(r -> v[cats.indexOf(r.slice())] = r.mean());
        series.add(new Svg.Series(sys, look.color(sys), false, v));
      }
      b.append(Svg.groupedBars(metric + " per slice · store " + store, cats, series, "mean " + metric));
    }
    return b.append("</div>").toString();
  }
}
