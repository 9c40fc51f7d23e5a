package io.lensbench.eval.metrics;

import io.lensbench.eval.stats.BootstrapOptions;
import java.util.List;

/**
 * What the runner asks of {@link Scoring#score}.
 *
 * @param eval evaluation semantics (cutoffs, relevance level, duplicates; -c is forced on)
 * @param bootstrap confidence intervals
 * @param sliceBy query attributes to slice by (e.g. kind, language); every value is a slice
 */
public record ScoreOptions(EvalOptions eval, BootstrapOptions bootstrap, List<String> sliceBy) {
  public ScoreOptions {
    eval = eval.withComplete(true);
    sliceBy = List.copyOf(sliceBy);
  }

  public static ScoreOptions defaults() {
    return new ScoreOptions(EvalOptions.defaults(), BootstrapOptions.defaults(),
        List.of("kind", "language"));
  }
}
