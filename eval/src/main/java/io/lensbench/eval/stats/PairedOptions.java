package io.lensbench.eval.stats;

import io.lensbench.core.BadInputException;

/**
 * Paired comparison settings.
 *
 * @param bootstrap bootstrap for the CI of the mean difference
 * @param permutations random sign flips for the randomization test (≥ 1)
 * @param tieEpsilon per-query differences with |d| ≤ this count as ties (W/T/L)
 */
public record PairedOptions(BootstrapOptions bootstrap, int permutations, double tieEpsilon) {
  /** More sign flips than this buy no precision (p resolution 1e-7) and only cost time. */
  public static final int MAX_PERMUTATIONS = 10_000_000;

  public PairedOptions {
    if (permutations < 1 || permutations > MAX_PERMUTATIONS) {
      throw new BadInputException(String.format(java.util.Locale.ROOT,
          "permutations: expected 1 to %d, found %d", MAX_PERMUTATIONS, permutations));
    }
  }

  public static PairedOptions defaults() {
    return new PairedOptions(BootstrapOptions.defaults(), 10_000, 1e-12);
  }
}
