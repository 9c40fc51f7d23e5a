package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** items.jsonl (docs/run-directory.md): one corpus item per line, {@code {"id","image","name","attributes"}}. */
public final class ItemsFile {
  private ItemsFile() {}

  /** The file's text; {@code displayName} names each item (the runner gives its text summary name). */
  public static String format(List<Item> items, Function<Item, String> displayName) {
    StringBuilder sb = new StringBuilder();
    for (Item it : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", it.id());
      m.put("image", it.image() == null ? null : it.image().toAbsolutePath().toString());
      m.put("name", displayName.apply(it));
      m.put("attributes", new TreeMap<>(it.attributes()));
      sb.append(RunJson.line(m)).append('\n');
    }
    return sb.toString();
  }

  /** Reads the file: item id → row, in file order. */
  public static Map<String, ItemRow> read(Path file) {
    Map<String, ItemRow> out = new LinkedHashMap<>();
    RunJson.eachLine(file, (n, no) -> {
      String id = RunJson.text(n, "id");
      if (id == null) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected a JSON object with \"id\", found none", file, no));
      }
      out.put(id, new ItemRow(id, RunJson.text(n, "image"), RunJson.text(n, "name"), stringMap(n.get("attributes"))));
    });
    return out;
  }

  /** A JSON object as text values (nested values as JSON text); nulls left out. */
  static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
      });
    }
    return m;
  }
}
