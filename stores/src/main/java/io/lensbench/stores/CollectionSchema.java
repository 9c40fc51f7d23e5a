package io.lensbench.stores;

import java.util.List;
import java.util.Map;

/**
 * A collection (Milvus) or index (OpenSearch): a string id primary key, named vector fields,
 * BM25 text fields and scalar metadata.
 *
 * @param properties free key/values stored with the collection (e.g. {@code contentHash}) so a
 *     later run can decide whether the index can be reused
 */
public record CollectionSchema(
    String name,
    List<VectorField> vectors,
    List<TextField> texts,
    List<ScalarField> scalars,
    Map<String, String> properties) {
  public CollectionSchema {
    vectors = List.copyOf(vectors);
    texts = List.copyOf(texts);
    scalars = List.copyOf(scalars);
    properties = Map.copyOf(properties);
  }
}
