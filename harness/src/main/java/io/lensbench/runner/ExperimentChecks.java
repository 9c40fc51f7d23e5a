package io.lensbench.runner;

import io.lensbench.core.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks on values of an experiment file that end up as file names, paths, URLs or store
 * parameters; each adds a "key: expected X, found Y" line to the validator's error list.
 */
final class ExperimentChecks {
  /** The most hits a run may keep per query, and a multi-vector sub-search may ask for. */
  static final int MAX_K = 10_000;

  private ExperimentChecks() {}

  /** A name that becomes part of cell ids and file names. */
  static void name(String key, String value, List<String> errors) {
    if (!Names.isName(value)) {
      errors.add(String.format(Locale.ROOT, "%s: expected %s, found %s", key, Names.NAME_RULE,
          Names.quote(value)));
    }
  }

  static void names(String key, List<String> values, List<String> errors) {
    for (int i = 0; i < values.size(); i++) {
      name(String.format(Locale.ROOT, "%s[%d]", key, i), values.get(i), errors);
    }
  }

  /** A path given in the file (null = not given). */
  static void path(String key, String value, List<String> errors) {
    if (value == null) {
      return;
    }
    String problem = Names.pathProblem(value);
    if (problem != null) {
      errors.add(String.format(Locale.ROOT, "%s: expected a path, found %s", key, problem));
    }
  }

  /**
   * An http(s) URL without credentials: user names, passwords and tokens come from the
   * environment only, so they never reach experiment.resolved.json, logs or reports.
   */
  static void url(String key, String value, List<String> errors) {
    if (value == null) {
      return;
    }
    try {
      URI u = new URI(value);
      if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
        errors.add(String.format(Locale.ROOT, "%s: expected http://host:port or https://..., found %s",
            key, Names.quote(value)));
      } else if (u.getRawUserInfo() != null) {
        errors.add(String.format(Locale.ROOT, "%s: expected a URL without credentials (user:password@); "
            + "give credentials in the environment (docs/store-contract.md, docs/rerank.md), found a URL with user info",
            key));
      }
    } catch (URISyntaxException e) {
      errors.add(String.format(Locale.ROOT, "%s: expected a URL, found %s (%s)", key,
          Names.quote(value), e.getReason()));
    }
  }

  /** Every list element and map value present (YAML '~' is null). */
  static boolean noNulls(String key, List<?> values, List<String> errors) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        errors.add(String.format(Locale.ROOT, "%s[%d]: expected a value, found null", key, i));
        return false;
      }
    }
    return true;
  }

  static boolean noNulls(String key, Map<String, ?> values, List<String> errors) {
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (e.getValue() == null) {
        errors.add(String.format(Locale.ROOT, "%s.%s: expected a value, found null", key, e.getKey()));
        return false;
      }
    }
    return true;
  }

  /** A hit count: 1..{@link #MAX_K}. */
  static void depth(String key, int value, List<String> errors) {
    if (value < 1 || value > MAX_K) {
      errors.add(String.format(Locale.ROOT, "%s: expected 1..%d, found %d", key, MAX_K, value));
    }
  }
}
