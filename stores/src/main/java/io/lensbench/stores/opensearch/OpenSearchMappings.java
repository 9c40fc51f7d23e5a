package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.Metric;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaCodec;
import io.lensbench.stores.StoreLayout;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@link CollectionSchema} ↔ OpenSearch index: the create body (settings, strict mapping, the
 * schema JSON in {@code _meta}) and the schema read back from a mapping (see {@link
 * OpenSearchStore} for the mapping).
 */
final class OpenSearchMappings {
  private static final String META_KEY = "lensbench_schema";

  private final ObjectMapper json;
  private final SchemaCodec codec = new SchemaCodec();

  OpenSearchMappings(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode createBody(CollectionSchema schema, StoreLayout layout) {
    ObjectNode body = json.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("knn", true);
    index.put("number_of_shards", layout.shardsOr1());
    index.put("number_of_replicas", layout.replicasOr0());
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put(META_KEY, codec.toJson(schema));
    ObjectNode props = mappings.putObject("properties");
    for (VectorField v : schema.vectors()) {
      vectorMapping(props.putObject(v.name()), v);
    }
    for (TextField t : schema.texts()) {
      ObjectNode f = props.putObject(t.name());
      f.put("type", "text");
      f.put("analyzer", t.language().equals("ko") ? "nori" : "standard");
    }
    for (ScalarField s : schema.scalars()) {
      ObjectNode f = props.putObject(s.name());
      switch (s.type()) {
        case KEYWORD -> f.put("type", "keyword");
        case INT -> f.put("type", "long");
        case JSON -> {
          f.put("type", "object");
          f.put("enabled", false);
        }
      }
    }
    return body;
  }

  /** Always hnsw on engine lucene: FLAT fields too (searched exactly with knn_score). */
  private static void vectorMapping(ObjectNode f, VectorField v) {
    f.put("type", "knn_vector");
    f.put("dimension", v.dimension());
    ObjectNode method = f.putObject("method");
    method.put("name", "hnsw");
    method.put("engine", "lucene");
    method.put("space_type", spaceType(v.metric()));
    ObjectNode p = method.putObject("parameters");
    boolean hnsw = v.index().type() == IndexSpec.Type.HNSW;
    p.put("m", hnsw ? v.index().m() : 16);
    p.put("ef_construction", hnsw ? v.index().efConstruction() : 100);
  }

  static String spaceType(Metric m) {
    return switch (m) {
      case COSINE -> "cosinesimil";
      case IP -> "innerproduct";
      case L2 -> "l2";
    };
  }

  /** The schema of an index from its mapping: the stored JSON when there is one, else what the mapping says. */
  CollectionSchema read(String collection, JsonNode mappings, String where) {
    JsonNode props = mappings.path("properties");
    checkLuceneOnly(where, props);
    String meta = mappings.path("_meta").path(META_KEY).asText(null);
    if (meta == null) {
      return reconstruct(collection, props);
    }
    return SchemaCodec.withActualDimensions(codec.fromJson(meta, where), name -> {
      JsonNode d = props.path(name).path("dimension");
      return d.isNumber() ? d.asInt() : null;
    });
  }

  /**
   * Refuses any knn_vector without engine lucene (faiss, nmslib, or no method, which means
   * faiss): on the embedded node the first write into such a field kills the node.
   */
  static void checkLuceneOnly(String where, JsonNode props) {
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if ("knn_vector".equals(e.getValue().path("type").asText())) {
        String engine = e.getValue().path("method").path("engine").asText("(no method: faiss by default)");
        if (!engine.equals("lucene")) {
          throw new BadInputException(
              where + ": vector field '" + e.getKey() + "': expected k-NN engine 'lucene', found '" + engine
                  + "' (faiss/nmslib need native libraries this node lacks; recreate the index with LensBench)");
        }
      }
    }
  }

  /** An index not created by LensBench: read what the mapping says. */
  private static CollectionSchema reconstruct(String collection, JsonNode props) {
    List<VectorField> vs = new ArrayList<>();
    List<TextField> ts = new ArrayList<>();
    List<ScalarField> ss = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode f = e.getValue();
      switch (f.path("type").asText("object")) {
        case "knn_vector" -> vs.add(vectorField(e.getKey(), f));
        case "text" -> ts.add(new TextField(e.getKey(), "nori".equals(f.path("analyzer").asText()) ? "ko" : "en"));
        case "keyword" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.KEYWORD));
        case "long", "integer", "short", "byte" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.INT));
        case "object" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.JSON));
        default -> { }
      }
    }
    return new CollectionSchema(collection, vs, ts, ss, Map.of());
  }

  private static VectorField vectorField(String name, JsonNode f) {
    JsonNode m = f.path("method");
    Metric metric = switch (m.path("space_type").asText(f.path("space_type").asText("l2"))) {
      case "cosinesimil" -> Metric.COSINE;
      case "innerproduct" -> Metric.IP;
      default -> Metric.L2;
    };
    JsonNode p = m.path("parameters");
    return new VectorField(name, f.path("dimension").asInt(), metric,
        IndexSpec.hnsw(p.path("m").asInt(16), p.path("ef_construction").asInt(100), 100));
  }
}
