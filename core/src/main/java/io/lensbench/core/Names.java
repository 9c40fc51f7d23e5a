package io.lensbench.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for names that become parts of file names and cell ids (dataset, query set,
 * strategy, store, reranker, experiment): ASCII letters, digits, '-' and '_', starting with a
 * letter or digit, at most 100 characters — no path separators, no dots (the separator of cell
 * ids), no control characters. Ids of items and queries (TREC ids) may hold any printable
 * character but no whitespace or control character; paths no NUL or control character.
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  public static final String NAME_RULE =
      "letters, digits, '-' and '_' (starting with a letter or digit, at most 100)";

  private Names() {}

  public static boolean isName(String s) {
    return s != null && NAME.matcher(s).matches();
  }

  /** The name, or bad input naming {@code what} (e.g. "querySets[2]") and the rule. */
  public static String requireName(String what, String s) {
    if (!isName(s)) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: expected %s, found %s",
          what, NAME_RULE, quote(s)));
    }
    return s;
  }

  /** Why {@code id} is not a usable item/query id, or null when it is. */
  public static String idProblem(String id) {
    if (id == null || id.isEmpty()) {
      return "an empty id";
    }
    if (id.length() > 512) {
      return "an id longer than 512 characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return String.format(Locale.ROOT, "whitespace or a control character (U+%04X) at position %d",
            (int) c, i);
      }
    }
    return null;
  }

  /**
   * The message for an id that cannot be a TREC id ({@code "item id 'a b': expected no whitespace
   * or control characters, found …"}), or null when {@code id} is fine.
   *
   * @param what what the id names, e.g. "item", "query"
   */
  public static String idMessage(String what, String id) {
    String problem = idProblem(id);
    return problem == null ? null : String.format(Locale.ROOT,
        "%s id %s: expected no whitespace or control characters, found %s", what, quote(id), problem);
  }

  /** Why {@code path} is not a usable path string, or null when it is. */
  public static String pathProblem(String path) {
    if (path == null || path.isEmpty()) {
      return "an empty path";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0 || Character.isISOControl(c)) {
        return String.format(Locale.ROOT, "a control character (U+%04X) at position %d", (int) c, i);
      }
    }
    return null;
  }

  /** A value quoted for a message, with control characters escaped. */
  public static String quote(String s) {
    if (s == null) {
      return "nothing";
    }
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append(s.length() > 200 ? "…'" : "'").toString();
  }
}
