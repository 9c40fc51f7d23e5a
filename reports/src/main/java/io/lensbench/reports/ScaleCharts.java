package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Svg.f;

import java.util.List;
import java.util.Locale;

/**
 * The scale page's inline SVG charts: a log-log growth chart (one polyline per series, decade
 * ticks on both axes) and a quality-vs-latency scatter with the Pareto front drawn as a line and
 * its points filled.
 */
final class ScaleCharts {
  private static final int W = 460;
  private static final int H = 280;
  private static final double X0 = 64;
  private static final double X1 = W - 16;
  private static final double Y0 = 28;
  private static final double Y1 = H - 44;

  private ScaleCharts() {}

  /** A series of points; {@code front} marks, in a scatter, the points on the Pareto front. */
  record Series(String name, double[] x, double[] y, boolean[] front) {}

  /** Growth chart, both axes logarithmic. */
  static String logLog(String title, String xLabel, String yLabel, List<Series> series) {
    double[] xr = range(series, true);
    double[] yr = range(series, false);
    StringBuilder b = Svg.open(W, H, title);
    frame(b, title, xLabel, yLabel);
    decades(b, xr, true);
    decades(b, yr, false);
    for (int s = 0; s < series.size(); s++) {
      Series ser = series.get(s);
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < ser.x().length; i++) {
        if (ser.x()[i] > 0 && ser.y()[i] > 0) {
          pts.append(f(px(Math.log10(ser.x()[i]), xr))).append(',').append(f(py(Math.log10(ser.y()[i]), yr))).append(' ');
          dot(b, px(Math.log10(ser.x()[i]), xr), py(Math.log10(ser.y()[i]), yr), Svg.color(s), true, ser.name());
        }
      }
      b.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(Svg.color(s)).append("\" points=\"")
          .append(pts.toString().trim()).append("\"/>");
    }
    legend(b, series);
    return b.append("</svg>").toString();
  }

  /** Quality (0..1) against latency (log ms); front points filled and joined. */
  static String pareto(String title, Series points, List<String> labels) {
    double[] xr = range(List.of(points), true);
    double[] yr = {0, 1};
    StringBuilder b = Svg.open(W, H, title);
    frame(b, title, "p99 latency, ms (log)", "ANN recall@k vs exact");
    decades(b, xr, true);
    for (int i = 0; i <= 4; i++) {
      double y = py(i / 4.0, yr);
      b.append("<text class=\"tick\" x=\"").append(f(X0 - 6)).append("\" y=\"").append(f(y + 3.5))
          .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%.2f", i / 4.0)).append("</text>");
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < points.x().length; i++) {
      double x = px(Math.log10(points.x()[i]), xr);
      double y = py(points.y()[i], yr);
      dot(b, x, y, points.front()[i] ? "#e15759" : "#bab0ac", points.front()[i], labels.get(i));
      if (points.front()[i]) {
        line.append(f(x)).append(',').append(f(y)).append(' ');
        b.append("<text class=\"tick\" x=\"").append(f(x + 5)).append("\" y=\"").append(f(y - 5)).append("\">")
            .append(esc(labels.get(i))).append("</text>");
      }
    }
    b.append("<polyline fill=\"none\" stroke=\"#e15759\" stroke-width=\"1.5\" points=\"").append(line.toString().trim())
        .append("\"/>");
    return b.append("</svg>").toString();
  }

  private static void frame(StringBuilder b, String title, String xLabel, String yLabel) {
    b.append("<text class=\"title\" x=\"").append(f(X0)).append("\" y=\"16\">").append(esc(title)).append("</text>");
    b.append("<text class=\"tick\" x=\"").append(f((X0 + X1) / 2)).append("\" y=\"").append(H - 6)
        .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>");
    b.append("<text class=\"tick\" x=\"12\" y=\"").append(f((Y0 + Y1) / 2)).append("\" transform=\"rotate(-90 12 ")
        .append(f((Y0 + Y1) / 2)).append(")\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
  }

  private static void dot(StringBuilder b, double x, double y, String color, boolean filled, String label) {
    b.append("<circle r=\"3.5\" cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" stroke=\"")
        .append(color).append("\" fill=\"").append(filled ? color : "none").append("\"><title>").append(esc(label))
        .append("</title></circle>");
  }

  private static void legend(StringBuilder b, List<Series> series) {
    for (int s = 0; s < series.size(); s++) {
      double y = Y0 + 4 + 12 * s;
      b.append("<rect x=\"").append(f(X0 + 6)).append("\" y=\"").append(f(y - 7)).append("\" width=\"8\" height=\"8\" fill=\"")
          .append(Svg.color(s)).append("\"/><text class=\"tick\" x=\"").append(f(X0 + 18)).append("\" y=\"")
          .append(f(y)).append("\">").append(esc(series.get(s).name())).append("</text>");
    }
  }

  /** Gridlines and labels at each power of ten inside the log range. */
  private static void decades(StringBuilder b, double[] r, boolean x) {
    for (int e = (int) Math.ceil(r[0]); e <= Math.floor(r[1]); e++) {
      String label = e >= 3 ? String.format(Locale.ROOT, "1e%d", e) : Html.num(Math.pow(10, e), Math.max(0, -e));
      if (x) {
        double p = px(e, r);
        b.append("<line class=\"grid\" x1=\"").append(f(p)).append("\" x2=\"").append(f(p)).append("\" y1=\"").append(f(Y0))
            .append("\" y2=\"").append(f(Y1)).append("\"/><text class=\"tick\" x=\"").append(f(p)).append("\" y=\"")
            .append(f(Y1 + 14)).append("\" text-anchor=\"middle\">").append(label).append("</text>");
      } else {
        double p = py(e, r);
        b.append("<line class=\"grid\" x1=\"").append(f(X0)).append("\" x2=\"").append(f(X1)).append("\" y1=\"").append(f(p))
            .append("\" y2=\"").append(f(p)).append("\"/><text class=\"tick\" x=\"").append(f(X0 - 6)).append("\" y=\"")
            .append(f(p + 3.5)).append("\" text-anchor=\"end\">").append(label).append("</text>");
      }
    }
  }

  /** The log10 range of the positive x (or y) values, widened to at least one decade. */
  private static double[] range(List<Series> series, boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : x ? s.x() : s.y()) {
        if (v > 0) {
          lo = Math.min(lo, Math.log10(v));
          hi = Math.max(hi, Math.log10(v));
        }
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    double mid = (lo + hi) / 2;
    return hi - lo < 1 ? new double[] {mid - 0.5, mid + 0.5} : new double[] {lo - 0.05, hi + 0.05};
  }

  private static double px(double v, double[] r) {
    return X0 + (X1 - X0) * (v - r[0]) / (r[1] - r[0]);
  }

  private static double py(double v, double[] r) {
    return Y1 - (Y1 - Y0) * (v - r[0]) / (r[1] - r[0]);
  }
}
