package io.lensbench.stores.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridFusion;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * {@link RetrievalStore} on OpenSearch through opensearch-java over {@link
 * ApacheHttpClient5Transport}: the embedded node ({@code ./lensbench stores up}) or any cluster
 * (several URLs, basic auth, TLS with a trust store or, for dev clusters, an insecure flag).
 *
 * <p>Mapping (one shard, {@code dynamic: strict}): the id is {@code _id}; each vector field a
 * {@code knn_vector} with method {@code hnsw} on engine {@code lucene} — always: faiss/nmslib
 * need native libraries the embedded node lacks and a knn_vector without a method defaults to
 * faiss, which kills the node on the first write. FLAT fields are mapped the same way but
 * searched exactly with the k-NN plugin's {@code knn_score} script ({@code script_score}). Text
 * fields are {@code text} with analyser {@code standard} ("en") or {@code nori} ("ko", from the
 * project's nori plugin); KEYWORD → {@code keyword}, INT → {@code long}, JSON → an unindexed
 * {@code object}. The {@link CollectionSchema} JSON is kept in the mapping's {@code _meta}.
 *
 * <p>Scores are converted back from Lucene's: cosinesimil (1 + cos)/2 → cos; l2 1/(1 + d²) →
 * −d²; innerproduct (ip + 1 when ip ≥ 0, 1/(1 − ip) otherwise) → ip. BM25 scores are Lucene's.
 *
 * <p>Hybrid: this distribution has no neural-search plugin (no hybrid query, no normalization
 * search pipeline), so the sub-searches run server-side in one {@code _msearch} request and are
 * fused here by {@link HybridFusion} with Milvus's RRF / weighted formulas.
 */
public final class OpenSearchStore implements RetrievalStore {
  private static final String STORE = "opensearch";
  private static final String META_KEY = "lensbench_schema";
  private static final String JSON = "application/json";

  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient http;
  private final StoreConfig config;
  private final String url;
  private final String version;
  private final ObjectMapper json = new ObjectMapper();
  private final SchemaCodec codec = new SchemaCodec();
  /** Schemas seen by this instance; filled on first use of an index. */
  private final Map<String, CollectionSchema> schemas = new ConcurrentHashMap<>();

  private OpenSearchStore(ApacheHttpClient5Transport transport, StoreConfig config) {
    this.transport = transport;
    this.http = new OpenSearchClient(transport).generic();
    this.config = config;
    this.url = String.join(",", config.opensearch().urls());
    this.version = fetchVersion();
  }

  /** Connects; fails with {@link InfrastructureException} naming the URL when the node is down. */
  public static OpenSearchStore open(StoreConfig config) {
    ApacheHttpClient5Transport t = transport(config);
    try {
      return new OpenSearchStore(t, config);
    } catch (RuntimeException e) {
      try {
        t.close();
      } catch (IOException ignored) {
        // already failing
      }
      throw e;
    }
  }

  private static ApacheHttpClient5Transport transport(StoreConfig config) {
    StoreConfig.OpenSearchConfig o = config.opensearch();
    HttpHost[] hosts =
        o.urls().stream()
            .map(
                u -> {
                  URI uri = URI.create(u);
                  int port = uri.getPort() > 0 ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
                  return new HttpHost(uri.getScheme(), uri.getHost(), port);
                })
            .toArray(HttpHost[]::new);
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    if (o.user() != null) {
      char[] pw = o.password() == null ? new char[0] : o.password().reveal().toCharArray();
      for (HttpHost h : hosts) {
        credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(o.user(), pw));
      }
    }
    SSLContext ssl = sslContext(o);
    Timeout connect = Timeout.ofMilliseconds(config.connectTimeout().toMillis());
    Timeout response = Timeout.ofMilliseconds(config.requestTimeout().toMillis());
    return ApacheHttpClient5TransportBuilder.builder(hosts)
        .setHttpClientConfigCallback(
            b -> {
              PoolingAsyncClientConnectionManagerBuilder cm =
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setDefaultConnectionConfig(
                          ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response).build());
              if (ssl != null) {
                ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(ssl);
                if (o.insecure()) {
                  tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                }
                cm.setTlsStrategy(tls.build());
              }
              return b.setDefaultCredentialsProvider(credentials).setConnectionManager(cm.build());
            })
        .setRequestConfigCallback(
            (RequestConfig.Builder r) -> r.setResponseTimeout(response).setConnectionRequestTimeout(connect))
        .build();
  }

  private static SSLContext sslContext(StoreConfig.OpenSearchConfig o) {
    boolean https = o.urls().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("https:"));
    if (!https) {
      return null;
    }
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      if (o.insecure()) {
        ctx.init(null, new TrustManager[] {new TrustAll()}, null);
      } else if (o.trustStore() != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        char[] pw = o.trustStorePassword() == null ? null : o.trustStorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(o.trustStore())) {
          ks.load(in, pw);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ctx.init(null, tmf.getTrustManagers(), null);
      } else {
        return SSLContext.getDefault();
      }
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new BadInputException(
          "OpenSearch TLS trust store " + o.trustStore() + ": expected a readable PKCS12/JKS trust store, found: "
              + e.getMessage(),
          e);
    }
  }

  /** Accepts every certificate: only with LENSBENCH_OPENSEARCH_INSECURE=true. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
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
    return "OpenSearchStore[" + url + ", " + version + "]";
  }

  private String where(String collection) {
    return String.format(Locale.ROOT, "opensearch (%s) collection '%s'", url, collection);
  }

  private String fetchVersion() {
    Reply r = request("GET", "/", null, "server info", where("-"));
    if (r.status != 200) {
      throw new InfrastructureException(
          "opensearch at " + url + ": expected HTTP 200 from GET /, found " + r.status + " " + r.shortBody());
    }
    return r.json().path("version").path("number").asText("unknown");
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void create(CollectionSchema schema) {
    SchemaChecks.checkCollectionName(STORE + " (" + url + ")", schema.name());
    String where = where(schema.name());
    SchemaChecks.checkSchema(where, schema);
    if (exists(schema.name())) {
      throw new BadInputException(where + ": expected a new collection, found one that already exists (drop it first)");
    }
    ObjectNode body = json.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("knn", true);
    index.put("number_of_shards", 1);
    index.put("number_of_replicas", 0);
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put(META_KEY, codec.toJson(schema));
    ObjectNode props = mappings.putObject("properties");
    for (VectorField v : schema.vectors()) {
      ObjectNode f = props.putObject(v.name());
      f.put("type", "knn_vector");
      f.put("dimension", v.dimension());
      ObjectNode method = f.putObject("method");
      method.put("name", "hnsw");
      method.put("engine", "lucene");
      method.put("space_type", spaceType(v.metric()));
      ObjectNode p = method.putObject("parameters");
      boolean hnsw = v.index().type() == IndexSpec.Type.HNSW;
      p.put("m", hnsw ? v.index().m() : 16);
      p.put("ef_construction", hnsw ? v.index().efConstruction() : 100);
    }
    for (TextField t : schema.texts()) {
      ObjectNode f = props.putObject(t.name());
      f.put("type", "text");
      f.put("analyzer", t.language().equals("ko") ? "nori" : "standard");
    }
    for (ScalarField s : schema.scalars()) {
      ObjectNode f = props.putObject(s.name());
      switch (s.type()) {
        case KEYWORD -> f.put("type", "keyword");
        case INT -> f.put("type", "long");
        case JSON -> {
          f.put("type", "object");
          f.put("enabled", false);
        }
      }
    }
    Reply r = request("PUT", "/" + schema.name(), body, "create index", where);
    if (r.status != 200) {
      String reason = r.errorReason();
      if (reason.contains("nori")) {
        throw new InfrastructureException(
            where + ": Korean text field needs analyzer 'nori', but the node does not have it (expected the LensBench nori plugin installed): " + reason);
      }
      throw new BadInputException(where + ": create failed: expected HTTP 200, found " + r.status + ": " + reason);
    }
    schemas.put(schema.name(), schema);
  }

  private static String spaceType(Metric m) {
    return switch (m) {
      case COSINE -> "cosinesimil";
      case IP -> "innerproduct";
      case L2 -> "l2";
    };
  }

  @Override
  public boolean exists(String collection) {
    if (collection == null || !SchemaChecks.COLLECTION_NAME.matcher(collection).matches()) {
      return false;
    }
    Reply r = request("HEAD", "/" + collection, null, "exists", where(collection));
    if (r.status == 200) {
      return true;
    }
    if (r.status == 404) {
      return false;
    }
    throw new InfrastructureException(where(collection) + ": exists: expected HTTP 200 or 404, found " + r.status);
  }

  @Override
  public Optional<CollectionSchema> describe(String collection) {
    if (!exists(collection)) {
      schemas.remove(collection);
      return Optional.empty();
    }
    String where = where(collection);
    Reply r = request("GET", "/" + collection + "/_mapping", null, "describe", where);
    if (r.status != 200) {
      throw new InfrastructureException(where + ": describe: expected HTTP 200, found " + r.status + " " + r.shortBody());
    }
    JsonNode mappings = r.json().path(collection).path("mappings");
    JsonNode props = mappings.path("properties");
    checkLuceneOnly(where, props);
    String meta = mappings.path("_meta").path(META_KEY).asText(null);
    CollectionSchema s = meta != null ? withActualDimensions(codec.fromJson(meta, where), props) : reconstruct(collection, props);
    schemas.put(collection, s);
    return Optional.of(s);
  }

  /** FACTS: any knn_vector without engine lucene (faiss, nmslib, or no method = faiss) kills the embedded node on write. */
  static void checkLuceneOnly(String where, JsonNode props) {
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if ("knn_vector".equals(e.getValue().path("type").asText())) {
        String engine = e.getValue().path("method").path("engine").asText("(no method: faiss by default)");
        if (!engine.equals("lucene")) {
          throw new BadInputException(
              where + ": vector field '" + e.getKey() + "': expected k-NN engine 'lucene', found '" + engine
                  + "' (faiss/nmslib need native libraries this node lacks; recreate the index with LensBench)");
        }
      }
    }
  }

  private static CollectionSchema withActualDimensions(CollectionSchema s, JsonNode props) {
    List<VectorField> vs = new ArrayList<>();
    for (VectorField v : s.vectors()) {
      int dim = props.path(v.name()).path("dimension").asInt(v.dimension());
      vs.add(new VectorField(v.name(), dim, v.metric(), v.index()));
    }
    return new CollectionSchema(s.name(), vs, s.texts(), s.scalars(), s.properties());
  }

  /** An index not created by LensBench: read what the mapping says. */
  private static CollectionSchema reconstruct(String collection, JsonNode props) {
    List<VectorField> vs = new ArrayList<>();
    List<TextField> ts = new ArrayList<>();
    List<ScalarField> ss = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode f = e.getValue();
      switch (f.path("type").asText("object")) {
        case "knn_vector" -> {
          JsonNode m = f.path("method");
          Metric metric =
              switch (m.path("space_type").asText(f.path("space_type").asText("l2"))) {
                case "cosinesimil" -> Metric.COSINE;
                case "innerproduct" -> Metric.IP;
                default -> Metric.L2;
              };
          JsonNode p = m.path("parameters");
          vs.add(new VectorField(e.getKey(), f.path("dimension").asInt(), metric,
              IndexSpec.hnsw(p.path("m").asInt(16), p.path("ef_construction").asInt(100), 100)));
        }
        case "text" -> ts.add(new TextField(e.getKey(), "nori".equals(f.path("analyzer").asText()) ? "ko" : "en"));
        case "keyword" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.KEYWORD));
        case "long", "integer", "short", "byte" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.INT));
        case "object" -> ss.add(new ScalarField(e.getKey(), ScalarField.Type.JSON));
        default -> {}
      }
    }
    return new CollectionSchema(collection, vs, ts, ss, Map.of());
  }

  @Override
  public void drop(String collection) {
    schemas.remove(collection);
    if (!exists(collection)) {
      return;
    }
    Reply r = request("DELETE", "/" + collection, null, "drop", where(collection));
    if (r.status != 200 && r.status != 404) {
      throw new InfrastructureException(where(collection) + ": drop: expected HTTP 200, found " + r.status + " " + r.shortBody());
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
    for (StoreDocument d : documents) {
      SchemaChecks.checkDocument(where, s, d);
    }
    int batch = config.batchSize();
    for (int from = 0; from < documents.size(); from += batch) {
      List<StoreDocument> part = documents.subList(from, Math.min(documents.size(), from + batch));
      StringBuilder nd = new StringBuilder(part.size() * 512);
      for (StoreDocument d : part) {
        ObjectNode action = json.createObjectNode();
        action.putObject("index").put("_id", d.id());
        nd.append(write(action)).append('\n').append(write(source(s, d))).append('\n');
      }
      String what = String.format(Locale.ROOT, "bulk upsert of documents %d..%d", from, from + part.size() - 1);
      Reply r = request("POST", "/" + collection + "/_bulk", nd.toString(), what, where);
      if (r.status != 200) {
        throw new InfrastructureException(where + ": " + what + ": expected HTTP 200, found " + r.status + ": " + r.errorReason());
      }
      JsonNode reply = r.json();
      if (reply.path("errors").asBoolean(false)) {
        for (JsonNode item : reply.path("items")) {
          JsonNode res = item.path("index");
          if (res.has("error")) {
            throw new BadInputException(
                where + ": " + what + ": document '" + res.path("_id").asText() + "' rejected: "
                    + res.path("error").path("type").asText() + ": " + res.path("error").path("reason").asText());
          }
        }
      }
    }
  }

  private ObjectNode source(CollectionSchema s, StoreDocument d) {
    ObjectNode o = json.createObjectNode();
    for (VectorField v : s.vectors()) {
      ArrayNode a = o.putArray(v.name());
      for (float x : d.vectors().get(v.name())) {
        a.add(x);
      }
    }
    if (d.texts() != null) {
      d.texts().forEach(o::put);
    }
    if (d.scalars() != null) {
      for (ScalarField f : s.scalars()) {
        Object v = d.scalars().get(f.name());
        if (v != null) {
          o.set(f.name(), json.valueToTree(v));
        }
      }
    }
    return o;
  }

  @Override
  public void flush(String collection) {
    schema(collection);
    Reply r = request("POST", "/" + collection + "/_refresh", null, "refresh", where(collection));
    if (r.status != 200) {
      throw new InfrastructureException(where(collection) + ": refresh: expected HTTP 200, found " + r.status + " " + r.shortBody());
    }
  }

  @Override
  public long count(String collection) {
    schema(collection);
    Reply r = request("GET", "/" + collection + "/_count", null, "count", where(collection));
    if (r.status != 200) {
      throw new InfrastructureException(where(collection) + ": count: expected HTTP 200, found " + r.status + " " + r.shortBody());
    }
    return r.json().path("count").asLong();
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
    return vectorHits(search(collection, knnBody(v, vector, k, filter), "knn on '" + v.name() + "'"), v.metric());
  }

  private ObjectNode knnBody(VectorField v, float[] vector, int k, Filter filter) {
    ObjectNode body = json.createObjectNode();
    body.put("size", k);
    body.put("_source", false);
    ObjectNode query = body.putObject("query");
    if (v.index().type() == IndexSpec.Type.FLAT) {
      // exact: brute force over the (filtered) documents with the k-NN plugin's scoring script
      ObjectNode ss = query.putObject("script_score");
      ss.set("query", filter == null || filter.isEmpty() ? matchAll() : filterQuery(filter));
      ObjectNode script = ss.putObject("script");
      script.put("source", "knn_score");
      script.put("lang", "knn");
      ObjectNode params = script.putObject("params");
      params.put("field", v.name());
      floats(params.putArray("query_value"), vector);
      params.put("space_type", spaceType(v.metric()));
    } else {
      ObjectNode f = query.putObject("knn").putObject(v.name());
      floats(f.putArray("vector"), vector);
      f.put("k", k);
      f.putObject("method_parameters").put("ef_search", Math.max(v.index().efSearch(), k));
      if (filter != null && !filter.isEmpty()) {
        f.set("filter", filterQuery(filter));
      }
    }
    return body;
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
    return plainHits(search(collection, bm25Body(t, text, k, filter), "bm25 on '" + t.name() + "'"));
  }

  private ObjectNode bm25Body(TextField t, String text, int k, Filter filter) {
    ObjectNode body = json.createObjectNode();
    body.put("size", k);
    body.put("_source", false);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").addObject().putObject("match").putObject(t.name()).put("query", text);
    if (filter != null && !filter.isEmpty()) {
      ObjectNode fq = filterQuery(filter);
      bool.set("filter", fq);
    }
    return body;
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
    if (request.ranker() instanceof HybridRequest.Weighted w && w.weights().size() != request.searches().size()) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s: hybrid weighted ranker: expected %d weights (one per sub-search), found %d",
              where, request.searches().size(), w.weights().size()));
    }
    StringBuilder nd = new StringBuilder();
    List<HybridFusion.ScoreKind> kinds = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    for (HybridRequest.SubSearch sub : request.searches()) {
      ObjectNode body;
      if (sub instanceof HybridRequest.Knn knn) {
        VectorField v = SchemaChecks.vectorField(where + ": hybrid", s, knn.field());
        SchemaChecks.checkVector(where + ": hybrid query", v, knn.vector());
        SchemaChecks.checkK(where + ": hybrid sub-search", knn.k());
        body = knnBody(v, knn.vector(), knn.k(), request.filter());
        kinds.add(HybridFusion.ScoreKind.of(v.metric()));
        metrics.add(v.metric());
      } else {
        HybridRequest.Bm25 bm = (HybridRequest.Bm25) sub;
        TextField t = SchemaChecks.textField(where + ": hybrid", s, bm.field());
        SchemaChecks.checkK(where + ": hybrid sub-search", bm.k());
        body = bm25Body(t, bm.text() == null ? "" : bm.text(), bm.k(), request.filter());
        kinds.add(HybridFusion.ScoreKind.BM25);
        metrics.add(null);
      }
      nd.append("{}\n").append(write(body)).append('\n');
    }
    Reply r = request("POST", "/" + collection + "/_msearch", nd.toString(), "hybrid (_msearch)", where);
    if (r.status != 200) {
      throw new InfrastructureException(where + ": hybrid: expected HTTP 200, found " + r.status + ": " + r.errorReason());
    }
    List<List<SearchHit>> lists = new ArrayList<>();
    JsonNode responses = r.json().path("responses");
    for (int i = 0; i < request.searches().size(); i++) {
      JsonNode one = responses.path(i);
      if (one.has("error")) {
        throw new InfrastructureException(where + ": hybrid sub-search " + (i + 1) + " failed: " + one.path("error").path("reason").asText(one.path("error").toString()));
      }
      lists.add(metrics.get(i) == null ? plainHits(one) : vectorHits(one, metrics.get(i)));
    }
    if (request.ranker() instanceof HybridRequest.Rrf rrf) {
      return HybridFusion.rrf(lists, rrf.k(), request.k());
    }
    if (request.ranker() instanceof HybridRequest.Weighted w) {
      return HybridFusion.weighted(lists, kinds, w.weights(), request.k());
    }
    throw new BadInputException(where + ": hybrid: expected an RRF or weighted ranker, found " + request.ranker());
  }

  private JsonNode search(String collection, ObjectNode body, String what) {
    String where = where(collection);
    Reply r = request("POST", "/" + collection + "/_search", body, what, where);
    if (r.status != 200) {
      throw new InfrastructureException(where + ": " + what + ": expected HTTP 200, found " + r.status + ": " + r.errorReason());
    }
    return r.json();
  }

  /** Lucene k-NN scores converted back to the contract's meaning (see class comment). */
  static double fromLucene(Metric metric, double s) {
    return switch (metric) {
      case COSINE -> 2.0 * s - 1.0;
      case L2 -> 1.0 - 1.0 / s;
      case IP -> s >= 1.0 ? s - 1.0 : 1.0 - 1.0 / s;
    };
  }

  private static List<SearchHit> vectorHits(JsonNode reply, Metric metric) {
    List<SearchHit> out = new ArrayList<>();
    for (JsonNode h : reply.path("hits").path("hits")) {
      out.add(new SearchHit(h.path("_id").asText(), fromLucene(metric, h.path("_score").asDouble())));
    }
    return out;
  }

  private static List<SearchHit> plainHits(JsonNode reply) {
    List<SearchHit> out = new ArrayList<>();
    for (JsonNode h : reply.path("hits").path("hits")) {
      out.add(new SearchHit(h.path("_id").asText(), h.path("_score").asDouble()));
    }
    return out;
  }

  private ObjectNode matchAll() {
    ObjectNode q = json.createObjectNode();
    q.putObject("match_all");
    return q;
  }

  /** bool filter: term per equals entry, must_not ids for excluded ids. */
  private ObjectNode filterQuery(Filter filter) {
    ObjectNode q = json.createObjectNode();
    ObjectNode bool = q.putObject("bool");
    ArrayNode must = bool.putArray("filter");
    filter.equals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> must.addObject().putObject("term").set(e.getKey(), json.valueToTree(e.getValue())));
    if (!filter.excludeIds().isEmpty()) {
      ArrayNode ids = bool.putArray("must_not").addObject().putObject("ids").putArray("values");
      filter.excludeIds().stream().sorted().forEach(ids::add);
    }
    return q;
  }

  private static void floats(ArrayNode a, float[] v) {
    for (float x : v) {
      a.add(x);
    }
  }

  // ---------------------------------------------------------------- plumbing

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One HTTP exchange; body is a JsonNode, an NDJSON string or null. */
  private Reply request(String method, String path, Object body, String what, String where) {
    Body b = null;
    if (body instanceof JsonNode node) {
      b = Body.from(write(node).getBytes(StandardCharsets.UTF_8), JSON);
    } else if (body instanceof String ndjson) {
      b = Body.from(ndjson.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
    }
    try (Response resp = http.execute(Requests.create(method, path, List.of(), Map.of(), b))) {
      String text = resp.getBody().map(Body::bodyAsString).orElse("");
      return new Reply(resp.getStatus(), text);
    } catch (IOException | RuntimeException e) {
      throw unreachable(config.opensearch(), where, what, e);
    }
  }

  static InfrastructureException unreachable(StoreConfig.OpenSearchConfig o, String where, String what, Throwable e) {
    String hint = o.isEmbedded() ? "; " + StoreConfig.START_HINT : "";
    return new InfrastructureException(
        String.format(
            Locale.ROOT,
            "opensearch at %s is unreachable (%s, %s): expected an OpenSearch node answering HTTP, found: %s%s",
            String.join(",", o.urls()),
            where,
            what,
            rootMessage(e),
            hint),
        e);
  }

  private final class Reply {
    final int status;
    final String body;

    Reply(int status, String body) {
      this.status = status;
      this.body = body;
    }

    JsonNode json() {
      try {
        return json.readTree(body);
      } catch (JsonProcessingException e) {
        throw new InfrastructureException("opensearch at " + url + ": expected a JSON reply, found: " + shortBody(), e);
      }
    }

    String shortBody() {
      return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    String errorReason() {
      try {
        JsonNode e = json.readTree(body).path("error");
        if (e.isMissingNode()) {
          return shortBody();
        }
        JsonNode root = e.path("root_cause").path(0);
        String reason = e.path("reason").asText(e.toString());
        String rootReason = root.path("reason").asText("");
        return rootReason.isEmpty() || rootReason.equals(reason) ? reason : reason + " (" + rootReason + ")";
      } catch (JsonProcessingException ex) {
        return shortBody();
      }
    }
  }

  private static String rootMessage(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 400; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (b.indexOf(m) < 0) {
        if (b.length() > 0) {
          b.append(" / ");
        }
        b.append(m);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new InfrastructureException("opensearch at " + url + ": closing the client failed: " + e.getMessage(), e);
    }
  }
}
