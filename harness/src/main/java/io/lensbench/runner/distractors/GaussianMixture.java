package io.lensbench.runner.distractors;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A Gaussian mixture with diagonal covariances, fitted by EM from a seeded k-means++ start, and
 * seeded sampling from it. Deterministic: one thread, a fixed order, {@link StrictMath} for every
 * transcendental function — the same vectors and seed give the same model and samples on any JVM.
 */
public final class GaussianMixture {
  private static final double VARIANCE_FLOOR = 1e-6;
  private static final double LOG_2PI = StrictMath.log(2 * Math.PI);

  private final double[] weights;
  private final double[][] means;
  private final double[][] variances;
  private final double meanLogLikelihood;

  private GaussianMixture(double[] weights, double[][] means, double[][] variances, double ll) {
    this.weights = weights;
    this.means = means;
    this.variances = variances;
    this.meanLogLikelihood = ll;
  }

  /**
   * Fits {@code components} components (fewer when there are fewer points) to {@code points}.
   *
   * @param iterations EM iterations after the k-means++ start
   */
  public static GaussianMixture fit(List<float[]> points, int components, int iterations, long seed) {
    int n = points.size();
    int d = points.get(0).length;
    int k = Math.max(1, Math.min(components, n));
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = points.get(i)[j];
      }
    }
    double[][] means = seeds(x, k, new SplittableRandom(seed));
    double[][] variances = new double[k][];
    double[] global = globalVariance(x);
    for (int c = 0; c < k; c++) {
      variances[c] = global.clone();
    }
    double[] weights = new double[k];
    java.util.Arrays.fill(weights, 1.0 / k);
    double[][] resp = new double[n][k];
    double ll = 0;
    for (int it = 0; it < iterations; it++) {
      ll = expectation(x, weights, means, variances, resp);
      maximisation(x, resp, weights, means, variances);
    }
    ll = expectation(x, weights, means, variances, resp);
    return new GaussianMixture(weights, means, variances, ll / n);
  }

  public int components() {
    return weights.length;
  }

  public int dimension() {
    return means[0].length;
  }

  /** Mean log-likelihood of the fitted points under the model (per point). */
  public double meanLogLikelihood() {
    return meanLogLikelihood;
  }

  /** A sample, L2-normalised like the real vectors, from a random stream the caller seeds. */
  public float[] sample(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int c = 0;
    for (double acc = weights[0]; acc < u && c < weights.length - 1; acc += weights[++c]) {
      // walk the cumulative weights
    }
    int d = dimension();
    double[] v = new double[d];
    double norm = 0;
    for (int j = 0; j < d; j += 2) {
      double r = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()));
      double a = 2 * Math.PI * rnd.nextDouble();
      v[j] = means[c][j] + StrictMath.sqrt(variances[c][j]) * r * StrictMath.cos(a);
      if (j + 1 < d) {
        v[j + 1] = means[c][j + 1] + StrictMath.sqrt(variances[c][j + 1]) * r * StrictMath.sin(a);
      }
    }
    for (double e : v) {
      norm += e * e;
    }
    norm = StrictMath.sqrt(norm);
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) (norm == 0 ? 0 : v[j] / norm);
    }
    return out;
  }

  /** k-means++: the first centre uniformly, each next one with probability ∝ squared distance. */
  private static double[][] seeds(double[][] x, int k, SplittableRandom rnd) {
    int n = x.length;
    double[][] centres = new double[k][];
    centres[0] = x[rnd.nextInt(n)].clone();
    double[] dist = new double[n];
    java.util.Arrays.fill(dist, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        dist[i] = Math.min(dist[i], squared(x[i], centres[c - 1]));
        total += dist[i];
      }
      double target = rnd.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        target -= dist[i];
        if (target <= 0) {
          pick = i;
          break;
        }
      }
      centres[c] = x[pick].clone();
    }
    return centres;
  }

  private static double[] globalVariance(double[][] x) {
    int d = x[0].length;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (double[] p : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += p[j] / x.length;
      }
    }
    for (double[] p : x) {
      for (int j = 0; j < d; j++) {
        var[j] += (p[j] - mean[j]) * (p[j] - mean[j]) / x.length;
      }
    }
    for (int j = 0; j < d; j++) {
      var[j] = Math.max(var[j], VARIANCE_FLOOR);
    }
    return var;
  }

  /** Fills the responsibilities; returns the total log-likelihood. */
  private static double expectation(double[][] x, double[] w, double[][] mu, double[][] var, double[][] resp) {
    int k = w.length;
    double[] logNorm = new double[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (double v : var[c]) {
        s += LOG_2PI + StrictMath.log(v);
      }
      logNorm[c] = StrictMath.log(w[c]) - 0.5 * s;
    }
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double q = 0;
        for (int j = 0; j < x[i].length; j++) {
          double diff = x[i][j] - mu[c][j];
          q += diff * diff / var[c][j];
        }
        resp[i][c] = logNorm[c] - 0.5 * q;
        max = Math.max(max, resp[i][c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        resp[i][c] = StrictMath.exp(resp[i][c] - max);
        sum += resp[i][c];
      }
      for (int c = 0; c < k; c++) {
        resp[i][c] /= sum;
      }
      total += max + StrictMath.log(sum);
    }
    return total;
  }

  private static void maximisation(double[][] x, double[][] resp, double[] w, double[][] mu, double[][] var) {
    int n = x.length;
    int d = x[0].length;
    for (int c = 0; c < w.length; c++) {
      double nk = 0;
      double[] m = new double[d];
      for (int i = 0; i < n; i++) {
        nk += resp[i][c];
        for (int j = 0; j < d; j++) {
          m[j] += resp[i][c] * x[i][j];
        }
      }
      if (nk < 1e-9) {
        continue; // an empty component keeps its parameters
      }
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        m[j] /= nk;
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double diff = x[i][j] - m[j];
          v[j] += resp[i][c] * diff * diff;
        }
      }
      for (int j = 0; j < d; j++) {
        v[j] = Math.max(v[j] / nk, VARIANCE_FLOOR);
      }
      w[c] = nk / n;
      mu[c] = m;
      var[c] = v;
    }
    double sum = 0;
    for (double wc : w) {
      sum += wc;
    }
    for (int c = 0; c < w.length; c++) {
      w[c] /= sum;
    }
  }

  private static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }
}
