package io.lensbench.stores.milvus;

import com.google.gson.JsonObject;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.CheckedSearch;
import io.lensbench.stores.CheckedStore;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.StoreErrors;
import io.lensbench.stores.StoreKind;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
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
 * <p>Scores ({@link MilvusHits}): COSINE → cosine similarity, IP → inner product, L2 → negative
 * squared distance (Milvus reports the squared distance), BM25 → the positive BM25 score (Milvus
 * Lite reports it negated). Hybrid: Milvus's own RRF (Σ 1/(k+rank)) and weighted ranker (Σ
 * w·norm(score), with Milvus's normalisation: cosine (1+s)/2, IP ½+atan(s)/π, L2 1−2·atan(d)/π,
 * BM25 2·atan(s)/π).
 */
public final class MilvusStore extends CheckedStore<JsonObject> {
  /** Names Milvus accepts; any other cannot name an existing collection. */
  private static final Pattern MILVUS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private final MilvusClientV2 client;
  private final String version;
  private final MilvusSchemas schemas = new MilvusSchemas();
  private final MilvusRows rows = new MilvusRows();
  private final MilvusRequests requests = new MilvusRequests(rows);
  private final MilvusLoading loading;

  private MilvusStore(MilvusClientV2 client, StoreConfig config, StoreErrors errors, String version) {
    super(StoreKind.MILVUS, config, errors);
    this.client = client;
    this.version = version;
    this.loading = new MilvusLoading(client, errors, config.requestTimeout());
  }

  /** Connects; fails with an InfrastructureException naming the URI when Milvus is down. */
  public static MilvusStore open(StoreConfig config) {
    StoreErrors errors = new StoreErrors(StoreKind.MILVUS, config, MilvusStore::isConnectionFailure);
    MilvusClientV2 c = null;
    try {
      c = new MilvusClientV2(connectConfig(config));
      String v = c.getServerVersion();
      return new MilvusStore(c, config, errors, v == null ? "unknown" : v);
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      }
      throw errors.onOpen(e);
    }
  }

  private static ConnectConfig connectConfig(StoreConfig config) {
    StoreConfig.MilvusConfig m = config.milvus();
    ConnectConfig.ConnectConfigBuilder b = ConnectConfig.builder()
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
    return b.build();
  }

  /** True when the exception means Milvus is not reachable (gRPC UNAVAILABLE, deadline, refused). */
  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        Status.Code code = sre.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          return true;
        }
      }
      if (t instanceof ConnectException) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("unavailable") || m.contains("connection refused") || m.contains("deadline exceeded")
          || m.contains("failed to connect") || m.contains("connect to")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  @Override
  public String serverVersion() {
    return version;
  }

  @Override
  protected boolean canExist(String collection) {
    return MILVUS_NAME.matcher(collection).matches();
  }

  @Override
  protected boolean collectionExists(String collection) {
    return client.hasCollection(HasCollectionReq.builder().collectionName(collection).build());
  }

  @Override
  protected void createCollection(CollectionSchema schema) {
    client.createCollection(schemas.createRequest(schema));
  }

  @Override
  protected CollectionSchema readSchema(String collection) {
    return schemas.read(client, collection,
        client.describeCollection(DescribeCollectionReq.builder().collectionName(collection).build()),
        where(collection));
  }

  @Override
  protected void dropCollection(String collection) {
    loading.forget(collection);
    client.dropCollection(DropCollectionReq.builder().collectionName(collection).build());
  }

  @Override
  protected JsonObject encode(String collection, CollectionSchema schema, StoreDocument document) {
    return rows.row(where(collection), schema, document);
  }

  @Override
  protected void write(String collection, List<JsonObject> batch, String what) {
    client.upsert(UpsertReq.builder().collectionName(collection).data(batch).build());
  }

  /** Flush, then make sure the collection is loaded. */
  @Override
  protected void flushCollection(String collection) {
    client.flush(FlushReq.builder().collectionNames(List.of(collection)).build());
    loading.ensureLoaded(collection);
  }

  @Override
  protected long countDocuments(String collection) {
    QueryResp r = loading.read(collection, () -> client.query(QueryReq.builder()
        .collectionName(collection)
        .filter("")
        .outputFields(List.of("count(*)"))
        .consistencyLevel(ConsistencyLevel.STRONG)
        .build()));
    return ((Number) r.getQueryResults().get(0).getEntity().get("count(*)")).longValue();
  }

  @Override
  protected List<SearchHit> searchKnn(String collection, VectorField field, float[] vector, int k, Filter filter) {
    return MilvusHits.hits(
        loading.read(collection, () -> client.search(requests.knn(collection, field, vector, k, filter))),
        MilvusHits.of(field.metric()));
  }

  @Override
  protected List<SearchHit> searchBm25(String collection, TextField field, String text, int k, Filter filter) {
    return MilvusHits.hits(
        loading.read(collection, () -> client.search(requests.bm25(collection, field, text, k, filter))),
        MilvusHits.Scores.BM25);
  }

  @Override
  protected List<SearchHit> searchHybrid(
      String collection, List<CheckedSearch> searches, HybridRequest.Ranker ranker, int k, Filter filter) {
    return MilvusHits.hits(
        loading.read(collection, () -> client.hybridSearch(requests.hybrid(collection, searches, ranker, k, filter))),
        MilvusHits.Scores.AS_REPORTED);
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
