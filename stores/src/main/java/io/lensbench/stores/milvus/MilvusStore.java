package io.lensbench.stores.milvus;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.grpc.StatusRuntimeException;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.Metric;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.SchemaCodec;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.request.ranker.WeightedRanker;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link RetrievalStore} on Milvus through {@link MilvusClientV2}: Milvus Lite (embedded), Milvus
 * standalone/distributed or Zilliz Cloud.
 *
 * <p>Mapping: the id is a VARCHAR primary key {@code id}; each vector field a FLOAT_VECTOR with a
 * FLAT or HNSW index; each text field a VARCHAR with an analyser plus a SPARSE_FLOAT_VECTOR
 * {@code <name>__bm25} filled by a BM25 function; KEYWORD → nullable VARCHAR, INT → nullable
 * INT64, JSON → nullable JSON. The full {@link CollectionSchema} (languages, index parameters,
 * properties) is stored as JSON in the collection description so {@link #describe} round trips.
 *
 * <p>Korean: Milvus Lite offers only the {@code standard} (regex {@code \w+} + lowercase) and
 * {@code jieba} tokenizers — on its own {@code standard} keeps each eojeol (셔츠를) as one token.
 * So "ko" texts and queries are first analysed here with Lucene's Nori ({@link
 * KoreanMorphemes}, the analyser OpenSearch's {@code nori} uses) and stored as space-separated
 * morphemes, which {@code standard} then splits; Milvus holds the morphemes, not the original
 * Korean text. See docs/store-contract.md.
 *
 * <p>Scores: COSINE → cosine similarity, IP → inner product, L2 → negative squared distance
 * (Milvus reports the squared distance), BM25 → the positive BM25 score (Milvus Lite reports it
 * negated). Hybrid: Milvus's own RRF (Σ 1/(k+rank)) and weighted ranker (Σ w·norm(score), with
 * Milvus's normalisation: cosine (1+s)/2, IP ½+atan(s)/π, L2 1−2·atan(d)/π, BM25 2·atan(s)/π).
 */
public final class MilvusStore implements RetrievalStore {
  private static final String STORE = "milvus";
  /** Collection property holding the LensBench schema JSON (Milvus Lite drops descriptions). */
  public static final String SCHEMA_PROPERTY = "lensbench.schema";
  private static final int VARCHAR_MAX = 65_535;
  private static final java.util.regex.Pattern MILVUS_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
  private static final Map<String, Object> STANDARD_ANALYZER =
      Map.of("tokenizer", "standard", "filter", List.of("lowercase"));

  private final MilvusClientV2 client;
  private final StoreConfig config;
  private final String uri;
  private final String version;
  private final SchemaCodec codec = new SchemaCodec();
  private final Gson gson = new Gson();
  private final KoreanMorphemes korean = new KoreanMorphemes();
  /** Schemas seen by this instance; filled on first use of a collection. */
  private final Map<String, CollectionSchema> schemas = new ConcurrentHashMap<>();
  /** Collections whose load state this instance has checked once (load on first use). */
  private final java.util.Set<String> loadChecked = ConcurrentHashMap.newKeySet();

  private MilvusStore(MilvusClientV2 client, StoreConfig config, String version) {
    this.client = client;
    this.config = config;
    this.uri = config.milvus().uri();
    this.version = version;
  }

  /** Connects; fails with {@link InfrastructureException} naming the URI when Milvus is down. */
  public static MilvusStore open(StoreConfig config) {
    StoreConfig.MilvusConfig m = config.milvus();
    ConnectConfig.ConnectConfigBuilder b =
        ConnectConfig.builder()
            .uri(m.uri())
            .connectTimeoutMs(config.connectTimeout().toMillis())
            .rpcDeadlineMs(config.requestTimeout().toMillis());
    if (m.token() != null) {
      b.token(m.token().reveal());
    }
    if (m.user() != null) {
      b.username(m.user());
    }
    if (m.password() != null) {
      b.password(m.password().reveal());
    }
    if (m.database() != null) {
      b.dbName(m.database());
    }
    MilvusClientV2 c = null;
    try {
      c = new MilvusClientV2(b.build());
      String v = c.getServerVersion();
      return new MilvusStore(c, config, v == null ? "unknown" : v);
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      }
      throw unreachable(m, e);
    }
  }

  static InfrastructureException unreachable(StoreConfig.MilvusConfig m, Throwable e) {
    String hint = m.isEmbedded() ? "; " + StoreConfig.START_HINT : "";
    return new InfrastructureException(
        String.format(
            Locale.ROOT,
            "milvus at %s is unreachable: expected a Milvus gRPC server answering, found: %s%s",
            m.uri(),
            redact(rootMessage(e)),
            hint),
        e);
  }

  @Override
  public String name() {
    return STORE;
  }

  @Override
  public String serverVersion() {
    return version;
  }

  @Override
  public String toString() {
    return "MilvusStore[" + uri + ", " + version + "]";
  }

  private String where(String collection) {
    return String.format(Locale.ROOT, "milvus (%s) collection '%s'", uri, collection);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void create(CollectionSchema schema) {
    SchemaChecks.checkCollectionName(STORE + " (" + uri + ")", schema.name());
    String where = where(schema.name());
    SchemaChecks.checkSchema(where, schema);
    if (exists(schema.name())) {
      throw new BadInputException(where + ": expected a new collection, found one that already exists (drop it first)");
    }
    CreateCollectionReq.CollectionSchema ms =
        CreateCollectionReq.CollectionSchema.builder().enableDynamicField(false).build();
    ms.addField(
        AddFieldReq.builder()
            .fieldName(SchemaChecks.ID_FIELD)
            .dataType(DataType.VarChar)
            .maxLength(SchemaChecks.MAX_ID_LENGTH)
            .isPrimaryKey(true)
            .autoID(false)
            .build());
    List<IndexParam> indexes = new ArrayList<>();
    for (VectorField v : schema.vectors()) {
      ms.addField(
          AddFieldReq.builder()
              .fieldName(v.name())
              .dataType(DataType.FloatVector)
              .dimension(v.dimension())
              .build());
      indexes.add(vectorIndex(v));
    }
    for (TextField t : schema.texts()) {
      ms.addField(
          AddFieldReq.builder()
              .fieldName(t.name())
              .dataType(DataType.VarChar)
              .maxLength(VARCHAR_MAX)
              .enableAnalyzer(true)
              .analyzerParams(analyzer(t))
              .build());
      String sparse = t.name() + SchemaChecks.BM25_SUFFIX;
      ms.addField(AddFieldReq.builder().fieldName(sparse).dataType(DataType.SparseFloatVector).build());
      ms.addFunction(
          CreateCollectionReq.Function.builder()
              .name(t.name() + "_bm25_fn")
              .functionType(FunctionType.BM25)
              .inputFieldNames(List.of(t.name()))
              .outputFieldNames(List.of(sparse))
              .build());
      indexes.add(
          IndexParam.builder()
              .fieldName(sparse)
              .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX)
              .metricType(IndexParam.MetricType.BM25)
              .build());
    }
    for (ScalarField f : schema.scalars()) {
      AddFieldReq.AddFieldReqBuilder<?> fb = AddFieldReq.builder().fieldName(f.name()).isNullable(true);
      switch (f.type()) {
        case KEYWORD -> fb.dataType(DataType.VarChar).maxLength(VARCHAR_MAX);
        case INT -> fb.dataType(DataType.Int64);
        case JSON -> fb.dataType(DataType.JSON);
      }
      ms.addField(fb.build());
    }
    call(
        where,
        "create",
        () -> {
          client.createCollection(
              CreateCollectionReq.builder()
                  .collectionName(schema.name())
                  .description(SchemaCodec.PREFIX + codec.toJson(schema))
                  .property(SCHEMA_PROPERTY, codec.toJson(schema))
                  .collectionSchema(ms)
                  .indexParams(indexes)
                  .consistencyLevel(ConsistencyLevel.STRONG)
                  .build());
          return null;
        });
    schemas.put(schema.name(), schema);
  }

  private static Map<String, Object> analyzer(TextField t) {
    // "en" and "ko" both use the standard tokenizer, the only non-Chinese one Milvus Lite has;
    // "ko" text arrives already split into Nori morphemes (milvusText).
    return STANDARD_ANALYZER;
  }

  private static IndexParam vectorIndex(VectorField v) {
    IndexParam.IndexParamBuilder b =
        IndexParam.builder().fieldName(v.name()).metricType(metric(v.metric()));
    if (v.index().type() == IndexSpec.Type.HNSW) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("M", v.index().m());
      extra.put("efConstruction", v.index().efConstruction());
      // Milvus Lite reads build parameters only from the JSON "params" entry (FACTS).
      extra.put(
          "params",
          String.format(Locale.ROOT, "{\"M\": %d, \"efConstruction\": %d}", v.index().m(), v.index().efConstruction()));
      b.indexType(IndexParam.IndexType.HNSW).extraParams(extra);
    } else {
      b.indexType(IndexParam.IndexType.FLAT);
    }
    return b.build();
  }

  private static IndexParam.MetricType metric(Metric m) {
    return switch (m) {
      case COSINE -> IndexParam.MetricType.COSINE;
      case IP -> IndexParam.MetricType.IP;
      case L2 -> IndexParam.MetricType.L2;
    };
  }

  @Override
  public boolean exists(String collection) {
    if (collection == null || !MILVUS_NAME.matcher(collection).matches()) {
      return false; // Milvus would reject the name; no such collection can exist
    }
    return call(
        where(collection),
        "hasCollection",
        () -> client.hasCollection(HasCollectionReq.builder().collectionName(collection).build()));
  }

  @Override
  public Optional<CollectionSchema> describe(String collection) {
    if (!exists(collection)) {
      schemas.remove(collection);
      return Optional.empty();
    }
    String where = where(collection);
    DescribeCollectionResp d =
        call(
            where,
            "describeCollection",
            () -> client.describeCollection(DescribeCollectionReq.builder().collectionName(collection).build()));
    String description = d.getDescription() == null ? "" : d.getDescription();
    String property = d.getProperties() == null ? null : d.getProperties().get(SCHEMA_PROPERTY);
    CollectionSchema s;
    if (property != null) {
      s = withActualDimensions(codec.fromJson(property, where), d.getCollectionSchema());
    } else if (description.startsWith(SchemaCodec.PREFIX)) {
      s = codec.fromJson(description.substring(SchemaCodec.PREFIX.length()), where);
      s = withActualDimensions(s, d.getCollectionSchema());
    } else {
      s = reconstruct(collection, d.getCollectionSchema());
    }
    schemas.put(collection, s);
    return Optional.of(s);
  }

  /** The stored JSON, with dimensions taken from the real fields (they are what searches use). */
  private static CollectionSchema withActualDimensions(CollectionSchema s, CreateCollectionReq.CollectionSchema ms) {
    List<VectorField> vs = new ArrayList<>();
    for (VectorField v : s.vectors()) {
      CreateCollectionReq.FieldSchema f = ms.getField(v.name());
      int dim = f != null && f.getDimension() != null ? f.getDimension() : v.dimension();
      vs.add(new VectorField(v.name(), dim, v.metric(), v.index()));
    }
    return new CollectionSchema(s.name(), vs, s.texts(), s.scalars(), s.properties());
  }

  /** A collection not created by LensBench: read what Milvus itself knows. */
  private CollectionSchema reconstruct(String collection, CreateCollectionReq.CollectionSchema ms) {
    List<VectorField> vs = new ArrayList<>();
    List<TextField> ts = new ArrayList<>();
    List<ScalarField> ss = new ArrayList<>();
    for (CreateCollectionReq.FieldSchema f : ms.getFieldSchemaList()) {
      if (Boolean.TRUE.equals(f.getIsPrimaryKey())) {
        continue;
      }
      switch (f.getDataType()) {
        case FloatVector -> {
          Metric metric = Metric.COSINE;
          IndexSpec spec = IndexSpec.flat();
          try {
            DescribeIndexResp ir =
                client.describeIndex(
                    DescribeIndexReq.builder().collectionName(collection).fieldName(f.getName()).build());
            DescribeIndexResp.IndexDesc desc = ir.getIndexDescByFieldName(f.getName());
            if (desc != null) {
              metric = Metric.valueOf(desc.getMetricType().name());
              if (desc.getIndexType() == IndexParam.IndexType.HNSW) {
                Map<String, String> p = desc.getExtraParams();
                spec = IndexSpec.hnsw(intOf(p, "M", 16), intOf(p, "efConstruction", 200), 64);
              }
            }
          } catch (RuntimeException e) {
            // no index: report FLAT/COSINE defaults
          }
          vs.add(new VectorField(f.getName(), f.getDimension(), metric, spec));
        }
        case VarChar -> {
          if (Boolean.TRUE.equals(f.getEnableAnalyzer())) {
            ts.add(new TextField(f.getName(), "en"));
          } else {
            ss.add(new ScalarField(f.getName(), ScalarField.Type.KEYWORD));
          }
        }
        case Int8, Int16, Int32, Int64 -> ss.add(new ScalarField(f.getName(), ScalarField.Type.INT));
        case JSON -> ss.add(new ScalarField(f.getName(), ScalarField.Type.JSON));
        default -> {}
      }
    }
    return new CollectionSchema(collection, vs, ts, ss, Map.of());
  }

  private static int intOf(Map<String, String> p, String key, int dflt) {
    try {
      return p != null && p.get(key) != null ? Integer.parseInt(p.get(key)) : dflt;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  @Override
  public void drop(String collection) {
    schemas.remove(collection);
    loadChecked.remove(collection);
    if (exists(collection)) {
      call(
          where(collection),
          "dropCollection",
          () -> {
            client.dropCollection(DropCollectionReq.builder().collectionName(collection).build());
            return null;
          });
    }
  }

  private CollectionSchema schema(String collection) {
    CollectionSchema s = schemas.get(collection);
    if (s != null) {
      return s;
    }
    return describe(collection)
        .orElseThrow(
            () ->
                new BadInputException(
                    where(collection) + ": expected an existing collection, found none (create it first)"));
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void upsert(String collection, List<StoreDocument> documents) {
    CollectionSchema s = schema(collection);
    String where = where(collection);
    List<JsonObject> all = new ArrayList<>(documents.size());
    for (StoreDocument d : documents) {
      SchemaChecks.checkDocument(where, s, d);
      all.add(row(where, s, d)); // every document is checked before the first batch is sent
    }
    int batch = config.batchSize();
    for (int from = 0; from < all.size(); from += batch) {
      List<JsonObject> rows = all.subList(from, Math.min(all.size(), from + batch));
      int first = from;
      call(
          where,
          String.format(Locale.ROOT, "upsert of documents %d..%d", first, first + rows.size() - 1),
          () -> client.upsert(UpsertReq.builder().collectionName(collection).data(rows).build()));
    }
  }

  private JsonObject row(String where, CollectionSchema s, StoreDocument d) {
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
      String text = milvusText(t, texts.get(t.name()));
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
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > VARCHAR_MAX) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: document '%s': field '%s': expected at most %d UTF-8 bytes (Milvus VARCHAR), found %d",
              where, id, field, VARCHAR_MAX, bytes));
    }
  }

  /** What Milvus stores and searches for a text: Korean as Nori morphemes (see class comment). */
  private String milvusText(TextField t, String text) {
    if (text == null) {
      return "";
    }
    return t.language().equals("ko") ? korean.analyse(text) : text;
  }

  /** Flush, then make sure the collection is loaded (retrying: load right after flush can fail). */
  @Override
  public void flush(String collection) {
    schema(collection);
    String where = where(collection);
    call(
        where,
        "flush",
        () -> {
          client.flush(FlushReq.builder().collectionNames(List.of(collection)).build());
          return null;
        });
    ensureLoaded(collection);
  }

  private void ensureLoaded(String collection) {
    String where = where(collection);
    RuntimeException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        Boolean loaded =
            client.getLoadState(GetLoadStateReq.builder().collectionName(collection).build());
        if (Boolean.TRUE.equals(loaded)) {
          return;
        }
        client.loadCollection(
            LoadCollectionReq.builder()
                .collectionName(collection)
                .timeout(config.requestTimeout().toMillis())
                .build());
        return;
      } catch (RuntimeException e) {
        if (isConnectionFailure(e)) {
          throw failure(where, "load", e);
        }
        last = e;
        sleep(200L * (attempt + 1));
      }
    }
    throw failure(where, "load (5 attempts)", last);
  }

  @Override
  public long count(String collection) {
    schema(collection);
    QueryResp r =
        withLoadRetry(
            collection,
            "count",
            () ->
                client.query(
                    QueryReq.builder()
                        .collectionName(collection)
                        .filter("")
                        .outputFields(List.of("count(*)"))
                        .consistencyLevel(ConsistencyLevel.STRONG)
                        .build()));
    Object c = r.getQueryResults().get(0).getEntity().get("count(*)");
    return ((Number) c).longValue();
  }

  // ---------------------------------------------------------------- searches

  @Override
  public List<SearchHit> knn(String collection, String vectorField, float[] vector, int k, Filter filter) {
    CollectionSchema s = schema(collection);
    String where = where(collection);
    VectorField v = SchemaChecks.vectorField(where + ": knn", s, vectorField);
    SchemaChecks.checkVector(where + ": knn query", v, vector);
    SchemaChecks.checkK(where + ": knn", k);
    SchemaChecks.checkFilter(where + ": knn", s, filter);
    SearchReq.SearchReqBuilder b =
        SearchReq.builder()
            .collectionName(collection)
            .annsField(v.name())
            .metricType(metric(v.metric()))
            .data(List.of(new FloatVec(vector)))
            .limit(k)
            .consistencyLevel(ConsistencyLevel.STRONG);
    b.searchParams(searchParams(v, k));
    String expr = expression(filter);
    if (!expr.isEmpty()) {
      b.filter(expr);
    }
    SearchResp r = withLoadRetry(collection, "knn on '" + v.name() + "'", () -> client.search(b.build()));
    return hits(r, v.metric(), false);
  }

  private static Map<String, Object> searchParams(VectorField v, int k) {
    Map<String, Object> p = new HashMap<>();
    p.put("metric_type", metric(v.metric()).name());
    if (v.index().type() == IndexSpec.Type.HNSW) {
      p.put("ef", Math.max(v.index().efSearch(), k));
    }
    return p;
  }

  @Override
  public List<SearchHit> bm25(String collection, String textField, String text, int k, Filter filter) {
    CollectionSchema s = schema(collection);
    String where = where(collection);
    TextField t = SchemaChecks.textField(where + ": bm25", s, textField);
    SchemaChecks.checkK(where + ": bm25", k);
    SchemaChecks.checkFilter(where + ": bm25", s, filter);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    SearchReq.SearchReqBuilder b =
        SearchReq.builder()
            .collectionName(collection)
            .annsField(t.name() + SchemaChecks.BM25_SUFFIX)
            .metricType(IndexParam.MetricType.BM25)
            .data(List.of(new EmbeddedText(milvusText(t, text))))
            .limit(k)
            .consistencyLevel(ConsistencyLevel.STRONG);
    String expr = expression(filter);
    if (!expr.isEmpty()) {
      b.filter(expr);
    }
    SearchResp r = withLoadRetry(collection, "bm25 on '" + t.name() + "'", () -> client.search(b.build()));
    return hits(r, null, true);
  }

  @Override
  public List<SearchHit> hybrid(String collection, HybridRequest request) {
    CollectionSchema s = schema(collection);
    String where = where(collection);
    SchemaChecks.checkK(where + ": hybrid", request.k());
    SchemaChecks.checkFilter(where + ": hybrid", s, request.filter());
    if (request.searches().isEmpty()) {
      throw new BadInputException(where + ": hybrid: expected at least one sub-search, found none");
    }
    String expr = expression(request.filter());
    List<AnnSearchReq> subs = new ArrayList<>();
    for (HybridRequest.SubSearch sub : request.searches()) {
      AnnSearchReq.AnnSearchReqBuilder a = AnnSearchReq.builder();
      if (sub instanceof HybridRequest.Knn knn) {
        VectorField v = SchemaChecks.vectorField(where + ": hybrid", s, knn.field());
        SchemaChecks.checkVector(where + ": hybrid query", v, knn.vector());
        SchemaChecks.checkK(where + ": hybrid sub-search", knn.k());
        a.vectorFieldName(v.name())
            .vectors(List.<BaseVector>of(new FloatVec(knn.vector())))
            .limit(knn.k())
            .metricType(metric(v.metric()))
            .params(gson.toJson(searchParams(v, knn.k())));
      } else if (sub instanceof HybridRequest.Bm25 bm) {
        TextField t = SchemaChecks.textField(where + ": hybrid", s, bm.field());
        SchemaChecks.checkK(where + ": hybrid sub-search", bm.k());
        a.vectorFieldName(t.name() + SchemaChecks.BM25_SUFFIX)
            .vectors(List.<BaseVector>of(new EmbeddedText(milvusText(t, bm.text()))))
            .limit(bm.k())
            .metricType(IndexParam.MetricType.BM25)
            .params("{}");
      }
      if (!expr.isEmpty()) {
        a.filter(expr);
      }
      subs.add(a.build());
    }
    CreateCollectionReq.Function ranker;
    if (request.ranker() instanceof HybridRequest.Rrf rrf) {
      ranker = RRFRanker.builder().k(rrf.k()).build();
    } else if (request.ranker() instanceof HybridRequest.Weighted w) {
      if (w.weights().size() != request.searches().size()) {
        throw new BadInputException(
            String.format(Locale.ROOT, "%s: hybrid weighted ranker: expected %d weights (one per sub-search), found %d",
                where, request.searches().size(), w.weights().size()));
      }
      ranker =
          WeightedRanker.builder()
              .weights(w.weights().stream().map(Double::floatValue).collect(Collectors.toList()))
              .build();
    } else {
      throw new BadInputException(where + ": hybrid: expected an RRF or weighted ranker, found " + request.ranker());
    }
    HybridSearchReq req =
        HybridSearchReq.builder()
            .collectionName(collection)
            .searchRequests(subs)
            .ranker(ranker)
            .limit(request.k())
            .consistencyLevel(ConsistencyLevel.STRONG)
            .build();
    SearchResp r = withLoadRetry(collection, "hybrid", () -> client.hybridSearch(req));
    return hits(r, null, false);
  }

  /** Search results in rank order, with scores in the contract's "higher is better" meaning. */
  private List<SearchHit> hits(SearchResp r, Metric metric, boolean bm25) {
    List<SearchHit> out = new ArrayList<>();
    if (r.getSearchResults() == null || r.getSearchResults().isEmpty()) {
      return out;
    }
    for (SearchResp.SearchResult h : r.getSearchResults().get(0)) {
      double score = h.getScore();
      if (metric == Metric.L2) {
        score = -score; // Milvus reports the squared distance
      } else if (metric == null && bm25) {
        score = Math.abs(score); // Milvus Lite reports BM25 negated (as a distance)
      }
      out.add(new SearchHit(String.valueOf(h.getId()), score));
    }
    return out;
  }

  /** Milvus boolean expression for a filter: equals on scalars, id not in excluded ids. */
  static String expression(Filter filter) {
    if (filter == null || filter.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    filter.equals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Object v = e.getValue();
              parts.add(
                  e.getKey() + " == " + (v instanceof String str ? quote(str) : String.valueOf(((Number) v).longValue())));
            });
    if (!filter.excludeIds().isEmpty()) {
      parts.add(
          SchemaChecks.ID_FIELD
              + " not in ["
              + filter.excludeIds().stream().sorted().map(MilvusStore::quote).collect(Collectors.joining(", "))
              + "]");
    }
    return String.join(" and ", parts);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs a read; when Milvus says the collection is not loaded (e.g. after a restart), loads and retries once. */
  private <T> T withLoadRetry(String collection, String what, Supplier<T> action) {
    if (loadChecked.add(collection) && !isLoaded(collection)) {
      ensureLoaded(collection);
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      if (isConnectionFailure(e) || Boolean.TRUE.equals(loadState(collection))) {
        throw failure(where(collection), what, e);
      }
      // e.g. after a Milvus restart collections come back released (FACTS): load on use. When
      // the load state itself cannot be read (Milvus Lite after a restart answers with an enum
      // the SDK does not know), loading and retrying once is the safe move: if the load fails,
      // that failure is reported.
      ensureLoaded(collection);
      return call(where(collection), what, action);
    }
  }

  private boolean isLoaded(String collection) {
    return !Boolean.FALSE.equals(loadState(collection));
  }

  /** TRUE / FALSE, or null when Milvus cannot tell. */
  private Boolean loadState(String collection) {
    try {
      return client.getLoadState(GetLoadStateReq.builder().collectionName(collection).build());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private <T> T call(String where, String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw failure(where, what, e);
    }
  }

  private RuntimeException failure(String where, String what, Throwable e) {
    if (e instanceof BadInputException || e instanceof InfrastructureException) {
      return (RuntimeException) e;
    }
    if (e != null && isConnectionFailure(e)) {
      return unreachable(config.milvus(), e);
    }
    return new InfrastructureException(
        where + ": " + what + " failed: " + redact(e == null ? "unknown error" : rootMessage(e)), e);
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        io.grpc.Status.Code code = sre.getStatus().getCode();
        if (code == io.grpc.Status.Code.UNAVAILABLE || code == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
          return true;
        }
      }
      if (t instanceof java.net.ConnectException) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("unavailable") || m.contains("connection refused") || m.contains("deadline exceeded")
          || m.contains("failed to connect") || m.contains("connect to")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 600; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && b.indexOf(m) < 0) {
        if (b.length() > 0) {
          b.append(" / ");
        }
        b.append(m);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return b.length() == 0 ? e.getClass().getSimpleName() : b.toString();
  }

  /** Removes anything that looks like a credential from server/client messages. */
  private static String redact(String s) {
    return s.replaceAll("(?i)(token|password|authorization)([=:]\\s*)\\S+", "$1$2****");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for milvus", e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      korean.close();
    }
  }
}
