package io.lensbench.datasets;

import java.util.Locale;

/**
 * One validation problem: where (file and line, 0 when the problem concerns a whole file), which
 * record, and what was expected and found.
 *
 * @param file file the problem was found in, relative to the dataset directory when possible
 * @param line 1-based line number; 0 when not tied to one line
 * @param recordId id of the offending record (item, query, qrels pair), or "" when unknown
 * @param message what was expected and what was found
 */
public record Problem(String file, int line, String recordId, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? String.format(Locale.ROOT, "%s line %d", file, line) : file;
    return recordId.isEmpty()
        ? where + ": " + message
        : where + ": " + message + " [" + recordId + "]";
  }
}
