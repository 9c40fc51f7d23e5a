package io.lensbench.runner;

import io.lensbench.datasets.QuerySet;
import io.lensbench.eval.run.CellId;
import io.lensbench.core.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scores one finished cell and writes {@code metrics/<cell>.json} (docs/run-directory.md). */
public interface CellScorer {

  /**
   * @param run query id → ranked hits, as written to the cell's TREC file
   * @param metricsFile where to write the metrics JSON
   * @return summary means by machine key (at least recall_at_10, success_at_10, mrr, ndcg_at_10)
   */
  Map<String, Double> score(
      CellId cell, QuerySet querySet, Map<String, List<SearchHit>> run, Path metricsFile);
}
