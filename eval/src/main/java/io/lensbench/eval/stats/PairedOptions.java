package io.lensbench.eval.stats;

import io.lensbench.core.BadInputException;

/**
 * Paired comparison settings. {@link #defaults()} is the one default of compare, gate and the
 * report, so the three print the same p-values for the same pair.
 *
 * @param bootstrap bootstrap for the CI of the mean difference (its seed also seeds the sign flips)
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

  /** 1,000 bootstrap resamples at 95 %, 10,000 sign flips, seed 42, ties within 1e-12. */
  public static PairedOptions defaults() {
    return new PairedOptions(BootstrapOptions.defaults(), 10_000, 1e-12);
  }

  /** These options with other resamples, permutations and seed (level and ε kept). */
  public PairedOptions with(int resamples, int permutations, long seed) {
    return new PairedOptions(new BootstrapOptions(resamples, seed, bootstrap.level()), permutations,
        tieEpsilon);
  }
}
