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
  public PairedOptions {
    if (permutations < 1) {
      throw new BadInputException("permutations must be ≥ 1, found " + permutations);
    }
  }

  public static PairedOptions defaults() {
    return new PairedOptions(BootstrapOptions.defaults(), 10_000, 1e-12);
  }
}
