package io.lensbench.eval.metrics;

import java.util.Comparator;

/** Id ordering as trec_eval's strcmp on UTF-8: by Unicode code point (≠ String.compareTo). */
public final class Ids {
  private Ids() {}

  public static final Comparator<String> UTF8_ORDER = Ids::compareUtf8;

  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
