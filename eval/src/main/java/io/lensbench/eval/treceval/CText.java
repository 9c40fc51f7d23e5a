package io.lensbench.eval.treceval;

import java.nio.charset.StandardCharsets;

/** Byte-level equivalents of the C library calls trec_eval relies on (C locale). */
final class CText {
  private CText() {
  }

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** {@code isspace} in the C locale. */
  static boolean isSpace(byte b) {
    return b == ' ' || (b >= 9 && b <= 13);
  }

  static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** {@code strcmp}: unsigned byte-wise comparison. */
  static int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    int i = java.util.Arrays.mismatch(a, aOff, aOff + aLen, b, bOff, bOff + bLen);
    if (i < 0) {
      return 0;
    }
    if (i >= aLen || i >= bLen) {
      return aLen - bLen;
    }
    return (a[aOff + i] & 0xff) - (b[bOff + i] & 0xff);
  }

  /** Equality of two byte ranges of the same length (a plain loop: these are short). */
  static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
    for (int k = 0; k < len; k++) {
      if (a[aOff + k] != b[bOff + k]) {
        return false;
      }
    }
    return true;
  }

  static int compare(byte[] a, byte[] b) {
    return compare(a, 0, a.length, b, 0, b.length);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static long atol(byte[] b) {
    return atol(b, 0, b.length);
  }

  /** {@code atol} == {@code strtol(s, NULL, 10)}: whitespace, sign, digits, clamps on overflow. */
  static long atol(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && isSpace(b[i])) {
      i++;
    }
    boolean neg = false;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      neg = b[i] == '-';
      i++;
    }
    long v = 0;
    boolean overflow = false;
    while (i < end && isDigit(b[i])) {
      int d = b[i] - '0';
      if (!overflow) {
        if (v > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
        } else {
          v = v * 10 + d;
        }
      }
      i++;
    }
    if (overflow) {
      return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return neg ? -v : v;
  }

  static double atof(byte[] b) {
    return atof(b, 0, b.length);
  }

  static double atof(String s) {
    byte[] b = bytes(s);
    return atof(b, 0, b.length);
  }

  /** {@code atof} == {@code strtod(s, NULL)}: longest valid prefix, correctly rounded, else 0. */
  static double atof(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && isSpace(b[i])) {
      i++;
    }
    int start = i;
    boolean neg = false;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      neg = b[i] == '-';
      i++;
    }
    // Fast path: plain decimal whose digits fit exactly in a double (< 2^53) with a small exponent:
    // one correctly rounded division (or none) gives strtod's result.
    long mant = 0;
    int scale = 0;
    int j = i;
    int d;
    while (j < end && (d = b[j] - '0') >= 0 && d <= 9) {
      mant = mant * 10 + d;
      j++;
    }
    int digits = j - i;
    boolean any = j > i;
    if (j < end && b[j] == '.') {
      int f = ++j;
      while (j < end && (d = b[j] - '0') >= 0 && d <= 9) {
        mant = mant * 10 + d;
        j++;
      }
      scale = f - j;
      digits -= scale;
      any |= j > f;
    }
    // at most 15 digits: the mantissa is exact (< 2^53) and no long overflow occurred
    if (!any || scale < -22 || (digits > 15 && mant >= (1L << 53)) || digits > 18) {
      return slowAtof(b, start, end);
    }
    if (j < end) {
      byte c = b[j];
      if (c == 'e' || c == 'E' || c == 'x' || c == 'X') {
        return slowAtof(b, start, end); // exponent or "0x..." hexadecimal float
      }
    }
    double r = scale == 0 ? (double) mant : (double) mant / POW10[-scale];
    return neg ? -r : r;
  }

  private static double slowAtof(byte[] b, int start, int end) {
    int i = start;
    StringBuilder sb = new StringBuilder();
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      sb.append((char) b[i]);
      i++;
    }
    boolean neg = sb.length() > 0 && sb.charAt(0) == '-';
    if (matchesIgnoreCase(b, i, end, "inf")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (matchesIgnoreCase(b, i, end, "nan")) {
      return neg ? -Double.NaN : Double.NaN;
    }
    if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
      return hexAtof(b, i + 2, end, neg);
    }
    int mantStart = sb.length();
    boolean any = false;
    while (i < end && isDigit(b[i])) {
      sb.append((char) b[i++]);
      any = true;
    }
    if (i < end && b[i] == '.') {
      sb.append('.');
      i++;
      while (i < end && isDigit(b[i])) {
        sb.append((char) b[i++]);
        any = true;
      }
    }
    if (!any) {
      return 0.0;
    }
    if (sb.length() - mantStart == 1 && sb.charAt(mantStart) == '.') {
      return 0.0;
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      int k = i + 1;
      if (k < end && (b[k] == '+' || b[k] == '-')) {
        k++;
      }
      if (k < end && isDigit(b[k])) {
        sb.append('e');
        sb.append((char) b[i + 1]);
        for (int m = i + 2; m < end && isDigit(b[m]); m++) {
          sb.append((char) b[m]);
        }
      }
    }
    String s = sb.toString();
    if (s.endsWith(".")) {
      s = s + "0";
    }
    if (s.startsWith(".") || s.startsWith("-.") || s.startsWith("+.")) {
      s = s.replaceFirst("\\.", "0.");
    }
    return Double.parseDouble(s);
  }

  private static double hexAtof(byte[] b, int i, int end, boolean neg) {
    StringBuilder sb = new StringBuilder(neg ? "-0x" : "0x");
    boolean any = false;
    while (i < end && Character.digit(b[i], 16) >= 0) {
      sb.append((char) b[i++]);
      any = true;
    }
    if (i < end && b[i] == '.') {
      sb.append('.');
      i++;
      while (i < end && Character.digit(b[i], 16) >= 0) {
        sb.append((char) b[i++]);
        any = true;
      }
    }
    if (!any) {
      return neg ? -0.0 : 0.0; // strtod parses the leading "0"
    }
    String exp = "p0";
    if (i < end && (b[i] == 'p' || b[i] == 'P')) {
      int k = i + 1;
      if (k < end && (b[k] == '+' || b[k] == '-')) {
        k++;
      }
      if (k < end && isDigit(b[k])) {
        StringBuilder e = new StringBuilder("p");
        e.append((char) b[i + 1]);
        for (int m = i + 2; m < end && isDigit(b[m]); m++) {
          e.append((char) b[m]);
        }
        exp = e.toString();
      }
    }
    String s = sb.toString();
    if (s.endsWith(".")) {
      s = s + "0";
    }
    return Double.parseDouble(s + exp);
  }

  private static boolean matchesIgnoreCase(byte[] b, int i, int end, String w) {
    if (end - i < w.length()) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (Character.toLowerCase((char) b[i + k]) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
