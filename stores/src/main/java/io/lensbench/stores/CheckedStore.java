package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The contract half of every {@link RetrievalStore} adapter, written once: arguments checked
 * against the collection's schema ({@link SchemaChecks}) before any engine call, schemas looked
 * up and cached per collection, documents upserted in batches of {@link StoreConfig#batchSize()},
 * and every engine failure reported through {@link StoreErrors} (one message shape, credentials
 * redacted). An adapter implements only the engine calls, the protected hooks below, and gets
 * their arguments already checked.
 *
 * @param <R> the engine's form of one document (a row, a bulk line), made by {@link #encode}
 */
public abstract class CheckedStore<R> implements RetrievalStore {
  private final StoreId id;
  private final StoreConfig config;
  private final StoreErrors errors;
  /** Schemas seen by this instance; filled on first use of a collection. */
  private final Map<String, CollectionSchema> schemas = new ConcurrentHashMap<>();

  protected CheckedStore(StoreId id, StoreConfig config, StoreErrors errors) {
    this.id = id;
    this.config = config;
    this.errors = errors;
  }

  // ---------------------------------------------------------------- engine hooks

  /** True when the engine has this collection; the name is one {@link #canExist} accepts. */
  protected abstract boolean collectionExists(String collection);

  /** Creates the collection for a checked schema that does not exist yet. */
  protected abstract void createCollection(CollectionSchema schema);

  /** The schema of an existing collection as stored (LensBench's JSON, else what the engine knows). */
  protected abstract CollectionSchema readSchema(String collection);

  /** Drops an existing collection. */
  protected abstract void dropCollection(String collection);

  /** One checked document in the engine's form; may check engine limits (BadInputException). */
  protected abstract R encode(String collection, CollectionSchema schema, StoreDocument document);

  /** Writes one batch of encoded documents; {@code what} names the batch for messages. */
  protected abstract void write(String collection, List<R> batch, String what);

  /** Makes every written document searchable. */
  protected abstract void flushCollection(String collection);

  protected abstract long countDocuments(String collection);

  protected abstract List<SearchHit> searchKnn(String collection, VectorField field, float[] vector, int k, Filter filter);

  /** BM25 with a non-blank text. */
  protected abstract List<SearchHit> searchBm25(String collection, TextField field, String text, int k, Filter filter);

  /** Hybrid search with checked sub-searches and a ranker that fits them (weights: one per sub-search). */
  protected abstract List<SearchHit> searchHybrid(
      String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter);

  /** False for a name the engine would reject outright (so no such collection can exist). */
  protected boolean canExist(String collection) {
    return SchemaChecks.COLLECTION_NAME.matcher(collection).matches();
  }

  // ---------------------------------------------------------------- for adapters

  protected final StoreConfig config() {
    return config;
  }

  protected final StoreErrors errors() {
    return errors;
  }

  /** The store's address: the Milvus URI, or the OpenSearch URLs joined by ','. */
  protected final String address() {
    return config.address(id.kind());
  }

  /** The prefix of every message about one collection. */
  protected final String where(String collection) {
    return errors.where(collection);
  }

  /** The schema of an existing collection (cached; read once per instance). */
  protected final CollectionSchema schemaOf(String collection) {
    return schema(collection);
  }

  /** Runs one engine call, reporting its failure through {@link StoreErrors#wrap}. */
  protected final <T> T guard(String collection, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw errors.wrap(collection, what, e);
    }
  }

  private void run(String collection, String what, Runnable call) {
    guard(collection, what, () -> {
      call.run();
      return null;
    });
  }

  // ---------------------------------------------------------------- the contract

  @Override
  public final String name() {
    return id.name();
  }

  @Override
  public final java.util.Set<IndexSpec.Type> indexTypes() {
    return id.kind().indexTypes();
  }

  @Override
  public final void create(CollectionSchema schema) {
    SchemaChecks.checkCollectionName(id.name() + " (" + address() + ")", schema.name());
    String where = where(schema.name());
    SchemaChecks.checkSchema(where, schema);
    SchemaChecks.checkIndexTypes(where, schema, indexTypes());
    if (exists(schema.name())) {
      throw new BadInputException(where + ": expected a new collection, found one that already exists (drop it first)");
    }
    run(schema.name(), "create", () -> createCollection(schema));
    schemas.put(schema.name(), schema);
  }

  @Override
  public final boolean exists(String collection) {
    return collection != null && canExist(collection) && guard(collection, "exists", () -> collectionExists(collection));
  }

  @Override
  public final Optional<CollectionSchema> describe(String collection) {
    if (!exists(collection)) {
      schemas.remove(collection);
      return Optional.empty();
    }
    CollectionSchema s = guard(collection, "describe", () -> readSchema(collection));
    schemas.put(collection, s);
    return Optional.of(s);
  }

  @Override
  public final void drop(String collection) {
    schemas.remove(collection);
    if (exists(collection)) {
      run(collection, "drop", () -> dropCollection(collection));
    }
  }

  /** The collection's schema (cached); BadInputException when the collection does not exist. */
  private CollectionSchema schema(String collection) {
    CollectionSchema s = schemas.get(collection);
    if (s != null) {
      return s;
    }
    return describe(collection)
        .orElseThrow(() -> new BadInputException(
            where(collection) + ": expected an existing collection, found none (create it first)"));
  }

  @Override
  public final void upsert(String collection, List<StoreDocument> documents) {
    CollectionSchema s = schema(collection);
    String where = where(collection);
    List<R> encoded = new ArrayList<>(documents.size());
    for (StoreDocument d : documents) {
      SchemaChecks.checkDocument(where, s, d);
      encoded.add(encode(collection, s, d)); // every document is checked before the first batch is sent
    }
    int size = config.batchSize();
    for (int from = 0; from < encoded.size(); from += size) {
      List<R> batch = encoded.subList(from, Math.min(encoded.size(), from + size));
      String what = String.format(Locale.ROOT, "upsert of documents %d..%d", from, from + batch.size() - 1);
      run(collection, what, () -> write(collection, batch, what));
    }
  }

  @Override
  public final void flush(String collection) {
    schema(collection);
    run(collection, "flush", () -> flushCollection(collection));
  }

  @Override
  public final long count(String collection) {
    schema(collection);
    return guard(collection, "count", () -> countDocuments(collection));
  }

  @Override
  public final List<SearchHit> knn(String collection, String vectorField, float[] vector, int k, Filter filter) {
    return knn(collection, vectorField, vector, k, filter, SearchParams.DEFAULT);
  }

  @Override
  public final List<SearchHit> knn(String collection, String vectorField, float[] vector, int k, Filter filter,
      SearchParams params) {
    CollectionSchema s = schema(collection);
    String where = where(collection) + ": knn";
    VectorField stored = SchemaChecks.vectorField(where, s, vectorField);
    VectorField v = new VectorField(stored.name(), stored.dimension(), stored.metric(),
        stored.index().searchedWith(params));
    SchemaChecks.checkVector(where + " query", v, vector);
    SchemaChecks.checkK(where, k);
    SchemaChecks.checkFilter(where, s, filter);
    return guard(collection, "knn on '" + v.name() + "'", () -> searchKnn(collection, v, vector, k, orNone(filter)));
  }

  @Override
  public final Footprint footprint(String collection) {
    CollectionSchema s = schema(collection);
    return guard(collection, "footprint", () -> readFootprint(collection, s));
  }

  /** What the engine reports of the collection's size; nothing unless overridden. */
  protected Footprint readFootprint(String collection, CollectionSchema schema) {
    return Footprint.unknown(engine() + " reports no collection size to LensBench");
  }

  @Override
  public final List<SearchHit> bm25(String collection, String textField, String text, int k, Filter filter) {
    CollectionSchema s = schema(collection);
    String where = where(collection) + ": bm25";
    TextField t = SchemaChecks.textField(where, s, textField);
    SchemaChecks.checkK(where, k);
    SchemaChecks.checkFilter(where, s, filter);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return guard(collection, "bm25 on '" + t.name() + "'", () -> searchBm25(collection, t, text, k, orNone(filter)));
  }

  @Override
  public final List<SearchHit> hybrid(String collection, HybridRequest request) {
    CollectionSchema s = schema(collection);
    String where = where(collection) + ": hybrid";
    SchemaChecks.checkK(where, request.k());
    SchemaChecks.checkFilter(where, s, request.filter());
    if (request.searches().isEmpty()) {
      throw new BadInputException(where + ": expected at least one sub-search, found none");
    }
    List<CheckedSearch> searches = new ArrayList<>();
    for (HybridRequest.SubSearch sub : request.searches()) {
      searches.add(check(where, s, sub));
    }
    checkRanker(where, request);
    return guard(collection, "hybrid",
        () -> searchHybrid(collection, searches, request.ranker(), request.k(), orNone(request.filter())));
  }

  private static CheckedSearch check(String where, CollectionSchema s, HybridRequest.SubSearch sub) {
    if (sub instanceof HybridRequest.Knn knn) {
      VectorField v = SchemaChecks.vectorField(where, s, knn.field());
      SchemaChecks.checkVector(where + " query", v, knn.vector());
      SchemaChecks.checkK(where + " sub-search", knn.k());
      return new CheckedSearch.Knn(v, knn.vector(), knn.k());
    }
    if (sub instanceof HybridRequest.Bm25 bm) {
      TextField t = SchemaChecks.textField(where, s, bm.field());
      SchemaChecks.checkK(where + " sub-search", bm.k());
      return new CheckedSearch.Bm25(t, bm.text() == null ? "" : bm.text(), bm.k());
    }
    throw new BadInputException(where + ": expected a kNN or BM25 sub-search, found " + sub);
  }

  private static void checkRanker(String where, HybridRequest request) {
    if (request.ranker() instanceof HybridRequest.Weighted w && w.weights().size() != request.searches().size()) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s weighted ranker: expected %d weights (one per sub-search), found %d",
              where, request.searches().size(), w.weights().size()));
    }
    if (!(request.ranker() instanceof HybridRequest.Rrf) && !(request.ranker() instanceof HybridRequest.Weighted)) {
      throw new BadInputException(where + ": expected an RRF or weighted ranker, found " + request.ranker());
    }
  }

  private static Filter orNone(Filter filter) {
    return filter == null ? Filter.NONE : filter;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + address() + ", " + serverVersion() + "]";
  }
}
