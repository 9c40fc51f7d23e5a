package io.lensbench.encoders.joint;

/**
 * A dense layer in plain Java: {@code y = b + xW}, W stored row-major as in × out. The ridge head
 * is one; the MLP head is two with a ReLU between.
 */
record LinearHead(int in, int out, float[] weights, float[] bias) {
  LinearHead {
    if (weights.length != in * out || bias.length != out) {
      throw new IllegalArgumentException("layer " + in + "x" + out + ": expected " + in * out
          + " weights and " + out + " biases, found " + weights.length + " and " + bias.length);
    }
  }

  float[] apply(float[] x) {
    double[] acc = new double[out];
    for (int j = 0; j < out; j++) {
      acc[j] = bias[j];
    }
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      if (xi == 0f) {
        continue;
      }
      int base = i * out;
      for (int j = 0; j < out; j++) {
        acc[j] += xi * weights[base + j];
      }
    }
    float[] y = new float[out];
    for (int j = 0; j < out; j++) {
      y[j] = (float) acc[j];
    }
    return y;
  }
}
