package io.lensbench.strategies;

import io.lensbench.core.SearchHit;
import java.util.List;

/** One query's result on one store, with its time split. */
public record Retrieval(List<SearchHit> hits, double searchMs, double fuseMs) {
  public Retrieval {
    hits = List.copyOf(hits);
  }
}
