package io.lensbench.datasets.grow;

import io.lensbench.core.BadInputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Corpus sizes as people write them: {@code 10000}, {@code 10k}, {@code 1M} (k = 1,000, M = 1,000,000). */
public final class ItemCount {
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,10})([kKmM]?)");
  /** Largest size accepted (LensBench's ids and counts stay far below this). */
  public static final long MAX = 100_000_000L;

  private ItemCount() {}

  /** The size {@code s} names; bad input naming {@code where} otherwise. */
  public static long parse(String s, String where) {
    Matcher m = SIZE.matcher(s == null ? "" : s.strip());
    if (!m.matches()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected an item count like 10000, 10k or 1M, found '%s'", where, s));
    }
    long n = Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 1_000L;
      case "m" -> 1_000_000L;
      default -> 1L;
    };
    if (n < 1 || n > MAX) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected 1..%,d items, found %,d", where, MAX, n));
    }
    return n;
  }

  /** The short form: {@code 1M}, {@code 100k}, else the number. */
  public static String format(long n) {
    if (n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    return n % 1_000 == 0 ? n / 1_000 + "k" : Long.toString(n);
  }
}
