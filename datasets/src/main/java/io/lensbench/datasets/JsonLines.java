package io.lensbench.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading the dataset's JSONL and text files with bounds (core {@link BoundedText}): every
 * problem is reported with file and line, and a line that is too long or not UTF-8 is one
 * problem on that line — the other lines of the file are still read.
 */
public final class JsonLines {
  /** The longest line a dataset file may hold: 16 MiB. */
  public static final int MAX_LINE_BYTES = BoundedText.MAX_LINE_BYTES;

  private JsonLines() {}

  /** Receives each JSON object line. */
  public interface LineHandler {
    void accept(int line, JsonNode node);
  }

  /** Receives each readable line. */
  public interface TextHandler {
    void accept(int line, String text);
  }

  /** Passes every non-blank line that is a JSON object to {@code h}; reports the others. */
  public static void read(Path file, String display, Problems problems, LineHandler h) {
    if (!Files.isRegularFile(file)) {
      problems.add(display, 0, "", "file missing");
      return;
    }
    lines(file, display, problems, (line, l) -> {
      if (l.isBlank()) {
        return;
      }
      JsonNode node;
      try {
        node = Json.LINE.readTree(l);
      } catch (JsonProcessingException e) {
        problems.add(display, line, "", "not valid JSON: " + e.getOriginalMessage());
        return;
      }
      if (!node.isObject()) {
        problems.add(display, line, "", "expected a JSON object, found " + node.getNodeType());
        return;
      }
      h.accept(line, node);
    });
  }

  /**
   * Passes every line of {@code file} (read as strict UTF-8, each at most {@link #MAX_LINE_BYTES})
   * to {@code h}; a line that cannot be read, or a file that cannot, is a problem.
   */
  public static void lines(Path file, String display, Problems problems, TextHandler h) {
    try {
      BoundedText.eachLine(file, MAX_LINE_BYTES, (text, line) -> h.accept(line, text),
          (line, problem) -> problems.add(display, line, "", problem));
    } catch (BadInputException e) {
      problems.add(display, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** A field as text, or null when absent or JSON null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** An object's fields as strings, in order; null values kept only when asked. */
  static Map<String, String> stringMap(JsonNode node, boolean keepNulls) {
    Map<String, String> m = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          m.put(e.getKey(), e.getValue().asText());
        } else if (keepNulls) {
          m.put(e.getKey(), null);
        }
      }
    }
    return m;
  }
}
