package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Svg.f;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One small-multiple panel of quality (y, from 0 to a round number above the panel's best) against
 * p99 latency (x, log scale when the range spans more than 10×): markers shaped by store and
 * coloured by system, labelled with their system's key where there is room (front points first),
 * the Pareto front drawn as a staircase over outlined markers.
 */
final class ParetoPanel {
  /** A marker: key letter, tooltip, position, colour, store shape and whether it is on the front. */
  record Mark(String key, String tooltip, double x, double y, String color, String shape, boolean front) {}

  private static final int W = 312;
  private static final int H = 236;
  private static final double X0 = 40;
  private static final double X1 = W - 12;
  private static final double Y0 = 28;
  private static final double Y1 = H - 34;

  private ParetoPanel() {}

  static String render(String title, List<Mark> marks, String xLabel, String yLabel) {
    double min = marks.stream().mapToDouble(Mark::x).min().orElse(0.1);
    double max = marks.stream().mapToDouble(Mark::x).max().orElse(1);
    boolean log = min > 0 && max / min > 10;
    double lo = log ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
    double hi = log ? Math.pow(10, Math.ceil(Math.log10(max))) : Svg.niceCeil(max * 1.15);
    double top = Math.min(1.0, Svg.niceCeil(Math.max(0.05, marks.stream().mapToDouble(Mark::y).max().orElse(1) * 1.08)));
    StringBuilder b = Svg.open(W, H, title);
    b.append("<text class=\"ctitle\" x=\"").append(f(X0)).append("\" y=\"17\">").append(esc(title)).append("</text>");
    Svg.yGrid(b, X0, X1, Y0, Y1, top, Svg.ticks(top), "%.2f");
    int ticks = log ? (int) Math.round(Math.log10(hi / lo)) : Svg.ticks(hi);
    for (int i = 0; i <= ticks; i++) {
      double v = log ? lo * Math.pow(10, i) : hi * i / ticks;
      double x = X0 + (X1 - X0) * i / ticks;
      b.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(f(Y0))
          .append("\" y2=\"").append(f(Y1)).append("\"/><text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(f(Y1 + 13))
          .append("\" text-anchor=\"").append(i == ticks ? "end" : "middle").append("\">").append(v == 0 ? "0" : Html.num(v, v < 1 ? 2 : v < 10 ? 1 : 0)).append("</text>");
    }
    b.append("<text class=\"axis\" x=\"").append(f((X0 + X1) / 2)).append("\" y=\"").append(H - 6).append("\" text-anchor=\"middle\">")
        .append(esc(xLabel)).append(log ? " (log)" : "").append("</text><text class=\"axis\" transform=\"rotate(-90)\" x=\"")
        .append(f(-(Y0 + Y1) / 2)).append("\" y=\"11\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
    StringBuilder stair = new StringBuilder();
    for (Mark m : marks) {
      if (m.front()) {
        double x = x(m.x(), log, lo, hi);
        double y = y(m.y(), top);
        stair.append(stair.length() == 0 ? "M" + f(x) + " " + f(y) : " H" + f(x) + " V" + f(y));
      }
    }
    if (stair.length() > 0) {
      b.append("<path class=\"front\" d=\"").append(stair).append(" H").append(f(X1)).append("\"/>");
    }
    List<double[]> labelled = new ArrayList<>();
    List<Mark> order = new ArrayList<>(marks);
    order.sort(Comparator.comparing(m -> !m.front()));
    StringBuilder points = new StringBuilder();
    for (Mark m : order) {
      double x = x(m.x(), log, lo, hi);
      double y = y(m.y(), top);
      boolean free = labelled.stream().noneMatch(p -> Math.abs(p[0] - x) < 13 && Math.abs(p[1] - y) < 10);
      if (free) {
        labelled.add(new double[] {x, y});
      }
      points.append(mark(m, x, y, free));
    }
    return b.append(points).append("</svg>").toString();
  }

  /** A marker with its key beside it when {@code label} (keys of crowded points are left to the tooltip). */
  private static String mark(Mark m, double x, double y, boolean label) {
    String shape = switch (m.shape()) {
      case "square" -> "<rect x=\"" + f(x - 4.5) + "\" y=\"" + f(y - 4.5) + "\" width=\"9\" height=\"9\"";
      case "triangle" -> "<path d=\"M" + f(x) + " " + f(y - 5.5) + " L" + f(x + 5.5) + " " + f(y + 4.5) + " L" + f(x - 5.5) + " "
          + f(y + 4.5) + " Z\"";
      case "diamond" -> "<path d=\"M" + f(x) + " " + f(y - 6) + " L" + f(x + 6) + " " + f(y) + " L" + f(x) + " " + f(y + 6) + " L"
          + f(x - 6) + " " + f(y) + " Z\"";
      default -> "<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"5\"";
    };
    StringBuilder b = new StringBuilder("<g class=\"pt").append(m.front() ? " on-front" : "").append("\">").append(shape)
        .append(" fill=\"").append(m.color()).append("\" stroke=\"#1d2430\" stroke-width=\"").append(m.front() ? "1.6" : "0.6")
        .append("\"><title>").append(esc(m.tooltip())).append("</title>").append(m.shape().equals("circle") ? "</circle>"
            : m.shape().equals("square") ? "</rect>" : "</path>");
    if (label) {
      b.append("<text class=\"plabel\" x=\"").append(f(x + 7)).append("\" y=\"").append(f(y - 4)).append("\">").append(esc(m.key()))
          .append("</text>");
    }
    return b.append("</g>").toString();
  }

  private static double x(double v, boolean log, double lo, double hi) {
    double frac = log ? Math.log10(v / lo) / Math.log10(hi / lo) : v / hi;
    return X0 + (X1 - X0) * Math.max(0, Math.min(1, frac));
  }

  private static double y(double v, double top) {
    return Y1 - (Y1 - Y0) * Math.max(0, Math.min(1, v / top));
  }
}
