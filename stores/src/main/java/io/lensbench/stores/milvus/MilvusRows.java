package io.lensbench.stores.milvus;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Documents and query texts as Milvus takes them: a checked document as one JSON row (VARCHAR
 * limits checked), Korean text as Nori morphemes ({@link KoreanMorphemes}).
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

  JsonObject row(String where, CollectionSchema s, StoreDocument d) {
    JsonObject o = new JsonObject();
    o.addProperty(SchemaChecks.ID_FIELD, d.id());
    for (VectorField v : s.vectors()) {
      JsonArray a = new JsonArray();
      for (float x : d.vectors().get(v.name())) {
        a.add(x);
      }
      o.add(v.name(), a);
    }
    Map<String, String> texts = d.texts() == null ? Map.of() : d.texts();
    for (TextField t : s.texts()) {
      String text = text(t, texts.get(t.name()));
      checkVarcharLength(where, d.id(), t.name(), text);
      o.addProperty(t.name(), text);
    }
    Map<String, Object> scalars = d.scalars() == null ? Map.of() : d.scalars();
    for (ScalarField f : s.scalars()) {
      Object v = scalars.get(f.name());
      if (v == null) {
        o.add(f.name(), JsonNull.INSTANCE);
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
