package io.lensbench.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validating TREC qrels reader ({@code qid 0 docid grade}, one judgment per line) for the native
 * dataset layout: unlike a plain reader it collects every malformed line into {@link Problems}
 * (file and line) instead of stopping at the first. Writing goes through
 * {@link io.lensbench.eval.trec.TrecQrelsWriter}; {@link #write} is kept for callers and
 * writes the same bytes.
 */
public final class QrelsFiles {
  private QrelsFiles() {}

  /** One parsed qrels line. */
  public record Line(int line, String queryId, String docId, int grade) {}

  /** Writes queries in the qrels' insertion order, documents in their insertion order. */
  public static void write(Qrels qrels, Path file) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Map<String, Integer>> q : qrels.asMap().entrySet()) {
        for (Map.Entry<String, Integer> d : q.getValue().entrySet()) {
          w.write(String.format(Locale.ROOT, "%s 0 %s %d%n", q.getKey(), d.getKey(), d.getValue()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a qrels file, reporting malformed lines to {@code problems} (file name {@code display})
   * and skipping them. Blank lines are ignored.
   */
  public static List<Line> read(Path file, String display, Problems problems) {
    List<Line> out = new ArrayList<>();
    JsonLines.lines(file, display, problems, (line, text) -> {
      Line l = parse(line, text.strip(), display, problems);
      if (l != null) {
        out.add(l);
      }
    });
    return out;
  }

  private static Line parse(int line, String s, String display, Problems problems) {
    if (s.isEmpty()) {
      return null;
    }
    String[] f = s.split("\\s+");
    if (f.length != 4) {
      problems.add(display, line, "", String.format(Locale.ROOT,
          "expected 4 fields 'qid 0 docid grade', found %d: '%s'", f.length, s));
      return null;
    }
    try {
      return new Line(line, f[0], f[2], Integer.parseInt(f[3]));
    } catch (NumberFormatException e) {
      problems.add(display, line, f[0] + "/" + f[2], "expected an integer grade, found '" + f[3] + "'");
      return null;
    }
  }
}
