package io.lensbench.eval.trec;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a TREC run file {@code qid Q0 docid rank score tag}. Scores are written with
 * {@link Float#toString(float)} so that reading the file back (double → float, as trec_eval
 * does) gives bit-identical scores and therefore identical tie-breaking.
 */
public final class TrecRunWriter {
  private TrecRunWriter() {}

  /** Writes queries in map order, hits in list order with ranks 1..n. */
  public static void write(Path file, String tag, Map<String, List<SearchHit>> hits) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, format(tag, hits), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** The file's text: queries in map order, hits in list order with ranks 1..n. */
  public static String format(String tag, Map<String, List<SearchHit>> hits) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<SearchHit>> e : hits.entrySet()) {
      int rank = 1;
      for (SearchHit h : e.getValue()) {
        check(e.getKey(), "query id");
        check(h.id(), "doc id");
        sb.append(e.getKey()).append(" Q0 ").append(h.id()).append(' ').append(rank++).append(' ')
            .append(Float.toString((float) h.score())).append(' ').append(tag).append('\n');
      }
    }
    return sb.toString();
  }

  /** TREC fields are whitespace-separated: an id with whitespace would corrupt the file. */
  static void check(String id, String what) {
    if (id.isEmpty() || id.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      throw new BadInputException(String.format(Locale.ROOT,
          "TREC file: expected a %s without whitespace, found '%s'", what, id));
    }
  }
}
