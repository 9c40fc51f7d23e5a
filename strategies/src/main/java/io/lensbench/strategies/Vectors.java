package io.lensbench.strategies;

/** Small vector helpers. */
public final class Vectors {
  private Vectors() {}

  /** An L2-normalised copy (a zero vector stays zero). */
  public static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    float[] out = v.clone();
    if (n == 0) {
      return out;
    }
    double inv = 1.0 / Math.sqrt(n);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (out[i] * inv);
    }
    return out;
  }

  /** normalize(normalize(a) + normalize(b)). */
  public static float[] meanDirection(float[] a, float[] b) {
    float[] na = normalize(a);
    float[] nb = normalize(b);
    float[] s = new float[na.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = na[i] + nb[i];
    }
    return normalize(s);
  }
}
