package io.lensbench.runner;

import java.util.List;

/**
 * Command-line values that override the experiment file (flags only override; they never add
 * settings the file format lacks). Null / empty = keep the file's value.
 */
public record Overrides(
    String output,
    Integer k,
    Integer concurrency,
    List<String> querySets,
    List<String> strategies,
    List<String> stores,
    Integer maxItems,
    Integer maxQueries) {
  public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null);

  public Overrides {
    querySets = querySets == null ? List.of() : List.copyOf(querySets);
    strategies = strategies == null ? List.of() : List.copyOf(strategies);
    stores = stores == null ? List.of() : List.copyOf(stores);
  }
}
