package io.lensbench.cli;

import io.lensbench.eval.stats.PairedOptions;
import picocli.CommandLine.Option;

/** The statistics options shared by {@code compare} and {@code gate} (picocli mixin). */
final class StatsOptions {
  @Option(names = "--resamples", description = "Bootstrap resamples for confidence intervals (default: ${DEFAULT-VALUE}).")
  int resamples = PairedOptions.defaults().bootstrap().resamples();

  @Option(names = "--permutations", description = "Randomization test permutations (default: ${DEFAULT-VALUE}).")
  int permutations = PairedOptions.defaults().permutations();

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = PairedOptions.defaults().bootstrap().seed();

  /** The defaults the report uses too, with the command line's values. */
  PairedOptions paired() {
    return PairedOptions.defaults().with(resamples, permutations, seed);
  }
}
