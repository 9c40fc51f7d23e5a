package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one store. Defaults are the embedded stores started by {@code ./lensbench stores
 * up}: the Milvus server ({@code milvus}, {@code http://127.0.0.1:19730}), Milvus Lite
 * ({@code milvus-lite}, {@code http://127.0.0.1:19530}, see {@link #forStore}) and OpenSearch
 * ({@code http://127.0.0.1:19200}); the same adapters reach Milvus standalone/distributed, Zilliz
 * Cloud and OpenSearch clusters by changing this record (or the {@code LENSBENCH_*} environment
 * variables, see {@link #fromEnvironment(Map)}). Credentials are {@link Secret}s: {@link
 * #toString()} never shows them.
 *
 * @param batchSize documents per upsert/bulk request
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed for one request (search, bulk batch, flush)
 * @param layout shards and replicas of the collections this store creates
 */
public record StoreConfig(
    MilvusConfig milvus,
    OpenSearchConfig opensearch,
    int batchSize,
    Duration connectTimeout,
    Duration requestTimeout,
    StoreLayout layout) {

  /** The embedded Milvus server (standalone 2.3.5) that {@code stores up} starts. */
  public static final String EMBEDDED_MILVUS_URI = "http://127.0.0.1:" + StoreEnvironment.MILVUS_PORT;
  /** The embedded Milvus Lite that {@code stores up} starts. */
  public static final String EMBEDDED_MILVUS_LITE_URI = "http://127.0.0.1:" + StoreEnvironment.MILVUS_LITE_PORT;
  public static final String EMBEDDED_OPENSEARCH_URL = "http://127.0.0.1:" + StoreEnvironment.OPENSEARCH_PORT;
  public static final int DEFAULT_BATCH_SIZE = 500;

  /** How to start the embedded stores; appended to "unreachable" errors for embedded URIs. */
  public static final String START_HINT = "start it with: ./lensbench stores up";

  public StoreConfig {
    Objects.requireNonNull(milvus, "milvus");
    Objects.requireNonNull(opensearch, "opensearch");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(layout, "layout");
    if (batchSize < 1 || batchSize > 100_000) {
      throw new BadInputException(
          String.format(Locale.ROOT, "store batch size: expected 1..100000, found %d", batchSize));
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new BadInputException("store connect timeout: expected > 0, found " + connectTimeout);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new BadInputException("store request timeout: expected > 0, found " + requestTimeout);
    }
  }

  /**
   * Milvus connection.
   *
   * @param uri e.g. {@code http://127.0.0.1:19530}, {@code https://in03-….zillizcloud.com}
   * @param token API key or "user:password" token (Zilliz Cloud, Milvus with auth), may be null
   * @param user user name for Milvus authentication, may be null
   * @param password password for {@code user}, may be null
   * @param database database name, null for the server default
   */
  public record MilvusConfig(String uri, Secret token, String user, Secret password, String database) {
    public MilvusConfig {
      uri = StoreEnvironment.requireHttpUri("Milvus URI (LENSBENCH_MILVUS_URI)", uri);
    }

    public static MilvusConfig embedded() {
      return new MilvusConfig(EMBEDDED_MILVUS_URI, null, null, null, null);
    }

    /** True when this points at the embedded Milvus server or Milvus Lite that {@code stores up} starts. */
    public boolean isEmbedded() {
      return new StoreEnvironment(System.getenv()).isEmbeddedMilvus(uri);
    }
  }

  /**
   * OpenSearch connection.
   *
   * @param urls one or more node URLs ({@code http://…} or {@code https://…})
   * @param user basic-auth user, may be null
   * @param password basic-auth password, may be null
   * @param insecure accept any TLS certificate and host name (self-signed dev clusters only)
   * @param trustStore PKCS12/JKS trust store for TLS, may be null (then the JDK's default)
   * @param trustStorePassword password of {@code trustStore}, may be null
   */
  public record OpenSearchConfig(
      List<String> urls,
      String user,
      Secret password,
      boolean insecure,
      Path trustStore,
      Secret trustStorePassword) {
    public OpenSearchConfig {
      if (urls == null || urls.isEmpty()) {
        throw new BadInputException("OpenSearch URLs (LENSBENCH_OPENSEARCH_URL): expected at least one URL, found none");
      }
      urls = urls.stream().map(u -> StoreEnvironment.requireHttpUri("OpenSearch URL (LENSBENCH_OPENSEARCH_URL)", u)).toList();
    }

    public static OpenSearchConfig embedded() {
      return new OpenSearchConfig(List.of(EMBEDDED_OPENSEARCH_URL), null, null, false, null, null);
    }

    /** True when this points at the embedded node(s) that {@code stores up} starts. */
    public boolean isEmbedded() {
      return new StoreEnvironment(System.getenv()).isEmbeddedOpenSearch(urls);
    }
  }

  /** The embedded stores, default batch size and timeouts. */
  public static StoreConfig defaults() {
    return new StoreConfig(
        MilvusConfig.embedded(),
        OpenSearchConfig.embedded(),
        DEFAULT_BATCH_SIZE,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        StoreLayout.DEFAULT);
  }

  /** {@link #defaults()} overridden by the process environment. */
  public static StoreConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * {@link #defaults()} overridden by {@code LENSBENCH_MILVUS_PORT}, {@code
   * LENSBENCH_OPENSEARCH_PORT} and {@code LENSBENCH_OPENSEARCH_NODES} (where the embedded stores
   * listen), {@code LENSBENCH_MILVUS_URI}, {@code LENSBENCH_MILVUS_TOKEN},
   * {@code LENSBENCH_MILVUS_USER}, {@code LENSBENCH_MILVUS_PASSWORD}, {@code LENSBENCH_MILVUS_DB},
   * {@code LENSBENCH_OPENSEARCH_URL} (comma-separated for several nodes), {@code
   * LENSBENCH_OPENSEARCH_USER}, {@code LENSBENCH_OPENSEARCH_PASSWORD}, {@code
   * LENSBENCH_OPENSEARCH_INSECURE} (true/false), {@code LENSBENCH_OPENSEARCH_TRUSTSTORE}, {@code
   * LENSBENCH_OPENSEARCH_TRUSTSTORE_PASSWORD}, {@code LENSBENCH_STORE_BATCH_SIZE}. This is the
   * configuration of the stores named after their kind ({@code milvus}, {@code opensearch});
   * {@link #forStore} gives Milvus Lite's.
   */
  public static StoreConfig fromEnvironment(Map<String, String> env) {
    StoreConfig d = defaults();
    StoreEnvironment e = new StoreEnvironment(env);
    MilvusConfig milvus =
        new MilvusConfig(
            StoreEnvironment.orDefault(e.value("LENSBENCH_MILVUS_URI"), e.milvusServerUri()),
            Secret.ofNullable(env.get("LENSBENCH_MILVUS_TOKEN")),
            e.value("LENSBENCH_MILVUS_USER"),
            Secret.ofNullable(env.get("LENSBENCH_MILVUS_PASSWORD")),
            e.value("LENSBENCH_MILVUS_DB"));
    String urls = e.value("LENSBENCH_OPENSEARCH_URL");
    String trustStore = e.value("LENSBENCH_OPENSEARCH_TRUSTSTORE");
    OpenSearchConfig opensearch =
        new OpenSearchConfig(
            urls == null ? e.openSearchUrls() : StoreEnvironment.urlList(urls),
            e.value("LENSBENCH_OPENSEARCH_USER"),
            Secret.ofNullable(env.get("LENSBENCH_OPENSEARCH_PASSWORD")),
            e.flag("LENSBENCH_OPENSEARCH_INSECURE"),
            trustStore == null ? null : Path.of(trustStore),
            Secret.ofNullable(env.get("LENSBENCH_OPENSEARCH_TRUSTSTORE_PASSWORD")));
    return new StoreConfig(milvus, opensearch, e.batchSize(d.batchSize()), d.connectTimeout(),
        d.requestTimeout(), StoreLayout.DEFAULT);
  }

  /**
   * The configuration of the store with this name: {@link #fromEnvironment(Map)}, except that
   * {@code milvus-lite} is Milvus Lite ({@code LENSBENCH_MILVUS_LITE_URI}, else
   * {@code http://127.0.0.1:<LENSBENCH_MILVUS_LITE_PORT|19530>}, no credentials: the {@code
   * LENSBENCH_MILVUS_*} credentials belong to the {@code milvus} endpoint).
   */
  public static StoreConfig forStore(StoreId id, Map<String, String> env) {
    StoreConfig c = fromEnvironment(env);
    if (!id.name().equals(StoreId.MILVUS_LITE)) {
      return c;
    }
    return c.withMilvus(new MilvusConfig(new StoreEnvironment(env).milvusLiteUri(), null, null, null, null));
  }

  public StoreConfig withBatchSize(int size) {
    return new StoreConfig(milvus, opensearch, size, connectTimeout, requestTimeout, layout);
  }

  public StoreConfig withMilvus(MilvusConfig m) {
    return new StoreConfig(m, opensearch, batchSize, connectTimeout, requestTimeout, layout);
  }

  public StoreConfig withOpenSearch(OpenSearchConfig o) {
    return new StoreConfig(milvus, o, batchSize, connectTimeout, requestTimeout, layout);
  }

  /**
   * This configuration with one experiment file's store entry applied ({@code stores: [{name:
   * milvus, uri: …, requestTimeoutSeconds: …}]}): the endpoint of that kind replaced ({@link
   * #withEndpoint}) and the request timeout set. Null values change nothing; credentials always
   * stay those of this configuration (the environment's).
   */
  public StoreConfig forExperiment(StoreKind kind, String uri, Integer requestTimeoutSeconds) {
    StoreConfig c = withEndpoint(kind, uri);
    return requestTimeoutSeconds == null
        ? c
        : c.withTimeouts(connectTimeout, Duration.ofSeconds(requestTimeoutSeconds));
  }

  /**
   * This configuration with the endpoint of one kind of store replaced (credentials kept); null or
   * blank {@code uri} changes nothing. For OpenSearch {@code uri} may list several
   * comma-separated URLs.
   */
  public StoreConfig withEndpoint(StoreKind kind, String uri) {
    if (uri == null || uri.isBlank()) {
      return this;
    }
    return switch (kind) {
      case MILVUS -> withMilvus(
          new MilvusConfig(uri, milvus.token(), milvus.user(), milvus.password(), milvus.database()));
      case OPENSEARCH -> withOpenSearch(
          new OpenSearchConfig(StoreEnvironment.urlList(uri), opensearch.user(), opensearch.password(),
              opensearch.insecure(), opensearch.trustStore(), opensearch.trustStorePassword()));
    };
  }

  /** Where a store of this kind is reached: the Milvus URI, or the OpenSearch URLs joined by ','. */
  public String address(StoreKind kind) {
    return switch (kind) {
      case MILVUS -> milvus.uri();
      case OPENSEARCH -> String.join(",", opensearch.urls());
    };
  }

  /** True when the store of this kind is the embedded one that {@code stores up} starts. */
  public boolean isEmbedded(StoreKind kind) {
    return switch (kind) {
      case MILVUS -> milvus.isEmbedded();
      case OPENSEARCH -> opensearch.isEmbedded();
    };
  }

  /** The credentials configured for a store of this kind (never shown in messages). */
  public List<Secret> secrets(StoreKind kind) {
    List<Secret> all = switch (kind) {
      case MILVUS -> Arrays.asList(milvus.token(), milvus.password());
      case OPENSEARCH -> Arrays.asList(opensearch.password(), opensearch.trustStorePassword());
    };
    return all.stream().filter(Objects::nonNull).toList();
  }

  public StoreConfig withLayout(StoreLayout l) {
    return new StoreConfig(milvus, opensearch, batchSize, connectTimeout, requestTimeout, l);
  }

  public StoreConfig withTimeouts(Duration connect, Duration request) {
    return new StoreConfig(milvus, opensearch, batchSize, connect, request, layout);
  }
}
