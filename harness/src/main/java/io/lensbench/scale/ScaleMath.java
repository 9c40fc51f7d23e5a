package io.lensbench.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The arithmetic of a scale run: percentiles, ANN recall against the exact result, the log-log
 * least-squares growth exponent and the quality-vs-latency Pareto front.
 */
public final class ScaleMath {
  private ScaleMath() {}

  /** The nearest-rank percentile ({@code p} in 0..100) of the values; NaN when there are none. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * ANN recall@k of one query: the share of the exact top k (as many as there are, at most k)
   * that the approximate top k also holds; 1 when the exact list is empty.
   */
  public static double annRecall(List<String> approximate, List<String> exact, int k) {
    List<String> truth = exact.subList(0, Math.min(k, exact.size()));
    if (truth.isEmpty()) {
      return 1.0;
    }
    Set<String> found = new HashSet<>(approximate.subList(0, Math.min(k, approximate.size())));
    long hit = truth.stream().filter(found::contains).count();
    return (double) hit / truth.size();
  }

  /**
   * A growth law {@code y = c · x^exponent} fitted by least squares on {@code log x, log y}.
   *
   * @param r2 the fit's coefficient of determination (1 with two points)
   */
  public record Growth(double exponent, double coefficient, double r2, int points) {}

  /** The growth law through the positive points; null when fewer than two remain. */
  public static Growth fitGrowth(double[] x, double[] y) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        pts.add(new double[] {Math.log(x[i]), Math.log(y[i])});
      }
    }
    int n = pts.size();
    if (n < 2) {
      return null;
    }
    double mx = pts.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = pts.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : pts) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    if (sxx == 0) {
      return null;
    }
    double slope = sxy / sxx;
    double r2 = syy == 0 ? 1.0 : (sxy * sxy) / (sxx * syy);
    return new Growth(slope, Math.exp(my - slope * mx), r2, n);
  }

  /** A point of a quality-vs-latency chart. */
  public record Point(String label, double latencyMs, double quality) {}

  /**
   * The points no other point beats: none has lower-or-equal latency and higher-or-equal quality
   * with one of them strictly better. In order of latency.
   */
  public static List<Point> paretoFront(List<Point> points) {
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(Point::latencyMs)
        .thenComparing(Comparator.comparingDouble(Point::quality).reversed()));
    List<Point> front = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point p : sorted) {
      if (p.quality() > best) {
        front.add(p);
        best = p.quality();
      }
    }
    return front;
  }
}
