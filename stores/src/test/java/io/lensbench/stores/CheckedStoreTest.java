package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.SearchHit;
import io.lensbench.core.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks, schema cache, batching and error reporting every adapter inherits, on an in-memory
 * engine that records which engine calls were made: a call that fails a check never reaches the
 * engine. (The same checks run against the real stores in {@link RetrievalStoreContract}.)
 */
class CheckedStoreTest {
  private static final String SECRET = "Very-S3cret-Token";
  private static final StoreConfig CONFIG =
      StoreConfig.defaults()
          .withMilvus(new StoreConfig.MilvusConfig("https://engine.example:443", Secret.ofNullable(SECRET), null, null, null))
          .withBatchSize(2);
  private static final CollectionSchema SCHEMA =
      new CollectionSchema("docs",
          List.of(new VectorField("v", 3, Metric.COSINE, IndexSpec.flat())),
          List.of(new TextField("body", "en")),
          List.of(new ScalarField("tag", ScalarField.Type.KEYWORD)),
          Map.of());

  private Engine store;

  @BeforeEach
  void createCollection() {
    store = new Engine();
    store.create(SCHEMA);
    store.calls.clear();
  }

  private static StoreDocument doc(String id, float... v) {
    return new StoreDocument(id, Map.of("v", v), Map.of("body", "text " + id), Map.of("tag", "t"));
  }

  @Test
  void badArgumentsNeverReachTheEngine() {
    float[] q = {1, 0, 0};
    assertBadInput(() -> store.knn("docs", "nope", q, 5, Filter.NONE), "docs", "knn", "unknown vector field 'nope'");
    assertBadInput(() -> store.knn("docs", "v", new float[2], 5, Filter.NONE), "knn query", "expected 3", "found 2");
    assertBadInput(() -> store.knn("docs", "v", q, 0, Filter.NONE), "knn: k: expected 1..");
    assertBadInput(() -> store.knn("docs", "v", q, 5, new Filter(Map.of("brand", "x"), Set.of())), "knn: filter", "brand");
    assertBadInput(() -> store.bm25("docs", "v", "text", 5, Filter.NONE), "bm25", "unknown text field 'v'");
    assertBadInput(() -> store.bm25("docs", "body", "text", 10_001, Filter.NONE), "bm25: k");
    assertBadInput(() -> store.upsert("docs", List.of(doc("a", 1, 2, 3), doc("b", 1, 2))), "document 'b'", "expected 3");
    assertBadInput(() -> store.create(SCHEMA), "milvus (https://engine.example:443) collection 'docs'", "already exists");
    assertBadInput(() -> store.create(new CollectionSchema("Bad-Name", SCHEMA.vectors(), List.of(), List.of(), Map.of())),
        "collection name", "Bad-Name");
    assertEquals(List.of("exists"), store.calls, "only the existence check of create reached the engine");
  }

  @Test
  void hybridRequestsAreCheckedAndResolved() {
    HybridRequest.Knn knn = new HybridRequest.Knn("v", new float[] {1, 0, 0}, 4);
    HybridRequest.Bm25 bm25 = new HybridRequest.Bm25("body", null, 6);
    assertBadInput(() -> store.hybrid("docs", new HybridRequest(List.of(), new HybridRequest.Rrf(60), 5, null)),
        "hybrid: expected at least one sub-search, found none");
    assertBadInput(() -> store.hybrid("docs", new HybridRequest(List.of(knn, bm25), new HybridRequest.Weighted(List.of(1.0)), 5, null)),
        "hybrid weighted ranker: expected 2 weights (one per sub-search), found 1");
    assertBadInput(() -> store.hybrid("docs", new HybridRequest(List.of(knn), null, 5, null)),
        "hybrid: expected an RRF or weighted ranker, found null");
    assertBadInput(() -> store.hybrid("docs", new HybridRequest(List.of(new HybridRequest.Knn("v", new float[] {1, 0, 0}, 0)),
        new HybridRequest.Rrf(60), 5, null)), "hybrid sub-search: k");
    assertEquals(List.of(), store.calls);

    store.hybrid("docs", new HybridRequest(List.of(knn, bm25), new HybridRequest.Rrf(60), 5, null));
    assertEquals(List.of("hybrid"), store.calls);
    assertEquals(List.of(new CheckedSearch.Knn(SCHEMA.vectors().get(0), knn.vector(), 4),
        new CheckedSearch.Bm25(SCHEMA.texts().get(0), "", 6)), store.lastSearches);
    assertEquals(Filter.NONE, store.lastFilter, "a null filter reaches the engine as Filter.NONE");
  }

  @Test
  void blankTextFindsNothingWithoutAsking() {
    assertEquals(List.of(), store.bm25("docs", "body", "  ", 5, Filter.NONE));
    assertEquals(List.of(), store.calls);
  }

  @Test
  void missingCollectionsAreReportedAndSchemasCached() {
    assertBadInput(() -> store.count("nothing"), "collection 'nothing'", "expected an existing collection");
    assertBadInput(() -> store.flush("nothing"), "expected an existing collection");
    store.count("docs");
    store.knn("docs", "v", new float[] {1, 0, 0}, 5, null);
    assertEquals(List.of("exists", "exists", "count", "knn"), store.calls, "the created schema is cached: no describe");
    store.drop("docs");
    assertBadInput(() -> store.count("docs"), "expected an existing collection");
  }

  @Test
  void documentsAreCheckedFirstThenWrittenInBatches() {
    store.upsert("docs", List.of(doc("a", 1, 0, 0), doc("b", 0, 1, 0), doc("c", 0, 0, 1)));
    assertEquals(List.of("write upsert of documents 0..1 [a, b]", "write upsert of documents 2..2 [c]"), store.writes);
  }

  @Test
  void engineFailuresAreWrappedAndRedacted() {
    store.failure = () -> new IllegalStateException("server rejected token " + SECRET + " for collection docs");
    InfrastructureException e = assertThrows(InfrastructureException.class, () -> store.flush("docs"));
    assertEquals("milvus (https://engine.example:443) collection 'docs': flush failed: server rejected token **** "
        + "for collection docs", e.getMessage());
    store.failure = () -> new BadInputException("engine limit: " + SECRET);
    BadInputException b = assertThrows(BadInputException.class, () -> store.count("docs"));
    assertFalse(b.getMessage().contains(SECRET), b.getMessage());
    store.failure = () -> new RuntimeException("connection refused");
    InfrastructureException down = assertThrows(InfrastructureException.class, () -> store.knn("docs", "v", new float[3], 1, null));
    assertTrue(down.getMessage().startsWith("milvus at https://engine.example:443 is unreachable (knn on 'v', collection 'docs')"),
        down.getMessage());
  }

  private static void assertBadInput(Runnable call, String... parts) {
    LensBenchException e = assertThrows(BadInputException.class, call::run);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message should mention '" + p + "': " + e.getMessage());
    }
    assertInstanceOf(BadInputException.class, e);
  }

  /** An in-memory engine recording its calls. */
  private static final class Engine extends CheckedStore<String> {
    final List<String> calls = new ArrayList<>();
    final List<String> writes = new ArrayList<>();
    final Map<String, CollectionSchema> collections = new HashMap<>();
    Supplier<RuntimeException> failure;
    List<CheckedSearch> lastSearches;
    Filter lastFilter;

    Engine() {
      super(StoreId.of(StoreKind.MILVUS), CONFIG, new StoreErrors(StoreKind.MILVUS, CONFIG,
          e -> String.valueOf(e.getMessage()).contains("connection refused")));
    }

    private void call(String name) {
      calls.add(name);
      if (failure != null) {
        throw failure.get();
      }
    }

    @Override public String serverVersion() {
      return "in-memory";
    }

    @Override public String engine() {
      return "in-memory engine";
    }

    @Override protected boolean collectionExists(String collection) {
      call("exists");
      return collections.containsKey(collection);
    }

    @Override protected void createCollection(CollectionSchema schema) {
      call("create");
      collections.put(schema.name(), schema);
    }

    @Override protected CollectionSchema readSchema(String collection) {
      call("describe");
      return collections.get(collection);
    }

    @Override protected void dropCollection(String collection) {
      call("drop");
      collections.remove(collection);
    }

    @Override protected String encode(String collection, CollectionSchema schema, StoreDocument document) {
      return document.id();
    }

    @Override protected void write(String collection, List<String> batch, String what) {
      call("write");
      writes.add("write " + what + " " + batch);
    }

    @Override protected void flushCollection(String collection) {
      call("flush");
    }

    @Override protected long countDocuments(String collection) {
      call("count");
      return 0;
    }

    @Override protected List<SearchHit> searchKnn(String collection, VectorField field, float[] vector, int k, Filter filter) {
      call("knn");
      return List.of();
    }

    @Override protected List<SearchHit> searchBm25(String collection, TextField field, String text, int k, Filter filter) {
      call("bm25");
      return List.of();
    }

    @Override protected List<SearchHit> searchHybrid(
        String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter) {
      call("hybrid");
      lastSearches = searches;
      lastFilter = filter;
      return List.of();
    }

    @Override public void close() {}
  }
}
