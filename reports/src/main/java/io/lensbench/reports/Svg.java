package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import java.util.List;
import java.util.Locale;

/** Hand-rolled inline SVG charts. Every label passes through {@link Html#esc}. */
public final class Svg {
  private Svg() {}

  /** Categorical palette (Tableau 10), distinguishable for common colour-vision deficiencies. */
  public static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"
  };

  public static String color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** One line / bar series. {@code values} may hold NaN for missing points. */
  public record Series(String name, String color, boolean dashed, double[] values) {}

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static StringBuilder open(int w, int h, String aria) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"")
        .append(esc(aria)).append("\">");
    return b;
  }

  static void yGrid(StringBuilder b, double x0, double x1, double y0, double y1, double max, int ticks, String fmt) {
    for (int i = 0; i <= ticks; i++) {
      double v = max * i / ticks;
      double y = y1 - (y1 - y0) * i / ticks;
      b.append("<line class=\"grid\" x1=\"").append(f(x0)).append("\" x2=\"").append(f(x1)).append("\" y1=\"").append(f(y))
          .append("\" y2=\"").append(f(y)).append("\"/>");
      b.append("<text class=\"tick\" x=\"").append(f(x0 - 6)).append("\" y=\"").append(f(y + 3.5))
          .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, fmt, v)).append("</text>");
    }
  }

  /** Line chart over categorical x positions (e.g. k = 1, 5, 10, 20, 100), y in [0, 1]. */
  public static String lines(String title, List<String> xLabels, List<Series> series, String yLabel) {
    return lines(title, xLabels, series, yLabel, 1.0);
  }

  /** Line chart with y in [0, max]; max ≤ 0 scales to the data (rounded up to a nice number). */
  public static String lines(String title, List<String> xLabels, List<Series> series, String yLabel, double max) {
    if (max <= 0) {
      double m = 0;
      for (Series s : series) {
        for (double v : s.values()) {
          if (!Double.isNaN(v)) {
            m = Math.max(m, v);
          }
        }
      }
      max = niceCeil(m > 0 ? m : 1);
    }
    final double top = max;
    int w = 288;
    int h = 220;
    double x0 = 44;
    double x1 = w - 14;
    double y0 = 30;
    double y1 = h - 34;
    StringBuilder b = open(w, h, title);
    b.append("<text class=\"ctitle\" x=\"").append(f(x0)).append("\" y=\"18\">").append(esc(title)).append("</text>");
    yGrid(b, x0, x1, y0, y1, top, 4, top >= 10 ? "%.0f" : "%.2f");
    int n = xLabels.size();
    double step = n > 1 ? (x1 - x0 - 16) / (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      double x = x0 + 8 + step * i;
      b.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(f(y1 + 15))
          .append("\" text-anchor=\"middle\">").append(esc(xLabels.get(i))).append("</text>");
    }
    b.append("<text class=\"axis\" x=\"").append(f((x0 + x1) / 2)).append("\" y=\"").append(h - 4)
        .append("\" text-anchor=\"middle\">").append(esc(yLabel)).append("</text>");
    for (Series s : series) {
      StringBuilder path = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < n && i < s.values().length; i++) {
        double v = s.values()[i];
        if (Double.isNaN(v)) {
          pen = false;
          continue;
        }
        double x = x0 + 8 + step * i;
        double y = y1 - (y1 - y0) * Math.max(0, Math.min(1, v / top));
        path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
        pen = true;
        dots.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
            .append(s.color()).append("\"><title>").append(esc(s.name())).append(" @ ").append(esc(xLabels.get(i)))
            .append(": ").append(Html.num(v, 3)).append("</title></circle>");
      }
      b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.color())
          .append("\" stroke-width=\"2\"").append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "").append("/>");
      b.append(dots);
    }
    return b.append("</svg>").toString();
  }

  /** Grouped vertical bars: one group per category, one bar per series; y in [0, 1]. */
  public static String groupedBars(String title, List<String> categories, List<Series> series, String yLabel) {
    int groups = Math.max(1, categories.size());
    int per = Math.max(1, series.size());
    int barW = Math.max(6, Math.min(18, 150 / per));
    int groupW = Math.max(104, per * barW + 22);
    int w = Math.max(360, 56 + groups * groupW + 10);
    int h = 260;
    double x0 = 48;
    double y0 = 30;
    double y1 = h - 46;
    StringBuilder b = open(w, h, title);
    b.append("<text class=\"ctitle\" x=\"").append(f(x0)).append("\" y=\"18\">").append(esc(title)).append("</text>");
    yGrid(b, x0, w - 8, y0, y1, 1.0, 4, "%.2f");
    for (int g = 0; g < categories.size(); g++) {
      double gx = x0 + 10 + g * groupW + (groupW - 22 - per * barW) / 2.0;
      for (int s = 0; s < series.size(); s++) {
        double v = g < series.get(s).values().length ? series.get(s).values()[g] : Double.NaN;
        if (Double.isNaN(v)) {
          continue;
        }
        double bh = (y1 - y0) * Math.max(0, Math.min(1, v));
        b.append("<rect x=\"").append(f(gx + s * barW)).append("\" y=\"").append(f(y1 - bh)).append("\" width=\"")
            .append(barW - 2).append("\" height=\"").append(f(Math.max(bh, 0.5))).append("\" rx=\"2\" fill=\"")
            .append(series.get(s).color()).append("\"><title>").append(esc(series.get(s).name())).append(" — ")
            .append(esc(categories.get(g))).append(": ").append(Html.num(v, 3)).append("</title></rect>");
      }
      b.append("<text class=\"tick\" x=\"").append(f(gx + per * barW / 2.0)).append("\" y=\"").append(f(y1 + 15))
          .append("\" text-anchor=\"middle\">").append(esc(categories.get(g))).append("</text>");
    }
    b.append("<text class=\"axis\" x=\"").append(f(x0)).append("\" y=\"").append(h - 8).append("\">")
        .append(esc(yLabel)).append("</text>");
    return b.append("</svg>").toString();
  }

  /** Horizontal bars, values in [min(0, …), max]; negative values draw left of zero (deltas). */
  public static String hbars(String title, List<String> labels, double[] values, String[] colors, String fmt) {
    int rowH = 22;
    int labelW = 250;
    int w = 620;
    int h = 40 + rowH * labels.size() + 16;
    double min = 0;
    double max = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (max == min) {
      max = min + 1;
    }
    double x0 = labelW;
    double x1 = w - 60;
    double zero = x0 + (x1 - x0) * (0 - min) / (max - min);
    StringBuilder b = open(w, h, title);
    b.append("<text class=\"ctitle\" x=\"8\" y=\"18\">").append(esc(title)).append("</text>");
    b.append("<line class=\"axisline\" x1=\"").append(f(zero)).append("\" x2=\"").append(f(zero))
        .append("\" y1=\"28\" y2=\"").append(h - 10).append("\"/>");
    for (int i = 0; i < labels.size(); i++) {
      double y = 34 + i * rowH;
      double v = values[i];
      b.append("<text class=\"tick\" x=\"").append(f(x0 - 8)).append("\" y=\"").append(f(y + 12))
          .append("\" text-anchor=\"end\">").append(esc(shorten(labels.get(i), 40))).append("</text>");
      if (Double.isNaN(v)) {
        continue;
      }
      double xv = x0 + (x1 - x0) * (v - min) / (max - min);
      b.append("<rect x=\"").append(f(Math.min(zero, xv))).append("\" y=\"").append(f(y)).append("\" width=\"")
          .append(f(Math.max(1, Math.abs(xv - zero)))).append("\" height=\"").append(rowH - 6).append("\" rx=\"2\" fill=\"")
          .append(colors[i]).append("\"><title>").append(esc(labels.get(i))).append(": ")
          .append(String.format(Locale.ROOT, fmt, v)).append("</title></rect>");
      b.append("<text class=\"tick\" x=\"").append(f(Math.max(zero, xv) + 4)).append("\" y=\"").append(f(y + 12)).append("\">")
          .append(String.format(Locale.ROOT, fmt, v)).append("</text>");
    }
    return b.append("</svg>").toString();
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Grid intervals for an axis from 0 to a {@link #niceCeil} value: 5 for 2.5 and 5 × 10^n (steps of 0.5 and 1), else 4. */
  static int ticks(double top) {
    double mantissa = top / Math.pow(10, Math.floor(Math.log10(top)));
    return Math.abs(mantissa - 2.5) < 1e-9 || Math.abs(mantissa - 5) < 1e-9 ? 5 : 4;
  }

  static double niceCeil(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
