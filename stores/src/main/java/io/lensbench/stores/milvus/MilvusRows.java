package io.lensbench.stores.milvus;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents and query texts as Milvus takes them: a checked document as JSON rows, one per
 * collection it lives in (VARCHAR limits checked), Korean text as Nori morphemes ({@link KoreanMorphemes}).
 */
final class MilvusRows implements AutoCloseable {
  private final Gson gson = new Gson();
  private final KoreanMorphemes korean = new KoreanMorphemes();

  /** What Milvus stores and searches for a text: Korean as Nori morphemes (see {@link MilvusStore}). */
  String text(TextField t, String text) {
    if (text == null) {
      return "";
    }
    return t.language().equals("ko") ? korean.analyse(text) : text;
  }

  /**
   * One checked document as rows per collection (see {@link MilvusSchemas#createRequests}): one
   * row for the main collection, plus one per companion collection on Milvus 2.3, where null
   * scalars are stored as defaults ('' / {@link Long#MIN_VALUE} / {}).
   */
  Map<String, JsonObject> rows(String where, String collection, CollectionSchema s, StoreDocument d, MilvusEngine engine) {
    JsonObject scalars = scalars(where, s, d, engine.bm25());
    Map<String, JsonObject> out = new LinkedHashMap<>();
    JsonObject main = withId(d);
    List<VectorField> vectors = s.vectors();
    for (VectorField v : vectors) {
      String target = MilvusSchemas.collectionOf(s, collection, v.name(), engine);
      JsonObject row = target.equals(collection) ? main : out.computeIfAbsent(target, t -> withId(d));
      row.add(v.name(), vector(d.vectors().get(v.name())));
    }
    if (vectors.isEmpty() && !engine.multiVector()) {
      main.add(MilvusSchemas.PLACEHOLDER, vector(new float[2]));
    }
    Map<String, String> texts = d.texts() == null ? Map.of() : d.texts();
    for (TextField t : s.texts()) {
      String text = text(t, texts.get(t.name()));
      checkVarcharLength(where, d.id(), t.name(), text);
      main.addProperty(t.name(), text);
    }
    Map<String, JsonObject> all = new LinkedHashMap<>();
    all.put(collection, main);
    all.putAll(out);
    all.values().forEach(row -> scalars.entrySet().forEach(e -> row.add(e.getKey(), e.getValue())));
    return all;
  }

  private static JsonObject withId(StoreDocument d) {
    JsonObject o = new JsonObject();
    o.addProperty(SchemaChecks.ID_FIELD, d.id());
    return o;
  }

  private static JsonArray vector(float[] v) {
    JsonArray a = new JsonArray();
    for (float x : v) {
      a.add(x);
    }
    return a;
  }

  private JsonObject scalars(String where, CollectionSchema s, StoreDocument d, boolean nullable) {
    JsonObject o = new JsonObject();
    Map<String, Object> scalars = d.scalars() == null ? Map.of() : d.scalars();
    for (ScalarField f : s.scalars()) {
      Object v = scalars.get(f.name());
      if (v == null) {
        o.add(f.name(), nullable ? JsonNull.INSTANCE : nullDefault(f.type()));
      } else if (f.type() == ScalarField.Type.INT) {
        o.addProperty(f.name(), ((Number) v).longValue());
      } else if (f.type() == ScalarField.Type.KEYWORD) {
        checkVarcharLength(where, d.id(), f.name(), (String) v);
        o.addProperty(f.name(), (String) v);
      } else {
        o.add(f.name(), gson.toJsonTree(v));
      }
    }
    return o;
  }

  /** What a null scalar is stored as where Milvus has no nullable fields (2.3). */
  static JsonElement nullDefault(ScalarField.Type type) {
    return switch (type) {
      case KEYWORD -> new JsonPrimitive("");
      case INT -> new JsonPrimitive(Long.MIN_VALUE);
      case JSON -> new JsonObject();
    };
  }

  private static void checkVarcharLength(String where, String id, String field, String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MilvusSchemas.VARCHAR_MAX) {
      throw new BadInputException(String.format(java.util.Locale.ROOT,
          "%s: document '%s': field '%s': expected at most %d UTF-8 bytes (Milvus VARCHAR), found %d",
          where, id, field, MilvusSchemas.VARCHAR_MAX, bytes));
    }
  }

  @Override
  public void close() {
    korean.close();
  }
}
