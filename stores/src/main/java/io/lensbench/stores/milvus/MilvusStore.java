package io.lensbench.stores.milvus;

import com.google.gson.JsonObject;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Ranking;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.CheckedSearch;
import io.lensbench.stores.CheckedStore;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.Footprint;
import io.lensbench.stores.HybridFusion;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.StoreErrors;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import io.milvus.orm.iterator.QueryIterator;
import io.milvus.response.QueryResultsWrapper;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.QueryIteratorReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link RetrievalStore} on Milvus through {@link MilvusClientV2}: Milvus Lite (embedded), Milvus
 * standalone/distributed or Zilliz Cloud. Checks, schema cache and errors are {@link
 * CheckedStore}'s; this class makes the Milvus calls.
 *
 * <p>Mapping ({@link MilvusSchemas}): the id is a VARCHAR primary key {@code id}; each vector
 * field a FLOAT_VECTOR with a FLAT or HNSW index; each text field a VARCHAR with an analyser plus
 * a SPARSE_FLOAT_VECTOR {@code <name>__bm25} filled by a BM25 function; KEYWORD → nullable
 * VARCHAR, INT → nullable INT64, JSON → nullable JSON. The full {@link CollectionSchema}
 * (languages, index parameters, properties) is stored as JSON with the collection so {@link
 * #describe} round trips.
 *
 * <p>Korean: Milvus Lite offers only the {@code standard} (regex {@code \w+} + lowercase) and
 * {@code jieba} tokenizers — on its own {@code standard} keeps each eojeol (셔츠를) as one token.
 * So "ko" texts and queries are first analysed here with Lucene's Nori ({@link
 * KoreanMorphemes}, the analyser OpenSearch's {@code nori} uses) and stored as space-separated
 * morphemes, which {@code standard} then splits; Milvus holds the morphemes, not the original
 * Korean text. See docs/store-contract.md.
 *
 * <p>Engines ({@link MilvusEngine}, from the version the server reports): Milvus Lite and Milvus
 * 2.5+ hold a whole schema in one collection and do BM25 and hybrid search natively. On Milvus
 * 2.3 (the embedded server) each further vector field lives in a companion collection, BM25 is
 * scored here ({@link MilvusBm25}) and hybrid search is fused here ({@link HybridFusion}); {@link
 * #fallbacks()} says so, and the run records it.
 *
 * <p>Scores ({@link MilvusHits}): COSINE → cosine similarity, IP → inner product, L2 → negative
 * squared distance (Milvus reports the squared distance), BM25 → the positive BM25 score (Milvus
 * Lite reports it negated). Hybrid: Milvus's own RRF (Σ 1/(k+rank)) and weighted ranker (Σ
 * w·norm(score), with Milvus's normalisation: cosine (1+s)/2, IP ½+atan(s)/π, L2 1−2·atan(d)/π,
 * BM25 2·atan(s)/π).
 */
public final class MilvusStore extends CheckedStore<Map<String, JsonObject>> {
  /** Most hits one Milvus search returns. */
  private static final int MAX_LIMIT = 16_384;
  /**
   * A Milvus server returns equal scores in no fixed order (segments are searched concurrently),
   * so which of several tied hits at rank k it returns varies between identical searches: kNN asks
   * for 2k + this many and keeps the first k in {@link Ranking#ORDER}, which makes exact search
   * repeatable unless more hits tie at the cut than that.
   */
  private static final int TIE_MARGIN = 16;

  /** Names Milvus accepts; any other cannot name an existing collection. */
  private static final Pattern MILVUS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private final MilvusClientV2 client;
  private final MilvusEngine engine;
  private final MilvusSchemas schemas = new MilvusSchemas();
  private final MilvusRows rows = new MilvusRows();
  private final MilvusRequests requests = new MilvusRequests(rows);
  private final MilvusLoading loading;
  /**
   * Collections this instance wrote to since its last strong read. A strong search on a Milvus
   * server waits for the next time tick (every 200 ms), about 140 ms a search here; once a strong
   * read (a count, a strong search) has seen every write, kNN reads BOUNDED, which waits for
   * nothing and sees everything the server has consumed.
   */
  private final Set<String> unseenWrites = ConcurrentHashMap.newKeySet();
  /** Collections a strong read of this instance has seen (all their writes up to then). */
  private final Set<String> stronglyRead = ConcurrentHashMap.newKeySet();
  /** Client-side BM25 per collection (Milvus 2.3), built on first use after the last write. */
  private final Map<String, MilvusBm25> bm25 = new ConcurrentHashMap<>();

  private MilvusStore(MilvusClientV2 client, StoreId id, StoreConfig config, StoreErrors errors, String version) {
    super(id, config, errors);
    this.client = client;
    this.engine = MilvusEngine.of(version);
    this.loading = new MilvusLoading(client, errors, config.requestTimeout(), config.layout().replicas());
  }

  /** Connects; fails with an InfrastructureException naming the URI when Milvus is down. */
  public static MilvusStore open(StoreId id, StoreConfig config) {
    StoreErrors errors = new StoreErrors(id, config, MilvusConnection::isConnectionFailure);
    MilvusClientV2 c = null;
    try {
      c = new MilvusClientV2(MilvusConnection.config(config));
      String v = c.getServerVersion();
      return new MilvusStore(c, id, config, errors, v == null ? "unknown" : v);
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      }
      throw errors.onOpen(e);
    }
  }

  @Override
  public String serverVersion() {
    return engine.reported();
  }

  @Override
  public String engine() {
    return engine.label();
  }

  @Override
  public List<String> fallbacks() {
    return engine.fallbacks();
  }

  @Override
  protected boolean canExist(String collection) {
    return MILVUS_NAME.matcher(collection).matches();
  }

  @Override
  protected boolean collectionExists(String collection) {
    return client.hasCollection(HasCollectionReq.builder().collectionName(collection).build());
  }

  /** Creates the collection(s) of the schema; a failure drops what was created. */
  @Override
  protected void createCollection(CollectionSchema schema) {
    bm25.remove(schema.name());
    List<String> created = new ArrayList<>();
    try {
      for (CreateCollectionReq r : schemas.createRequests(schema, engine, config().layout())) {
        client.createCollection(r);
        created.add(r.getCollectionName());
      }
      checkFunctionsKept(schema);
    } catch (RuntimeException e) {
      for (String c : created) {
        client.dropCollection(DropCollectionReq.builder().collectionName(c).build());
      }
      throw e;
    }
  }

  /** A server that takes BM25 functions must keep them (some versions drop them silently). */
  private void checkFunctionsKept(CollectionSchema schema) {
    if (!engine.bm25() || schema.texts().isEmpty()) {
      return;
    }
    DescribeCollectionResp d = client.describeCollection(
        DescribeCollectionReq.builder().collectionName(schema.name()).build());
    if (d.getCollectionSchema().getFunctionList().size() != schema.texts().size()) {
      throw new InfrastructureException(where(schema.name()) + ": create: expected " + schema.texts().size()
          + " BM25 function(s) kept by Milvus " + engine.reported() + ", found "
          + d.getCollectionSchema().getFunctionList().size());
    }
  }

  @Override
  protected Footprint readFootprint(String collection, CollectionSchema schema) {
    return MilvusFootprint.of(client, engine, schema, collection);
  }

  @Override
  protected CollectionSchema readSchema(String collection) {
    return schemas.read(client, collection,
        client.describeCollection(DescribeCollectionReq.builder().collectionName(collection).build()),
        where(collection));
  }

  @Override
  protected void dropCollection(String collection) {
    bm25.remove(collection);
    for (String c : collections(collection)) {
      loading.forget(c);
      client.dropCollection(DropCollectionReq.builder().collectionName(c).build());
    }
  }

  /** The collection and its companions (Milvus 2.3: one per further vector field). */
  private List<String> collections(String collection) {
    List<String> out = new ArrayList<>(List.of(collection));
    if (!engine.multiVector()) {
      client.listCollections().getCollectionNames().stream()
          .filter(n -> n.startsWith(collection + MilvusSchemas.COMPANION)).sorted().forEach(out::add);
    }
    return out;
  }

  @Override
  protected Map<String, JsonObject> encode(String collection, CollectionSchema schema, StoreDocument document) {
    return rows.rows(where(collection), collection, schema, document, engine);
  }

  @Override
  protected void write(String collection, List<Map<String, JsonObject>> batch, String what) {
    bm25.remove(collection);
    unseenWrites.add(collection);
    Map<String, List<JsonObject>> byCollection = new LinkedHashMap<>();
    for (Map<String, JsonObject> doc : batch) {
      doc.forEach((c, row) -> byCollection.computeIfAbsent(c, x -> new ArrayList<>()).add(row));
    }
    byCollection.forEach((c, data) -> client.upsert(UpsertReq.builder().collectionName(c).data(data).build()));
  }

  /** Flush, then make sure the collection (and its companions) are loaded. */
  @Override
  protected void flushCollection(String collection) {
    List<String> all = collections(collection);
    client.flush(FlushReq.builder().collectionNames(all).build());
    if (!engine.lite()) {
      all.forEach(loading::awaitIndexed);
    }
    all.forEach(loading::ensureLoaded);
  }

  @Override
  protected long countDocuments(String collection) {
    QueryResp r = loading.read(collection, () -> client.query(QueryReq.builder()
        .collectionName(collection)
        .filter("")
        .outputFields(List.of("count(*)"))
        .consistencyLevel(ConsistencyLevel.STRONG)
        .build()));
    readStrongly(collection);
    return ((Number) r.getQueryResults().get(0).getEntity().get("count(*)")).longValue();
  }

  @Override
  protected List<SearchHit> searchKnn(String collection, VectorField field, float[] vector, int k, Filter filter) {
    String target = MilvusSchemas.collectionOf(schemaOf(collection), collection, field.name(), engine);
    int fetch = engine.lite() ? k : Math.min(MAX_LIMIT, 2 * k + TIE_MARGIN);
    boolean strong = engine.lite() || !seen(collection);
    ConsistencyLevel consistency = strong ? ConsistencyLevel.STRONG : ConsistencyLevel.BOUNDED;
    List<SearchHit> hits = Ranking.sortAndCut(MilvusHits.hits(
        loading.read(target, () -> client.search(requests.knn(target, field, vector, fetch, filter, consistency))),
        MilvusHits.of(field.metric())), k);
    if (strong) {
      readStrongly(collection);
    }
    return hits;
  }

  /**
   * True when a strong read of this instance has seen the collection and every write this
   * instance made to it since. A collection another process wrote is read strongly once here
   * first (the run's index check counts it, so does the benchmarks' set-up).
   */
  private boolean seen(String collection) {
    return stronglyRead.contains(collection) && !unseenWrites.contains(collection);
  }

  private void readStrongly(String collection) {
    stronglyRead.add(collection);
    unseenWrites.remove(collection);
  }

  @Override
  protected List<SearchHit> searchBm25(String collection, TextField field, String text, int k, Filter filter) {
    if (!engine.bm25()) {
      MilvusBm25 index = loading.read(collection, () -> bm25.computeIfAbsent(collection, this::readTexts));
      return index.search(field.name(), rows.text(field, text), k, filter);
    }
    return MilvusHits.hits(
        loading.read(collection, () -> client.search(requests.bm25(collection, field, text, k, filter))),
        MilvusHits.Scores.BM25);
  }

  /** Every stored text and filterable scalar of the collection, as a client-side BM25 index. */
  private MilvusBm25 readTexts(String collection) {
    CollectionSchema s = schemaOf(collection);
    List<String> texts = s.texts().stream().map(TextField::name).toList();
    List<String> scalars = s.scalars().stream()
        .filter(f -> f.type() != ScalarField.Type.JSON).map(ScalarField::name).toList();
    QueryIterator it = client.queryIterator(QueryIteratorReq.builder().collectionName(collection)
        .outputFields(MilvusBm25.outputFields(texts, scalars)).batchSize(1000)
        .consistencyLevel(ConsistencyLevel.STRONG).build());
    List<MilvusBm25.Doc> docs = new ArrayList<>();
    try {
      for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
        for (QueryResultsWrapper.RowRecord r : page) {
          Map<String, Object> values = r.getFieldValues();
          Map<String, List<String>> tokens = new HashMap<>();
          texts.forEach(t -> tokens.put(t, MilvusBm25.tokens((String) values.get(t))));
          Map<String, Object> sv = new HashMap<>();
          scalars.forEach(f -> sv.put(f, values.get(f)));
          docs.add(new MilvusBm25.Doc(String.valueOf(values.get(SchemaChecks.ID_FIELD)), sv, tokens));
        }
      }
    } finally {
      it.close();
    }
    return new MilvusBm25(docs, texts);
  }

  @Override
  protected List<SearchHit> searchHybrid(
      String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter) {
    if (!engine.multiVector()) {
      List<List<SearchHit>> lists = new ArrayList<>();
      for (CheckedSearch sub : searches) {
        lists.add(sub instanceof CheckedSearch.Knn knn
            ? searchKnn(collection, knn.field(), knn.vector(), knn.k(), filter)
            : bm25OrNone(collection, (CheckedSearch.Bm25) sub, filter));
      }
      return HybridFusion.fuse(searches, lists, ranker, k);
    }
    return MilvusHits.hits(
        loading.read(collection, () -> client.hybridSearch(requests.hybrid(collection, searches, ranker, k, filter))),
        MilvusHits.Scores.AS_REPORTED);
  }

  private List<SearchHit> bm25OrNone(String collection, CheckedSearch.Bm25 sub, Filter filter) {
    return sub.text().isBlank() ? List.of() : searchBm25(collection, sub.field(), sub.text(), sub.k(), filter);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      rows.close();
    }
  }
}
