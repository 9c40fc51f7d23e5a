package io.lensbench.eval.treceval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
* printf-compatible number formatting. glibc prints {@code %W.Pf} by rounding the exact binary value
* of the double to P decimals with round-half-to-even on exact ties; {@link String#format} does not
* (it rounds the shortest decimal representation, HALF_UP), so it is never used here.
*/
public final class CFormat {
  private CFormat() {
  }

  /** Appends {@code %<width>.<prec>f} of {@code v}. */
  static void fixed(ByteBuf out, double v, int width, int prec) {
    if (prec == 4 && width == 6 && v >= 0 && v < 1e6 && Double.doubleToRawLongBits(v) >= 0) {
      double x = v * 10000.0;
      long n = (long) x;
      double frac = x - n;
      if (Math.abs(frac - 0.5) >= 1e-4) {
        if (frac > 0.5) {
          n++;
        }
        long ip = n / 10000;
        int fp = (int) (n % 10000);
        if (ip < 10) {
          out.append((byte) ('0' + ip));
        } else {
          out.append(Long.toString(ip));
        }
        out.append((byte) '.').append((byte) ('0' + fp / 1000)).append((byte) ('0' + fp / 100 % 10))
          .append((byte) ('0' + fp / 10 % 10)).append((byte) ('0' + fp % 10));
        return;
      }
    }
    String s = fixed(v, prec);
    for (int i = s.length(); i < width; i++) {
      out.append((byte) ' ');
    }
    out.append(s);
  }

  /** {@code %.<prec>f} of {@code v}, as glibc prints it. */
  public static String fixed(double v, int prec) {
    if (Double.isNaN(v)) {
      // x86-64 produces the "default NaN" (sign bit set) for 0/0, inf-inf, log(-1)...; glibc prints it
      // as -nan. Java does not preserve NaN sign bits reliably, so every NaN prints as C's usual one.
      return "-nan";
    }
    boolean neg = Double.doubleToRawLongBits(v) < 0;
    if (Double.isInfinite(v)) {
      return neg ? "-inf" : "inf";
    }
    double a = Math.abs(v);
    String digits = null;
    if (prec == 4 && a < 1e6) {
      digits = fast4(a);
    }
    if (digits == null) {
      digits = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    }
    return neg ? "-" + digits : digits;
  }

  /**
  * Fast exact path for 4 decimals: the scaled value carries an absolute error far below 1e-4,
  * so unless the fractional part is close to one half the rounding direction is certain.
  */
  private static String fast4(double a) {
    double x = a * 10000.0;
    long n = (long) x;
    double frac = x - n;
    if (Math.abs(frac - 0.5) < 1e-4) {
      return null;
    }
    if (frac > 0.5) {
      n++;
    }
    long ip = n / 10000;
    int fp = (int) (n % 10000);
    char[] f = {'.', (char) ('0' + fp / 1000), (char) ('0' + fp / 100 % 10), (char) ('0' + fp / 10 % 10),
      (char) ('0' + fp % 10)};
    return Long.toString(ip) + new String(f);
  }

  /** {@code %ld} of a value stored as double and cast with {@code (long)} as C does on x86-64. */
  static long cLong(double v) {
    if (Double.isNaN(v) || v >= 9.223372036854775807E18 || v < -9.223372036854775808E18) {
      return Long.MIN_VALUE; // cvttsd2si "integer indefinite" value
    }
    return (long) v;
  }

  /** {@code %3.2f} as used for names of measures with double cutoffs. */
  static String fixed32(double v) {
    String s = fixed(v, 2);
    StringBuilder b = new StringBuilder();
    for (int i = s.length(); i < 3; i++) {
      b.append(' ');
    }
    return b.append(s).toString();
  }
}
