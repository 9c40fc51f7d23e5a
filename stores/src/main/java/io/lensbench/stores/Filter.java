package io.lensbench.stores;

import java.util.Map;
import java.util.Set;

/**
 * A conjunctive metadata filter: every {@code equals} entry must match a KEYWORD or INT scalar
 * field exactly, and no id in {@code excludeIds} is returned.
 */
public record Filter(Map<String, Object> equals, Set<String> excludeIds) {
  public static final Filter NONE = new Filter(Map.of(), Set.of());

  public Filter {
    equals = Map.copyOf(equals);
    excludeIds = Set.copyOf(excludeIds);
  }

  public boolean isEmpty() {
    return equals.isEmpty() && excludeIds.isEmpty();
  }
}
