package io.lensbench.eval.trec;

import io.lensbench.datasets.Qrels;
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
      Files.writeString(file, format(qrels), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** The file's text. */
  public static String format(Qrels qrels) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Map<String, Integer>> q : qrels.asMap().entrySet()) {
      TrecRunWriter.check(q.getKey(), "query id");
      for (Map.Entry<String, Integer> d : q.getValue().entrySet()) {
        TrecRunWriter.check(d.getKey(), "doc id");
        sb.append(q.getKey()).append(" 0 ").append(d.getKey()).append(' ').append(d.getValue())
            .append('\n');
      }
    }
    return sb.toString();
  }
}
