package io.lensbench.eval.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code printf("%6.4f")}: the exact binary value rounded half-to-even to 4 decimals
 * (glibc), right-aligned in 6 columns. Java's String.format rounds HALF_UP and is not used.
 */
public final class CFormat {
  private CFormat() {}

  public static String f64(double v) {
    return pad(fixed(v, 4), 6);
  }

  /** Fixed-point with {@code decimals} digits, C rounding (half-even on the exact double). */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (decimals == 4 && v >= 0 && v < 1e9) {
      double s = v * 10000.0;
      long fl = (long) s;
      double frac = s - fl;
      if (Math.abs(frac - 0.5) > 1e-6) {
        long r = frac > 0.5 ? fl + 1 : fl;
        long ip = r / 10000;
        long dp = r % 10000;
        StringBuilder sb = new StringBuilder(12);
        sb.append(ip).append('.');
        if (dp < 1000) {
          sb.append('0');
        }
        if (dp < 100) {
          sb.append('0');
        }
        if (dp < 10) {
          sb.append('0');
        }
        sb.append(dp);
        return sb.toString();
      }
    }
    String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    if (v < 0 || (v == 0 && Double.doubleToRawLongBits(v) < 0)) {
      if (!s.startsWith("-")) {
        s = "-" + s; // C prints -0.0000 for tiny negatives and -0.0
      }
    }
    return s;
  }

  static String pad(String s, int width) {
    if (s.length() >= width) {
      return s;
    }
    return " ".repeat(width - s.length()) + s;
  }

  /** {@code %-22s}. */
  public static String left22(String s) {
    if (s.length() >= 22) {
      return s;
    }
    return s + " ".repeat(22 - s.length());
  }
}
