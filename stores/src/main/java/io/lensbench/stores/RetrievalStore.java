package io.lensbench.stores;

import io.lensbench.core.SearchHit;

import java.util.List;
import java.util.Optional;

/**
 * The one store contract every strategy uses, implemented for real by Milvus (MilvusClientV2)
 * and OpenSearch (opensearch-java) on {@link CheckedStore}, opened with {@link Stores}. Errors are {@link io.lensbench.core.BadInputException}
 * (dimension mismatch, unknown field, missing collection) or
 * {@link io.lensbench.core.InfrastructureException} (store unreachable), each naming the store,
 * collection and field, expected vs actual.
 */
public interface RetrievalStore extends AutoCloseable {

  /** The store's name ({@link StoreId#name()}): "milvus", "milvus-lite", "opensearch", … */
  String name();

  /** Server version as reported by the server. */
  String serverVersion();

  /**
   * The engine as a reader should know it, from what the server reports: "Milvus 2.3.5
   * (server)", "Milvus Lite 3.2.2", "OpenSearch 2.19.1".
   */
  String engine();

  /**
   * What this engine cannot do natively and the adapter does instead, one sentence each (empty
   * when nothing): recorded with the run and shown in the report, never silent.
   */
  default List<String> fallbacks() {
    return List.of();
  }

  /** Creates the collection; fails if it already exists. */
  void create(CollectionSchema schema);

  boolean exists(String collection);

  /** The schema as stored (including properties), or empty when the collection does not exist. */
  Optional<CollectionSchema> describe(String collection);

  /** Drops the collection if it exists. */
  void drop(String collection);

  /** Inserts or replaces documents by id, in batches of the configured size. Idempotent. */
  void upsert(String collection, List<StoreDocument> documents);

  /** Makes every upserted document searchable (flush + load / refresh). */
  void flush(String collection);

  long count(String collection);

  /** kNN on one named vector field; hits in rank order, at most k. */
  List<SearchHit> knn(String collection, String vectorField, float[] vector, int k, Filter filter);

  /**
   * kNN with search-time parameters ({@code ef}, {@code nprobe}) other than the collection's,
   * so an index sweep varies them without rebuilding; the same as {@link #knn} for FLAT fields.
   */
  List<SearchHit> knn(String collection, String vectorField, float[] vector, int k, Filter filter,
      SearchParams params);

  /** The vector index types this store builds ({@link StoreKind#indexTypes()}). */
  java.util.Set<IndexSpec.Type> indexTypes();

  /**
   * What the collection occupies (disk, server memory) as the store reports it; {@link
   * Footprint#unknown} where it reports nothing. For index sweeps: read after a flush.
   */
  default Footprint footprint(String collection) {
    return Footprint.unknown(engine() + " reports no collection size to LensBench");
  }

  /** BM25 on one named text field; hits in rank order, at most k. */
  List<SearchHit> bm25(String collection, String textField, String text, int k, Filter filter);

  /** Store-native hybrid search (fusion done by the store). */
  List<SearchHit> hybrid(String collection, HybridRequest request);

  @Override
  void close();
}
