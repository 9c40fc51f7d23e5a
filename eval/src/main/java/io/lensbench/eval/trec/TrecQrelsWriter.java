package io.lensbench.eval.trec;

import io.lensbench.datasets.Qrels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes TREC qrels {@code qid 0 docid grade}, queries and docs in the Qrels' order. */
public final class TrecQrelsWriter {
  private TrecQrelsWriter() {}

  public static void write(Path file, Qrels qrels) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Map<String, Integer>> q : qrels.asMap().entrySet()) {
          TrecRunWriter.check(q.getKey(), "query id");
          for (Map.Entry<String, Integer> d : q.getValue().entrySet()) {
            TrecRunWriter.check(d.getKey(), "doc id");
            w.write(q.getKey());
            w.write(" 0 ");
            w.write(d.getKey());
            w.write(' ');
            w.write(Integer.toString(d.getValue()));
            w.write('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
