package io.lensbench.encoders.joint;

import io.lensbench.core.InfrastructureException;
import java.util.List;

/**
 * Closed-form ridge regression from standardised image features to text vectors, in plain Java
 * (double precision): {@code W = (XᵀX + λI)⁻¹ Xᵀ(Y − ȳ)}, prediction {@code ȳ + xW}. The Gram
 * matrix is computed once per feature set; each λ costs one Cholesky solve.
 */
final class Ridge {
  private final int d;
  private final int k;
  private final double[] gram; // d × d, row-major (upper triangle filled, then mirrored)
  private final double[] xty; // d × k
  private final double[] yMean; // k

  private Ridge(int d, int k, double[] gram, double[] xty, double[] yMean) {
    this.d = d;
    this.k = k;
    this.gram = gram;
    this.xty = xty;
    this.yMean = yMean;
  }

  /** Sufficient statistics of (standardised features x, targets y), one row per example. */
  static Ridge of(List<float[]> x, List<float[]> y) {
    int d = x.get(0).length;
    int k = y.get(0).length;
    double[] yMean = new double[k];
    for (float[] t : y) {
      for (int j = 0; j < k; j++) {
        yMean[j] += t[j];
      }
    }
    for (int j = 0; j < k; j++) {
      yMean[j] /= y.size();
    }
    double[] gram = new double[d * d];
    double[] xty = new double[d * k];
    double[] row = new double[d];
    for (int n = 0; n < x.size(); n++) {
      float[] xs = x.get(n);
      float[] ys = y.get(n);
      for (int i = 0; i < d; i++) {
        row[i] = xs[i];
      }
      for (int i = 0; i < d; i++) {
        double xi = row[i];
        if (xi == 0) {
          continue;
        }
        int base = i * d;
        for (int j = i; j < d; j++) {
          gram[base + j] += xi * row[j];
        }
        int yb = i * k;
        for (int j = 0; j < k; j++) {
          xty[yb + j] += xi * (ys[j] - yMean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        gram[i * d + j] = gram[j * d + i];
      }
    }
    return new Ridge(d, k, gram, xty, yMean);
  }

  /** The head for one λ: weights d × k (row-major) and the intercept ȳ. */
  LinearHead solve(double lambda) {
    double[] a = gram.clone();
    for (int i = 0; i < d; i++) {
      a[i * d + i] += lambda;
    }
    cholesky(a, d);
    double[] w = xty.clone();
    // forward (L z = b), then backward (Lᵀ w = z), all k right-hand sides at once (row-wise)
    substitute(a, w, d, k, false);
    substitute(a, w, d, k, true);
    float[] wf = new float[d * k];
    for (int i = 0; i < wf.length; i++) {
      wf[i] = (float) w[i];
    }
    float[] b = new float[k];
    for (int j = 0; j < k; j++) {
      b[j] = (float) yMean[j];
    }
    return new LinearHead(d, k, wf, b);
  }

  /** In-place Cholesky factorisation of a symmetric positive definite matrix (lower triangle). */
  private static void cholesky(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      double s = a[j * n + j];
      for (int p = 0; p < j; p++) {
        s -= a[j * n + p] * a[j * n + p];
      }
      if (!(s > 0)) {
        throw new InfrastructureException("ridge: the regularised Gram matrix is not positive"
            + " definite at row " + j + " (increase lambda)");
      }
      double l = Math.sqrt(s);
      a[j * n + j] = l;
      for (int i = j + 1; i < n; i++) {
        double t = a[i * n + j];
        for (int p = 0; p < j; p++) {
          t -= a[i * n + p] * a[j * n + p];
        }
        a[i * n + j] = t / l;
      }
    }
  }

  /**
   * Solves {@code L x = w} ({@code transposed} false: forward) or {@code Lᵀ x = w} (true:
   * backward) in place for k right-hand sides stored row-wise; L is the lower triangle of a.
   */
  private static void substitute(double[] a, double[] w, int d, int k, boolean transposed) {
    for (int step = 0; step < d; step++) {
      int i = transposed ? d - 1 - step : step;
      int wi = i * k;
      int from = transposed ? i + 1 : 0;
      int to = transposed ? d : i;
      for (int j = from; j < to; j++) {
        double l = transposed ? a[j * d + i] : a[i * d + j];
        if (l != 0) {
          int wj = j * k;
          for (int c = 0; c < k; c++) {
            w[wi + c] -= l * w[wj + c];
          }
        }
      }
      double diag = a[i * d + i];
      for (int c = 0; c < k; c++) {
        w[wi + c] /= diag;
      }
    }
  }
}
