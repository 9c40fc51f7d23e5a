package io.lensbench.stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a {@link CollectionSchema} as JSON into the store (Milvus: collection description;
 * OpenSearch: mapping {@code _meta}) and reads it back, so {@link RetrievalStore#describe} round
 * trips languages, index parameters and properties that the store's own schema cannot express.
 */
public final class SchemaCodec {
  /** Marks a description written by LensBench, followed by the schema JSON. */
  public static final String PREFIX = "lensbench-schema-v1:";

  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public String toJson(CollectionSchema schema) {
    try {
      return mapper.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise schema of " + schema.name(), e);
    }
  }

  public CollectionSchema fromJson(String json, String where) {
    try {
      return mapper.readValue(json, CollectionSchema.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          where + ": stored LensBench schema is not readable (" + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * The schema with each vector field's dimension as the store has it ({@code dimensionOf} the
   * field name; null keeps the stored one): searches are checked against what the store holds.
   */
  public static CollectionSchema withActualDimensions(CollectionSchema s, Function<String, Integer> dimensionOf) {
    List<VectorField> vs = new ArrayList<>();
    for (VectorField v : s.vectors()) {
      Integer dim = dimensionOf.apply(v.name());
      vs.add(new VectorField(v.name(), dim == null ? v.dimension() : dim, v.metric(), v.index()));
    }
    return new CollectionSchema(s.name(), vs, s.texts(), s.scalars(), s.properties());
  }
}
