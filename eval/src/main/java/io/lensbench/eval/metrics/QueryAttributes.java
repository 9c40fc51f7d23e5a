package io.lensbench.eval.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slice attributes read from a queries JSONL file (docs/run-directory.md): for each line
 * {"id","kind","language",...,"attributes":{...}} the map kind, language and every attribute.
 */
public final class QueryAttributes {
  private QueryAttributes() {}

  public static Map<String, Map<String, String>> read(Path file) {
    ObjectMapper om = new ObjectMapper();
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = om.readTree(line);
        } catch (IOException e) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s line %d: not a JSON object (%s)", file, n, e.getMessage().lines().findFirst().orElse("")));
        }
        if (!node.isObject() || !node.hasNonNull("id")) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s line %d: expected a JSON object with \"id\"", file, n));
        }
        Map<String, String> a = new LinkedHashMap<>();
        JsonNode attrs = node.get("attributes");
        if (attrs != null && attrs.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
              a.put(e.getKey(), e.getValue().asText());
            }
          }
        }
        for (String k : new String[] {"kind", "language"}) {
          if (node.hasNonNull(k)) {
            a.put(k, node.get(k).asText());
          }
        }
        String id = node.get("id").asText();
        if (out.put(id, a) != null) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s line %d: query id '%s' appears twice", file, n, id));
        }
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
