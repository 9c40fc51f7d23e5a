package io.lensbench.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the dataset's JSONL and text files, every problem reported with file and line. */
final class JsonLines {
  private JsonLines() {}

  /** Receives each JSON object line. */
  interface LineHandler {
    void accept(int line, JsonNode node);
  }

  /** Passes every non-blank line that is a JSON object to {@code h}; reports the others. */
  static void read(Path file, String display, Problems problems, LineHandler h) {
    if (!Files.isRegularFile(file)) {
      problems.add(display, 0, "", "file missing");
      return;
    }
    List<String> lines = readLines(file, display, problems);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.LINE.readTree(l);
      } catch (JsonProcessingException e) {
        problems.add(display, i + 1, "", "not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      if (!node.isObject()) {
        problems.add(display, i + 1, "", "expected a JSON object, found " + node.getNodeType());
        continue;
      }
      h.accept(i + 1, node);
    }
  }

  static List<String> readLines(Path file, String display, Problems problems) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(display, 0, "", "cannot read: " + e.getMessage());
      return List.of();
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
