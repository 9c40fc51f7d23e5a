package io.lensbench.eval.trec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a TREC run file {@code qid Q0 docid rank score tag}. Scores are written with
 * {@link Float#toString(float)} so that reading the file back (double → float, as trec_eval
 * does) gives bit-identical scores and therefore identical tie-breaking.
 */
public final class TrecRunWriter {
  private TrecRunWriter() {}

  /** One retrieved document. */
  public record Hit(String docId, double score) {}

  /** Writes queries in map order, hits in list order with ranks 1..n. */
  public static void write(Path file, String tag, Map<String, List<Hit>> hits) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, List<Hit>> e : hits.entrySet()) {
          int rank = 1;
          for (Hit h : e.getValue()) {
            check(e.getKey(), "query id");
            check(h.docId(), "doc id");
            w.write(e.getKey());
            w.write(" Q0 ");
            w.write(h.docId());
            w.write(' ');
            w.write(Integer.toString(rank++));
            w.write(' ');
            w.write(Float.toString((float) h.score()));
            w.write(' ');
            w.write(tag);
            w.write('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  static void check(String id, String what) {
    if (id.isEmpty() || id.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      throw new IllegalArgumentException(what + " '" + id + "' is empty or contains whitespace");
    }
  }
}
