package io.lensbench.eval.stats;

import io.lensbench.core.BadInputException;
import java.util.Locale;

/**
 * Percentile bootstrap over queries.
 *
 * @param resamples number of bootstrap resamples (≥ 1)
 * @param seed random seed; equal seeds give equal intervals
 * @param level confidence level, e.g. 0.95
 */
public record BootstrapOptions(int resamples, long seed, double level) {
  /** More resamples than this buy no precision and only cost memory and time. */
  public static final int MAX_RESAMPLES = 1_000_000;

  public BootstrapOptions {
    if (resamples < 1 || resamples > MAX_RESAMPLES) {
      throw new BadInputException(String.format(Locale.ROOT,
          "bootstrap resamples: expected 1 to %d, found %d", MAX_RESAMPLES, resamples));
    }
    if (!(level > 0.0 && level < 1.0)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "confidence level must be within (0, 1), found %s", level));
    }
  }

  public static BootstrapOptions defaults() {
    return new BootstrapOptions(1000, 42L, 0.95);
  }
}
