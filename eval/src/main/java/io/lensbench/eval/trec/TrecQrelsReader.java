package io.lensbench.eval.trec;

import io.lensbench.datasets.Qrels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads TREC qrels: four whitespace-separated fields per line, {@code qid iter docid grade}.
 * The grade is an integer (graded relevance; ≤ 0 judged non-relevant). A doc judged twice for
 * one query is an error (trec_eval refuses it too). Errors name file and line (exit 2).
 */
public final class TrecQrelsReader {
  private TrecQrelsReader() {}

  public static Qrels read(Path file) {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> firstLine = new LinkedHashMap<>();
    try (LineScanner sc = new LineScanner(file)) {
      while (sc.next()) {
        if (sc.fieldCount != 4) {
          throw sc.error(String.format(Locale.ROOT,
              "expected 4 fields 'qid iter docid grade', found %d", sc.fieldCount));
        }
        long grade;
        try {
          grade = NumberParsing.parseLong(sc.buf(), sc.fieldStart[3], sc.fieldEnd[3]);
        } catch (NumberFormatException e) {
          String g = sc.field(3);
          throw sc.error("grade '" + g + "' is not an integer (expected an integer grade, found '" + g + "')");
        }
        if (grade > 1_000_000 || grade < -1_000_000) {
          throw sc.error("grade " + grade + " is out of range (|grade| ≤ 1000000)");
        }
        String q = sc.field(0);
        String d = sc.field(2);
        Integer prev = m.computeIfAbsent(q, k -> new LinkedHashMap<>()).putIfAbsent(d, (int) grade);
        Map<String, Integer> lines = firstLine.computeIfAbsent(q, k -> new LinkedHashMap<>());
        if (prev != null) {
          throw sc.error(String.format(Locale.ROOT,
              "doc '%s' is judged twice for query '%s' (first on line %d)", d, q, lines.get(d)));
        }
        lines.put(d, sc.lineNo());
      }
    }
    return new Qrels(m);
  }
}
