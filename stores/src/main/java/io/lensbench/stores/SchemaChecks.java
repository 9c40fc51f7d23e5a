package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation shared by every {@link RetrievalStore}: a schema both stores can represent, documents
 * and queries that fit the schema. Every message names the store, the collection, the field,
 * what was expected and what was found. {@code where} is a prefix such as {@code "milvus
 * (http://127.0.0.1:19530) collection 'fashion'"}.
 */
public final class SchemaChecks {
  /** The most IVF clusters a collection may ask for (Milvus' limit). */
  public static final int MAX_NLIST = 65_536;

  /** Every vector field's index type is one the store builds; bad input naming the field otherwise. */
  static void checkIndexTypes(String where, CollectionSchema s, java.util.Set<IndexSpec.Type> types) {
    for (VectorField v : s.vectors()) {
      if (!types.contains(v.index().type())) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: vector field '%s': expected an index type this store builds %s, found %s",
            where, v.name(), new java.util.TreeSet<>(types), v.index().type()));
      }
    }
  }

  /** Lowercase because OpenSearch index names must be; letters first because Milvus requires it. */
  public static final Pattern COLLECTION_NAME = Pattern.compile("[a-z][a-z0-9_]{0,199}");

  public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
  public static final String ID_FIELD = "id";
  /** Suffix of the sparse field Milvus fills from a BM25 text field; reserved. */
  public static final String BM25_SUFFIX = "__bm25";

  public static final int MAX_DIMENSION = 16_000;
  public static final int MAX_K = 10_000;
  public static final int MAX_ID_LENGTH = 512;
  public static final Set<String> LANGUAGES = Set.of("en", "ko");

  private SchemaChecks() {}

  public static void checkCollectionName(String store, String name) {
    if (name == null || !COLLECTION_NAME.matcher(name).matches()) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: collection name: expected lowercase letters, digits and '_' starting with a letter (max 200), found '%s'",
              store,
              name));
    }
  }

  public static void checkSchema(String where, CollectionSchema s) {
    Set<String> seen = new HashSet<>();
    if (s.vectors().isEmpty() && s.texts().isEmpty()) {
      throw new BadInputException(where + ": expected at least one vector or text field, found none");
    }
    for (VectorField v : s.vectors()) {
      checkFieldName(where, v.name(), seen);
      if (v.metric() == null || v.index() == null || v.index().type() == null) {
        throw new BadInputException(
            where + ": vector field '" + v.name() + "': expected a metric and an index, found null");
      }
      if (v.dimension() < 1 || v.dimension() > MAX_DIMENSION) {
        throw new BadInputException(
            String.format(
                Locale.ROOT,
                "%s: vector field '%s': expected dimension 1..%d, found %d",
                where,
                v.name(),
                MAX_DIMENSION,
                v.dimension()));
      }
      IndexSpec ix = v.index();
      if (ix.type() == IndexSpec.Type.HNSW
          && (ix.m() < 2 || ix.m() > 100 || ix.efConstruction() < 1 || ix.efSearch() < 1)) {
        throw new BadInputException(
            String.format(
                Locale.ROOT,
                "%s: vector field '%s': expected HNSW m 2..100, efConstruction >= 1, efSearch >= 1, found m=%d efConstruction=%d efSearch=%d",
                where,
                v.name(),
                ix.m(),
                ix.efConstruction(),
                ix.efSearch()));
      }
      if (ix.type() == IndexSpec.Type.IVF_FLAT
          && (ix.nlist() < 1 || ix.nlist() > MAX_NLIST || ix.nprobe() < 1 || ix.nprobe() > ix.nlist())) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: vector field '%s': expected IVF_FLAT nlist 1..%d and nprobe 1..nlist, found nlist=%d nprobe=%d",
            where, v.name(), MAX_NLIST, ix.nlist(), ix.nprobe()));
      }
    }
    for (TextField t : s.texts()) {
      checkFieldName(where, t.name(), seen);
      if (!LANGUAGES.contains(t.language())) {
        throw new BadInputException(
            where + ": text field '" + t.name() + "': expected language one of " + sorted(LANGUAGES)
                + ", found '" + t.language() + "'");
      }
    }
    for (ScalarField f : s.scalars()) {
      checkFieldName(where, f.name(), seen);
      if (f.type() == null) {
        throw new BadInputException(where + ": scalar field '" + f.name() + "': expected a type, found null");
      }
    }
  }

  private static void checkFieldName(String where, String name, Set<String> seen) {
    if (name == null || !FIELD_NAME.matcher(name).matches()) {
      throw new BadInputException(
          where + ": field name: expected letters, digits and '_' starting with a letter, found '" + name + "'");
    }
    if (name.equals(ID_FIELD) || name.endsWith(BM25_SUFFIX)) {
      throw new BadInputException(
          where + ": field name '" + name + "' is reserved ('" + ID_FIELD + "' and '*" + BM25_SUFFIX + "')");
    }
    if (!seen.add(name)) {
      throw new BadInputException(where + ": field name '" + name + "' is used twice");
    }
  }

  /** Checks one document against the schema: ids, vector dimensions, known fields, scalar types. */
  public static void checkDocument(String where, CollectionSchema s, StoreDocument d) {
    if (d == null || d.id() == null || d.id().isEmpty()) {
      throw new BadInputException(where + ": document id: expected a non-empty string, found none");
    }
    if (d.id().length() > MAX_ID_LENGTH) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: document id '%.40s…': expected at most %d characters, found %d",
              where, d.id(), MAX_ID_LENGTH, d.id().length()));
    }
    Map<String, float[]> vectors = d.vectors() == null ? Map.of() : d.vectors();
    for (VectorField v : s.vectors()) {
      float[] vec = vectors.get(v.name());
      if (vec == null) {
        throw new BadInputException(
            where + ": document '" + d.id() + "': vector field '" + v.name() + "' is missing (every vector field is required)");
      }
      checkVector(where + ": document '" + d.id() + "'", v, vec);
    }
    for (String name : vectors.keySet()) {
      if (s.vectors().stream().noneMatch(v -> v.name().equals(name))) {
        throw unknownField(where + ": document '" + d.id() + "'", name, "vector", names(s.vectors().stream().map(VectorField::name).toList()));
      }
    }
    Map<String, String> texts = d.texts() == null ? Map.of() : d.texts();
    for (String name : texts.keySet()) {
      if (s.texts().stream().noneMatch(t -> t.name().equals(name))) {
        throw unknownField(where + ": document '" + d.id() + "'", name, "text", names(s.texts().stream().map(TextField::name).toList()));
      }
    }
    Map<String, Object> scalars = d.scalars() == null ? Map.of() : d.scalars();
    for (Map.Entry<String, Object> e : scalars.entrySet()) {
      ScalarField f =
          s.scalars().stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElse(null);
      if (f == null) {
        throw unknownField(where + ": document '" + d.id() + "'", e.getKey(), "scalar", names(s.scalars().stream().map(ScalarField::name).toList()));
      }
      checkScalarValue(where + ": document '" + d.id() + "'", f, e.getValue());
    }
  }

  /** A vector of the field's dimension with finite values. */
  public static void checkVector(String where, VectorField v, float[] vec) {
    if (vec == null) {
      throw new BadInputException(where + ": vector field '" + v.name() + "': expected a vector, found null");
    }
    if (vec.length != v.dimension()) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: vector field '%s': dimension mismatch: expected %d, found %d",
              where,
              v.name(),
              v.dimension(),
              vec.length));
    }
    for (int i = 0; i < vec.length; i++) {
      if (!Float.isFinite(vec[i])) {
        throw new BadInputException(
            String.format(Locale.ROOT, "%s: vector field '%s': expected finite values, found %s at index %d",
                where, v.name(), vec[i], i));
      }
    }
  }

  public static VectorField vectorField(String where, CollectionSchema s, String name) {
    return s.vectors().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> unknownField(where, name, "vector", names(s.vectors().stream().map(VectorField::name).toList())));
  }

  public static TextField textField(String where, CollectionSchema s, String name) {
    return s.texts().stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> unknownField(where, name, "text", names(s.texts().stream().map(TextField::name).toList())));
  }

  public static void checkK(String where, int k) {
    if (k < 1 || k > MAX_K) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: k: expected 1..%d, found %d", where, MAX_K, k));
    }
  }

  /** Filters may test KEYWORD (String value) and INT (integral value) fields only. */
  public static void checkFilter(String where, CollectionSchema s, Filter filter) {
    if (filter == null) {
      return;
    }
    for (Map.Entry<String, Object> e : filter.equals().entrySet()) {
      ScalarField f =
          s.scalars().stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElse(null);
      if (f == null) {
        throw unknownField(where + ": filter", e.getKey(), "scalar", names(s.scalars().stream().map(ScalarField::name).toList()));
      }
      if (f.type() == ScalarField.Type.JSON) {
        throw new BadInputException(
            where + ": filter field '" + f.name() + "': expected a KEYWORD or INT field, found JSON");
      }
      checkScalarValue(where + ": filter", f, e.getValue());
    }
  }

  private static void checkScalarValue(String where, ScalarField f, Object value) {
    if (value == null) {
      return;
    }
    boolean ok =
        switch (f.type()) {
          case KEYWORD -> value instanceof String;
          case INT -> value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
          case JSON -> true;
        };
    if (!ok) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: field '%s': expected a %s value, found %s '%s'",
              where,
              f.name(),
              f.type() == ScalarField.Type.KEYWORD ? "string (KEYWORD)" : "integer (INT)",
              value.getClass().getSimpleName(),
              value));
    }
  }

  public static BadInputException unknownField(String where, String name, String kind, String known) {
    return new BadInputException(
        where + ": unknown " + kind + " field '" + name + "': expected one of " + known);
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "(none)" : "[" + String.join(", ", names) + "]";
  }

  private static String sorted(Set<String> s) {
    return s.stream().sorted().toList().toString();
  }
}
