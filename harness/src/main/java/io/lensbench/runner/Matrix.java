package io.lensbench.runner;

import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.CellId;
import io.lensbench.datasets.QuerySet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The cells of a run, query set × strategy × store (× the reranker), in that order, and which of
 * them are finished: a cell is done when its {@code cells/<cell>.done} marker exists.
 */
record Matrix(RunDirectory runDir, List<CellId> cells) {

  static Matrix of(RunDirectory runDir, String dataset, List<QuerySet> querySets,
      Collection<String> strategies, Collection<String> stores, String reranker) {
    List<CellId> cells = new ArrayList<>();
    for (QuerySet qs : querySets) {
      for (String sid : strategies) {
        for (String store : stores) {
          cells.add(new CellId(dataset, qs.name(), sid, store, reranker));
        }
      }
    }
    return new Matrix(runDir, List.copyOf(cells));
  }

  boolean isDone(CellId c) {
    return runDir.isDone(c);
  }

  long doneCount() {
    return cells.stream().filter(this::isDone).count();
  }

  /** The unfinished cells of one strategy. */
  List<CellId> pending(String strategy) {
    return cells.stream().filter(c -> c.strategy().equals(strategy) && !isDone(c)).toList();
  }
}
