package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The engine behind each store of a run, from its {@code provenance.json}: {@code
 * stores[].engine} when the run recorded it, else derived from the reported version. Runs from
 * before the Milvus server named Milvus Lite {@code milvus}; Lite reports {@code
 * milvus_lite-<version>}, so such a store reads as "Milvus Lite", never as the Milvus server.
 */
public final class StoreEngines {
  private StoreEngines() {}

  /** "Milvus Lite 3.2.2", "Milvus 2.3.5 (server)", "OpenSearch 2.19.1", or "" when unknown. */
  public static String engine(JsonNode storeRow) {
    String recorded = storeRow.path("engine").asText("");
    if (!recorded.isEmpty()) {
      return recorded;
    }
    String name = storeRow.path("name").asText("");
    String version = storeRow.path("version").asText("");
    if (version.toLowerCase(Locale.ROOT).startsWith("milvus_lite")) {
      return "Milvus Lite " + version.substring(version.indexOf('-') + 1);
    }
    if (version.isEmpty()) {
      return "";
    }
    if (name.startsWith("opensearch")) {
      return "OpenSearch " + version;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+\\.\\d+(\\.\\d+)?").matcher(version);
    return name.startsWith("milvus") && m.find() ? "Milvus " + m.group() + " (server)" : "";
  }

  /** The provenance's {@code stores} rows with {@code engine} filled in where it was not recorded. */
  public static JsonNode withEngines(JsonNode provenance) {
    JsonNode stores = provenance.path("stores");
    if (!stores.isArray()) {
      return provenance;
    }
    JsonNode copy = provenance.deepCopy();
    for (JsonNode row : copy.path("stores")) {
      if (row instanceof ObjectNode o && !o.has("engine")) {
        String e = engine(row);
        if (!e.isEmpty()) {
          o.put("engine", e);
        }
      }
    }
    return copy;
  }
}
