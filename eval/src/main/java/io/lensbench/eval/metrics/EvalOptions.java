package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How runs are scored.
 *
 * @param relevanceLevel minimum grade that counts as relevant for binary measures (trec_eval
 *     {@code -l}); nDCG always uses the raw grades
 * @param cutoffs rank cutoffs k for the @k measures, strictly increasing, all ≥ 1
 * @param iprecLevels recall levels for interpolated precision (trec_eval iprec_at_recall)
 * @param duplicates duplicate doc ids in one ranking: error (default) or keep first
 * @param complete average over every query in the qrels (trec_eval {@code -c}); when false,
 *     only queries present in both qrels and run count
 */
public record EvalOptions(
    int relevanceLevel, int[] cutoffs, double[] iprecLevels, DuplicatePolicy duplicates,
    boolean complete) {

  public static final int[] DEFAULT_CUTOFFS = {1, 5, 10, 20, 100};
  public static final double[] DEFAULT_IPREC = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  public EvalOptions {
    if (relevanceLevel < 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "relevance level must be ≥ 0, found %d", relevanceLevel));
    }
    cutoffs = cutoffs.clone();
    for (int i = 0; i < cutoffs.length; i++) {
      if (cutoffs[i] < 1 || (i > 0 && cutoffs[i] <= cutoffs[i - 1])) {
        throw new BadInputException("cutoffs must be positive, strictly increasing and without "
            + "duplicates, found " + Arrays.toString(cutoffs));
      }
    }
    iprecLevels = iprecLevels.clone();
  }

  /** Defaults of the LensBench API: -c, -l 1, cutoffs 1,5,10,20,100, duplicates refused. */
  public static EvalOptions defaults() {
    return new EvalOptions(1, DEFAULT_CUTOFFS, DEFAULT_IPREC, DuplicatePolicy.ERROR, true);
  }

  public EvalOptions withRelevanceLevel(int level) {
    return new EvalOptions(level, cutoffs, iprecLevels, duplicates, complete);
  }

  public EvalOptions withCutoffs(int... ks) {
    int[] s = Arrays.stream(ks).sorted().distinct().toArray();
    return new EvalOptions(relevanceLevel, s, iprecLevels, duplicates, complete);
  }

  public EvalOptions withDuplicates(DuplicatePolicy policy) {
    return new EvalOptions(relevanceLevel, cutoffs, iprecLevels, policy, complete);
  }

  public EvalOptions withComplete(boolean c) {
    return new EvalOptions(relevanceLevel, cutoffs, iprecLevels, duplicates, c);
  }

  public EvalOptions withIprecLevels(double... levels) {
    return new EvalOptions(relevanceLevel, cutoffs, levels, duplicates, complete);
  }

  /** Index of cutoff k, or -1. */
  public int cutoffIndex(int k) {
    return Arrays.binarySearch(cutoffs, k) >= 0 ? Arrays.binarySearch(cutoffs, k) : -1;
  }

  @Override
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  @Override
  public double[] iprecLevels() {
    return iprecLevels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvalOptions e && e.relevanceLevel == relevanceLevel
        && Arrays.equals(e.cutoffs, cutoffs) && Arrays.equals(e.iprecLevels, iprecLevels)
        && e.duplicates == duplicates && e.complete == complete;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cutoffs) * 31 + relevanceLevel;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "EvalOptions[l=%d, cutoffs=%s, duplicates=%s, complete=%s]",
        relevanceLevel, Arrays.toString(cutoffs), duplicates, complete);
  }
}
