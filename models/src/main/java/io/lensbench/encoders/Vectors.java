package io.lensbench.encoders;

/**
 * Vector arithmetic in plain Java, the one place for it. Normalisation exists in two forms whose
 * rounding differs by at most one unit in the last place per component: {@link
 * #normalizeInPlace} (what every encoder applies to its output) and {@link #normalizedCopy} (what
 * strategies combining vectors apply). Stored vectors and run files depend on each bit for bit,
 * so neither is rewritten in terms of the other.
 */
public final class Vectors {
  private Vectors() {}

  /**
   * Scales {@code v} to unit L2 norm in place, multiplying by the float reciprocal of the norm;
   * returns {@code v}. A zero vector stays zero.
   */
  public static float[] normalizeInPlace(float[] v) {
    double s = sumOfSquares(v);
    if (s > 0) {
      float inv = (float) (1.0 / Math.sqrt(s));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  /**
   * A unit-L2-norm copy of {@code v}, each component scaled in double precision; {@code v} is
   * untouched. A zero vector gives a zero copy.
   */
  public static float[] normalizedCopy(float[] v) {
    double s = sumOfSquares(v);
    float[] out = v.clone();
    if (s == 0) {
      return out;
    }
    double inv = 1.0 / Math.sqrt(s);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (out[i] * inv);
    }
    return out;
  }

  /** normalizedCopy(normalizedCopy(a) + normalizedCopy(b)): the direction between a and b. */
  public static float[] meanDirection(float[] a, float[] b) {
    float[] na = normalizedCopy(a);
    float[] nb = normalizedCopy(b);
    float[] s = new float[na.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = na[i] + nb[i];
    }
    return normalizedCopy(s);
  }

  /**
   * normalizeInPlace(a + b), summed in float: how a joint encoder combines an image and a text
   * vector into one composed query.
   */
  public static float[] normalizedSum(float[] a, float[] b) {
    sameDimension(a, b);
    float[] s = new float[a.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = a[i] + b[i];
    }
    return normalizeInPlace(s);
  }

  /** The dot product, accumulated in double. */
  public static float dot(float[] a, float[] b) {
    sameDimension(a, b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return (float) s;
  }

  /** The cosine similarity in double; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    sameDimension(a, b);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static double sumOfSquares(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return s;
  }

  private static void sameDimension(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vector dimensions differ: " + a.length + " vs " + b.length);
    }
  }
}
