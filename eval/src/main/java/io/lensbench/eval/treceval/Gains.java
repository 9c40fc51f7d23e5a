package io.lensbench.eval.treceval;

/** GAINS of trec_eval.h: gain per relevance level, from the measure's rel_level=gain parameters (gain_init.c). */
final class Gains {
  long[] level;
  double[] gain;
  long[] numAtLevel;
  int n;

  /** Lookup table for levels -2..LUT-3 (the first matching entry, as the linear search finds it). */
  private static final int LUT = 64;
  private double[] lut;

  /** get_gain: gain of a relevance level (0.0 if the level has none). */
  double get(long relLevel) {
    if (relLevel >= -2 && relLevel < LUT - 2) {
      return lut[(int) relLevel + 2];
    }
    for (int i = 0; i < n; i++) {
      if (level[i] == relLevel) {
        return gain[i];
      }
    }
    return 0.0;
  }

  private void buildLut() {
    lut = new double[LUT];
    boolean[] set = new boolean[LUT];
    for (int i = 0; i < n; i++) {
      long l = level[i];
      if (l >= -2 && l < LUT - 2 && !set[(int) l + 2]) {
        set[(int) l + 2] = true;
        lut[(int) l + 2] = gain[i];
      }
    }
  }

  /** Gains were changed in place (rbp normalisation): rebuild the lookup table. */
  void changed() {
    buildLut();
  }

  private static boolean validInt(String s) {
    if (s == null) {
      return false;
    }
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    if (i >= s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** (int) of a double as x86-64 converts it (out of range: INT_MIN). */
  private static int cInt(double d) {
    if (Double.isNaN(d) || d >= 2147483648.0 || d <= -2147483649.0) {
      return Integer.MIN_VALUE;
    }
    return (int) d;
  }

  /**
  * setup_gains: parameter gains first (valid integer levels only), then every judged level not given
  * (gain = level), sorted by comp_rel_gain, which compares (int) (gain1 - gain2), with glibc's merge sort.
  */
  static Gains setup(Measure m, ResRels rr) {
    Measure.ParamBlock p = m.params;
    int np = p.numPairs();
    int cap = rr.numRelLevels + np;
    long[] lv = new long[Math.max(cap, 0)];
    double[] g = new double[lv.length];
    long[] num = new long[lv.length];
    int n = 0;
    for (int i = 0; i < np; i++) {
      if (!validInt(p.pairNames[i])) {
        continue;
      }
      lv[n] = CText.atol(CText.bytes(p.pairNames[i]));
      g[n] = p.pairValues[i];
      num[n] = 0;
      n++;
    }
    for (int i = 0; i < rr.numRelLevels; i++) {
      int j = 0;
      while (j < n && lv[j] != i) {
        j++;
      }
      if (j < n) {
        num[j] = rr.relLevel(i);
      } else {
        lv[n] = i;
        g[n] = i;
        num[n] = rr.relLevel(i);
        n++;
      }
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    final double[] gg = g;
    IntSort.msortExact(idx, (a, b) -> cInt(gg[a] - gg[b]));
    Gains out = new Gains();
    out.n = n;
    out.level = new long[n];
    out.gain = new double[n];
    out.numAtLevel = new long[n];
    for (int i = 0; i < n; i++) {
      out.level[i] = lv[idx[i]];
      out.gain[i] = g[idx[i]];
      out.numAtLevel[i] = num[idx[i]];
    }
    out.buildLut();
    return out;
  }
}
