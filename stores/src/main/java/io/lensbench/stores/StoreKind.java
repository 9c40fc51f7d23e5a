package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The search engine behind a {@link RetrievalStore}. A run may hold several stores of one kind
 * (say Milvus Lite and a Milvus server); each is a {@link StoreId} with its own name.
 */
public enum StoreKind {
  MILVUS(StoreKind.MILVUS_ID, "a Milvus gRPC server answering",
      java.util.EnumSet.allOf(IndexSpec.Type.class)),
  /** The lucene k-NN engine: HNSW graphs only (FLAT fields are searched exactly by script). */
  OPENSEARCH(StoreKind.OPENSEARCH_ID, "an OpenSearch node answering HTTP",
      java.util.EnumSet.of(IndexSpec.Type.FLAT, IndexSpec.Type.HNSW));

  /** {@link #MILVUS}'s id as a constant, for annotations (JMH {@code @Param}). */
  public static final String MILVUS_ID = "milvus";

  /** {@link #OPENSEARCH}'s id as a constant, for annotations (JMH {@code @Param}). */
  public static final String OPENSEARCH_ID = "opensearch";

  private final String id;
  private final String server;
  private final java.util.Set<IndexSpec.Type> indexTypes;

  StoreKind(String id, String server, java.util.Set<IndexSpec.Type> indexTypes) {
    this.id = id;
    this.server = server;
    this.indexTypes = java.util.Collections.unmodifiableSet(indexTypes);
  }

  /** The vector index types this engine builds. */
  public java.util.Set<IndexSpec.Type> indexTypes() {
    return indexTypes;
  }

  /** The lower-case name used in experiment files, cell ids and messages: "milvus", "opensearch". */
  public String id() {
    return id;
  }

  /** What should answer at the store's address, for "unreachable: expected …" messages. */
  public String server() {
    return server;
  }

  /** Every kind's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(StoreKind::id).toList();
  }

  /** The ids quoted for a message: {@code 'milvus' or 'opensearch'}. */
  public static String choices() {
    return Arrays.stream(values()).map(k -> "'" + k.id + "'").collect(Collectors.joining(" or "));
  }

  /** The kind with this id (case and surrounding blanks ignored), if any. */
  public static Optional<StoreKind> find(String id) {
    String n = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(n)).findFirst();
  }

  /** The kind with this id; {@link BadInputException} naming the known ids otherwise. */
  public static StoreKind of(String id) {
    return find(id).orElseThrow(() -> new BadInputException(
        "store kind: expected one of " + ids() + ", found '" + id + "'"));
  }

  @Override
  public String toString() {
    return id;
  }
}
