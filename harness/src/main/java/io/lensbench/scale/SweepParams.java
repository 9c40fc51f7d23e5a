package io.lensbench.scale;

import io.lensbench.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The parameters of one sweep entry: integers or lists of integers, unknown keys refused. */
final class SweepParams {
  private final Map<?, ?> entry;
  private final String where;

  SweepParams(Map<?, ?> entry, String where) {
    this.entry = entry;
    this.where = where;
  }

  String where() {
    return where;
  }

  /** The values of {@code key} (one integer or a list), each in {@code min..max}; {@code dflt} when absent. */
  List<Integer> ints(String key, List<Integer> dflt, int min, int max) {
    Object v = entry.get(key);
    if (v == null) {
      return dflt;
    }
    List<?> raw = v instanceof List<?> l ? l : List.of(v);
    if (raw.isEmpty()) {
      throw new BadInputException(where + "." + key + ": expected an integer or a non-empty list, found []");
    }
    List<Integer> out = new ArrayList<>();
    for (Object o : raw) {
      if (!(o instanceof Integer i) || i < min || i > max) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s.%s: expected integers %d..%d, found %s", where, key, min, max, o));
      }
      out.add(i);
    }
    return out;
  }

  /** Refuses every key but {@code type} and the given ones. */
  void only(String... keys) {
    Set<String> allowed = new TreeSet<>(List.of(keys));
    for (Object k : entry.keySet()) {
      if (!"type".equals(k) && !allowed.contains(String.valueOf(k))) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: expected only %s for type '%s', found key '%s'", where,
            allowed.isEmpty() ? "'type'" : "'type' and " + allowed, entry.get("type"), k));
      }
    }
  }
}
