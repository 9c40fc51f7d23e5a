package io.lensbench.runner;

import io.lensbench.eval.run.MetricsFile;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.ScoreOptions;
import io.lensbench.eval.metrics.Scoring;
import io.lensbench.eval.stats.BootstrapOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The trec_eval-exact cell scorer, with bootstrap intervals seeded by the experiment. */
final class Scorers {
  private Scorers() {}

  static CellScorer trecEval(long seed) {
    BootstrapOptions b = BootstrapOptions.defaults();
    ScoreOptions opts = new ScoreOptions(ScoreOptions.defaults().eval(),
        new BootstrapOptions(b.resamples(), seed, b.level()), ScoreOptions.defaults().sliceBy());
    return (cell, qs, run, metricsFile) -> {
      CellMetrics m = Scoring.score(qs.qrels(), run, Scoring.attributesOf(qs.queries()), opts);
      MetricsFile.write(metricsFile, m, cell.toString());
      Map<String, Double> means = new LinkedHashMap<>();
      for (String k : RunSummary.TABLE_KEYS) {
        means.put(k, m.mean(k));
      }
      return means;
    };
  }
}
