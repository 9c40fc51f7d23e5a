package io.lensbench.eval.run;

import io.lensbench.eval.metrics.ScoredCell;

/** A scored cell of a run directory: its id and its metrics/&lt;cell&gt;.json. */
public record RunCell(CellId id, ScoredCell scores) {

  public String cell() {
    return scores.cell();
  }

  /** The summary mean of {@code metric}; NaN when the cell has none. */
  public double mean(String metric) {
    return scores.summary().mean(metric);
  }
}
