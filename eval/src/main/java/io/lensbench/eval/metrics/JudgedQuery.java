package io.lensbench.eval.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One query's judgments as an open-addressing table keyed by UTF-8 doc id bytes. */
final class JudgedQuery {
  private final byte[][] keys;
  private final int[] grades;
  private final int mask;
  /** Count of judged docs per grade 0..maxGrade (grades ≥ 0 only), as trec_eval's rel_levels. */
  final long[] relLevels;

  JudgedQuery(Map<String, Integer> judgments) {
    int cap = Integer.highestOneBit(Math.max(4, judgments.size() * 2)) << 1;
    keys = new byte[cap][];
    grades = new int[cap];
    mask = cap - 1;
    int max = 0;
    for (int g : judgments.values()) {
      max = Math.max(max, g);
    }
    relLevels = new long[max + 1];
    for (Map.Entry<String, Integer> e : judgments.entrySet()) {
      byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
      int h = hash(k, 0, k.length) & mask;
      while (keys[h] != null) {
        h = (h + 1) & mask;
      }
      keys[h] = k;
      grades[h] = e.getValue();
      if (e.getValue() >= 0) {
        relLevels[e.getValue()]++;
      }
    }
  }

  static int hash(byte[] b, int s, int e) {
    int h = 0x811c9dc5;
    for (int i = s; i < e; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }

  /** Grade of the doc, {@link Integer#MIN_VALUE} when not judged. */
  int grade(byte[] b, int s, int e) {
    int h = hash(b, s, e) & mask;
    int len = e - s;
    while (true) {
      byte[] k = keys[h];
      if (k == null) {
        return Integer.MIN_VALUE;
      }
      if (k.length == len && java.util.Arrays.equals(k, 0, len, b, s, e)) {
        return grades[h];
      }
      h = (h + 1) & mask;
    }
  }
}
