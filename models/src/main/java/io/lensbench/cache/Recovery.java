package io.lensbench.cache;

import java.util.Locale;

/**
 * What reading a cache file found: the records kept and, when the file ended in a torn or
 * corrupt frame, what was cut off.
 *
 * @param records valid records read
 * @param droppedBytes bytes truncated after the last valid record (0 for a clean file)
 * @param droppedRecords frames in the truncated part, counted by their length fields (a torn
 *     frame counts as one)
 * @param cause why reading stopped early: {@code torn} (the file ends inside a frame) or {@code
 *     corrupt} (a frame whose length or checksum is wrong); "" for a clean file
 */
public record Recovery(long records, long droppedBytes, long droppedRecords, String cause) {
  static final String TORN = "torn";
  static final String CORRUPT = "corrupt";

  static Recovery clean(long records) {
    return new Recovery(records, 0, 0, "");
  }

  public boolean clean() {
    return droppedBytes == 0;
  }

  Recovery plus(Recovery later) {
    return new Recovery(records + later.records, droppedBytes + later.droppedBytes,
        droppedRecords + later.droppedRecords, later.clean() ? cause : later.cause);
  }

  /** The warning logged when something was dropped. */
  String describe(Object file) {
    return String.format(Locale.ROOT, "cache %s: dropped a %s tail of %d bytes (%s) after %s; "
        + "the dropped entries are computed again when needed", file, cause, droppedBytes,
        count(droppedRecords, "record"), count(records, "valid record"));
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
