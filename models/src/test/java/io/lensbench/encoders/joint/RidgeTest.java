package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed-form ridge recovers a known linear map (with intercept) when λ is small. */
class RidgeTest {
  @Test
  void recoversALinearMapAndItsIntercept() {
    Random rnd = new Random(1);
    int d = 6;
    int k = 3;
    float[] w0 = new float[d * k];
    for (int i = 0; i < w0.length; i++) {
      w0[i] = (float) rnd.nextGaussian();
    }
    float[] b0 = {0.5f, -1f, 2f};
    List<float[]> x = new ArrayList<>();
    List<float[]> y = new ArrayList<>();
    LinearHead truth = new LinearHead(d, k, w0, b0);
    for (int n = 0; n < 400; n++) {
      float[] row = new float[d];
      for (int i = 0; i < d; i++) {
        row[i] = (float) rnd.nextGaussian();
      }
      x.add(row);
      y.add(truth.apply(row));
    }
    float[][] mom = FeatureHead.moments(x);
    List<float[]> z = x.stream().map(r -> FeatureHead.standardize(r, mom[0], mom[1])).toList();
    LinearHead fit = Ridge.of(z, y).solve(1e-6);
    for (int n = 0; n < 5; n++) {
      float[] want = y.get(n);
      float[] got = fit.apply(z.get(n));
      for (int j = 0; j < k; j++) {
        assertEquals(want[j], got[j], 1e-3, "row " + n + " output " + j);
      }
    }
  }
}
