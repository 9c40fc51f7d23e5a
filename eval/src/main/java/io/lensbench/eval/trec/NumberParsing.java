package io.lensbench.eval.trec;

import java.nio.charset.StandardCharsets;

/** Allocation-free number parsing for TREC files, falling back to the JDK for hard cases. */
final class NumberParsing {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private NumberParsing() {}

  /**
   * Parses a decimal number exactly as {@link Double#parseDouble} would (correctly rounded).
   * Returns NaN-with-flag via exception when the text is not a number.
   */
  static double parseDouble(byte[] b, int s, int e) {
    int i = s;
    boolean neg = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    long mant = 0;
    int digits = 0;
    int scale = 0;
    boolean any = false;
    while (i < e && b[i] >= '0' && b[i] <= '9') {
      any = true;
      if (digits > 0 || b[i] != '0') {
        digits++;
      }
      mant = mant * 10 + (b[i] - '0');
      i++;
    }
    if (i < e && b[i] == '.') {
      i++;
      while (i < e && b[i] >= '0' && b[i] <= '9') {
        any = true;
        if (digits > 0 || b[i] != '0') {
          digits++;
        }
        mant = mant * 10 + (b[i] - '0');
        scale++;
        i++;
      }
    }
    if (any && i == e && digits <= 15 && scale <= 22) {
      // Clinger's fast path: both operands exact, one correctly rounded division.
      double v = (double) mant / POW10[scale];
      return neg ? -v : v;
    }
    String text = new String(b, s, e - s, StandardCharsets.US_ASCII);
    for (int k = s; k < e; k++) {
      byte c = b[k];
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        throw new NumberFormatException(text);
      }
    }
    return Double.parseDouble(text);
  }

  /** Parses a (possibly signed) decimal integer; throws NumberFormatException otherwise. */
  static long parseLong(byte[] b, int s, int e) {
    int i = s;
    boolean neg = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    if (i == e || e - i > 18) {
      throw new NumberFormatException(new String(b, s, e - s, StandardCharsets.UTF_8));
    }
    long v = 0;
    for (; i < e; i++) {
      if (b[i] < '0' || b[i] > '9') {
        throw new NumberFormatException(new String(b, s, e - s, StandardCharsets.UTF_8));
      }
      v = v * 10 + (b[i] - '0');
    }
    return neg ? -v : v;
  }
}
