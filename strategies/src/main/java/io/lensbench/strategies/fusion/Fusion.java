package io.lensbench.strategies.fusion;

import io.lensbench.core.Ranking;

import io.lensbench.core.SearchHit;
import java.util.List;

/** Client-side fusion of several ranked lists into one. */
public interface Fusion {

  /** Short id used in cell names and provenance, e.g. {@code rrf-60}. */
  String id();

  /**
   * Fuses ranked lists (each in rank order, best first) into one list of at most {@code k} hits
   * ordered by {@link Ranking#ORDER}. A document missing from a list contributes nothing from it.
   */
  List<SearchHit> fuse(List<List<SearchHit>> lists, int k);
}
