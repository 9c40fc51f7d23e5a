package io.lensbench.eval.metrics;

/** What to do when one ranking lists the same doc id twice. */
public enum DuplicatePolicy {
  /** Refuse the run (exit 2), as trec_eval does. */
  ERROR,
  /** Keep the highest-ranked occurrence, drop the rest and report how many were removed. */
  KEEP_FIRST
}
