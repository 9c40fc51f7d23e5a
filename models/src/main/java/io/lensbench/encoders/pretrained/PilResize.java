package io.lensbench.encoders.pretrained;

/**
 * A byte-exact port of Pillow's {@code Image.resize(size, Image.BILINEAR)} for 8-bit RGB
 * (libImaging/Resample.c): a triangle filter whose support grows with the downscale factor (so it
 * antialiases), coefficients in 22-bit fixed point, each pass clipped to 8 bits. The Python side of
 * the pretrained image models resizes with Pillow 13.0.0 (pinned), so Java and Python feed the
 * model the same pixels; the test compares the resized bytes with Pillow's hashes. Pixels are
 * packed RGB, 3 bytes per pixel, row-major (docs/decisions.md#pillow-bilinear).
 */
public final class PilResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final int HALF = 1 << (PRECISION_BITS - 1);

  private PilResize() {}

  /** Per output position: first input index, input count, and ksize fixed-point weights. */
  private record Coefficients(int ksize, int[] bounds, int[] weights) {}

  /**
   * Resizes packed RGB ({@code w*h*3} bytes) to outW × outH as Pillow's BILINEAR does. The order
   * of the two passes matters for the 8-bit intermediate: Pillow 13 runs the vertical pass first
   * when the width grows and the height shrinks, otherwise the horizontal pass first.
   */
  public static byte[] resizeRgb(byte[] src, int w, int h, int outW, int outH) {
    if (w == outW && h == outH) {
      return src.clone();
    }
    if (outW > w && outH < h) {
      return horizontal(vertical(src, w, h, outH), w, outH, outW);
    }
    byte[] t = outW != w ? horizontal(src, w, h, outW) : src;
    return outH != h ? vertical(t, outW, h, outH) : t;
  }

  private static byte[] horizontal(byte[] src, int w, int h, int outW) {
    Coefficients c = coefficients(w, outW);
    byte[] out = new byte[outW * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < outW; x++) {
        sample(src, y * w * 3, 3, c, x, out, (y * outW + x) * 3);
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] src, int w, int h, int outH) {
    Coefficients c = coefficients(h, outH);
    byte[] out = new byte[w * outH * 3];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < w; x++) {
        sample(src, x * 3, w * 3, c, y, out, (y * w + x) * 3);
      }
    }
    return out;
  }

  /** One output pixel: the weighted input pixels from {@code start}, {@code step} bytes apart. */
  private static void sample(byte[] src, int start, int step, Coefficients c, int pos, byte[] out,
      int at) {
    int first = c.bounds()[pos * 2];
    int count = c.bounds()[pos * 2 + 1];
    int k = pos * c.ksize();
    int r = HALF;
    int g = HALF;
    int b = HALF;
    for (int i = 0; i < count; i++) {
      int p = start + (first + i) * step;
      int weight = c.weights()[k + i];
      r += (src[p] & 0xff) * weight;
      g += (src[p + 1] & 0xff) * weight;
      b += (src[p + 2] & 0xff) * weight;
    }
    out[at] = clip8(r);
    out[at + 1] = clip8(g);
    out[at + 2] = clip8(b);
  }

  private static Coefficients coefficients(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(1.0, scale);
    double support = filterScale; // BILINEAR's support is 1, scaled when downsampling
    int ksize = (int) Math.ceil(support) * 2 + 1;
    double[] kk = new double[outSize * ksize];
    int[] bounds = new int[outSize * 2];
    for (int o = 0; o < outSize; o++) {
      double center = (o + 0.5) * scale;
      int min = Math.max(0, (int) (center - support + 0.5));
      int count = Math.min(inSize, (int) (center + support + 0.5)) - min;
      double sum = 0.0;
      double inverse = 1.0 / filterScale;
      for (int i = 0; i < count; i++) {
        double w = triangle((i + min - center + 0.5) * inverse);
        kk[o * ksize + i] = w;
        sum += w;
      }
      for (int i = 0; sum != 0.0 && i < count; i++) {
        kk[o * ksize + i] /= sum;
      }
      bounds[o * 2] = min;
      bounds[o * 2 + 1] = count;
    }
    int[] fixed = new int[kk.length];
    for (int i = 0; i < kk.length; i++) {
      fixed[i] = (int) (kk[i] < 0 ? -0.5 + kk[i] * (1 << PRECISION_BITS)
          : 0.5 + kk[i] * (1 << PRECISION_BITS));
    }
    return new Coefficients(ksize, bounds, fixed);
  }

  private static double triangle(double x) {
    double a = Math.abs(x);
    return a < 1.0 ? 1.0 - a : 0.0;
  }

  private static byte clip8(int v) {
    if (v >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    return v <= 0 ? 0 : (byte) (v >> PRECISION_BITS);
  }
}
