package io.lensbench.eval.treceval;

import java.util.HashMap;
import java.util.Map;

/** Means and standard deviations per (qid, measure) for -Z (get_zscores.c, convert_zscores.c). */
final class ZScores {
  static final double MISSING = -1000000;

  private final Map<String, Map<String, double[]>> byQid = new HashMap<>();

  static ZScores read(String file) throws TrecEvalException {
    ZScores z = new ZScores();
    int[] ts = new int[4];
    int[] te = new int[4];
    long data = 0;
    LineReader r;
    try {
      r = LineReader.open(file, "get_zscores", "zscores");
    } catch (TrecEvalException e) {
      throw new TrecEvalException(255, "trec_eval.get_zscores: Cannot read zscores file '" + file + "'\n");
    }
    try (r) {
      while (r.next()) {
        data++;
        if (r.tokens(ts, te, 4) != 4) {
          throw new TrecEvalException(255, "trec_eval.get_zscores: Malformed line " + data + "\n", file,
            r.lineNo());
        }
        byte[] b = r.buf();
        String qid = latin1(b, ts[0], te[0]);
        String meas = latin1(b, ts[1], te[1]);
        double mean = CText.atof(b, ts[2], te[2] - ts[2]);
        double sd = CText.atof(b, ts[3], te[3] - ts[3]);
        z.byQid.computeIfAbsent(qid, k -> new HashMap<>()).put(meas, new double[] {mean, sd});
      }
    }
    return z;
  }

  /** Byte-exact key (each byte one char) so that any encoding matches exactly as strcmp would. */
  static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  static String latin1(byte[] b) {
    return latin1(b, 0, b.length);
  }

  /** te_convert_to_zscore: replaces every value of the query by its z-score. */
  void convert(byte[] qid, byte[][] names, double[] values) {
    Map<String, double[]> q = byQid.get(latin1(qid));
    if (q == null) {
      java.util.Arrays.fill(values, MISSING);
      return;
    }
    for (int i = 0; i < values.length; i++) {
      double[] ms = q.get(latin1(names[i]));
      if (ms == null) {
        values[i] = MISSING;
      } else if (ms[1] != 0) {
        values[i] = (values[i] - ms[0]) / ms[1];
      } else if (values[i] == ms[0]) {
        values[i] = 0;
      } else {
        values[i] = MISSING;
      }
    }
  }
}
