package io.lensbench.cli;

import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.stats.PairedOptions;
import picocli.CommandLine.Option;

/** The statistics options shared by {@code compare} and {@code gate} (picocli mixin). */
final class StatsOptions {
  @Option(names = "--resamples", description = "Bootstrap resamples for confidence intervals (default: 1000).")
  int resamples = 1000;

  @Option(names = "--permutations", description = "Randomization test permutations (default: 10000).")
  int permutations = 10_000;

  @Option(names = "--seed", description = "Random seed (default: 42).")
  long seed = 42;

  PairedOptions paired() {
    return new PairedOptions(new BootstrapOptions(resamples, seed, 0.95), permutations, 1e-12);
  }
}
