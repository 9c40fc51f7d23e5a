package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the stores. Defaults are the embedded stores started by {@code ./lensbench stores
 * up} (Milvus Lite at {@code http://127.0.0.1:19530}, OpenSearch at {@code
 * http://127.0.0.1:19200}); the same adapters reach Milvus standalone/distributed, Zilliz Cloud
 * and OpenSearch clusters by changing this record (or the {@code LENSBENCH_*} environment
 * variables, see {@link #fromEnvironment(Map)}). Credentials are {@link Secret}s: {@link
 * #toString()} never shows them.
 *
 * @param batchSize documents per upsert/bulk request
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed for one request (search, bulk batch, flush)
 */
public record StoreConfig(
    MilvusConfig milvus,
    OpenSearchConfig opensearch,
    int batchSize,
    Duration connectTimeout,
    Duration requestTimeout) {

  public static final String EMBEDDED_MILVUS_URI = "http://127.0.0.1:19530";
  public static final String EMBEDDED_OPENSEARCH_URL = "http://127.0.0.1:19200";
  public static final int DEFAULT_BATCH_SIZE = 500;

  /** How to start the embedded stores; appended to "unreachable" errors for embedded URIs. */
  public static final String START_HINT = "start it with: ./lensbench stores up";

  public StoreConfig {
    Objects.requireNonNull(milvus, "milvus");
    Objects.requireNonNull(opensearch, "opensearch");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
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
      uri = requireHttpUri("Milvus URI (LENSBENCH_MILVUS_URI)", uri);
    }

    public static MilvusConfig embedded() {
      return new MilvusConfig(EMBEDDED_MILVUS_URI, null, null, null, null);
    }

    /** True when this points at the embedded Milvus Lite that {@code stores up} starts. */
    public boolean isEmbedded() {
      return isLocal(uri, embeddedPort("LENSBENCH_MILVUS_PORT", 19530));
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
      urls = urls.stream().map(u -> requireHttpUri("OpenSearch URL (LENSBENCH_OPENSEARCH_URL)", u)).toList();
    }

    public static OpenSearchConfig embedded() {
      return new OpenSearchConfig(List.of(EMBEDDED_OPENSEARCH_URL), null, null, false, null, null);
    }

    /** True when this points at the embedded node that {@code stores up} starts. */
    public boolean isEmbedded() {
      return urls.size() == 1 && isLocal(urls.get(0), embeddedPort("LENSBENCH_OPENSEARCH_PORT", 19200));
    }
  }

  /** The embedded stores, default batch size and timeouts. */
  public static StoreConfig defaults() {
    return new StoreConfig(
        MilvusConfig.embedded(),
        OpenSearchConfig.embedded(),
        DEFAULT_BATCH_SIZE,
        Duration.ofSeconds(5),
        Duration.ofSeconds(60));
  }

  /** {@link #defaults()} overridden by the process environment. */
  public static StoreConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * {@link #defaults()} overridden by {@code LENSBENCH_MILVUS_PORT} and {@code
   * LENSBENCH_OPENSEARCH_PORT} (ports of the embedded stores), {@code LENSBENCH_MILVUS_URI}, {@code LENSBENCH_MILVUS_TOKEN},
   * {@code LENSBENCH_MILVUS_USER}, {@code LENSBENCH_MILVUS_PASSWORD}, {@code LENSBENCH_MILVUS_DB},
   * {@code LENSBENCH_OPENSEARCH_URL} (comma-separated for several nodes), {@code
   * LENSBENCH_OPENSEARCH_USER}, {@code LENSBENCH_OPENSEARCH_PASSWORD}, {@code
   * LENSBENCH_OPENSEARCH_INSECURE} (true/false), {@code LENSBENCH_OPENSEARCH_TRUSTSTORE}, {@code
   * LENSBENCH_OPENSEARCH_TRUSTSTORE_PASSWORD}, {@code LENSBENCH_STORE_BATCH_SIZE}.
   */
  public static StoreConfig fromEnvironment(Map<String, String> env) {
    StoreConfig d = defaults();
    // the embedded stores may run on other ports (LENSBENCH_MILVUS_PORT / LENSBENCH_OPENSEARCH_PORT,
    // read by `lensbench stores up` too)
    String milvusPort = blankToNull(env.get("LENSBENCH_MILVUS_PORT"));
    String embeddedMilvus = milvusPort == null ? d.milvus().uri() : "http://127.0.0.1:" + port("LENSBENCH_MILVUS_PORT", milvusPort);
    String osPort = blankToNull(env.get("LENSBENCH_OPENSEARCH_PORT"));
    List<String> embeddedOs =
        osPort == null ? d.opensearch().urls() : List.of("http://127.0.0.1:" + port("LENSBENCH_OPENSEARCH_PORT", osPort));
    MilvusConfig milvus =
        new MilvusConfig(
            orDefault(env.get("LENSBENCH_MILVUS_URI"), embeddedMilvus),
            Secret.ofNullable(env.get("LENSBENCH_MILVUS_TOKEN")),
            blankToNull(env.get("LENSBENCH_MILVUS_USER")),
            Secret.ofNullable(env.get("LENSBENCH_MILVUS_PASSWORD")),
            blankToNull(env.get("LENSBENCH_MILVUS_DB")));
    String urls = env.get("LENSBENCH_OPENSEARCH_URL");
    String trustStore = blankToNull(env.get("LENSBENCH_OPENSEARCH_TRUSTSTORE"));
    OpenSearchConfig opensearch =
        new OpenSearchConfig(
            urls == null || urls.isBlank() ? embeddedOs : urlList(urls),
            blankToNull(env.get("LENSBENCH_OPENSEARCH_USER")),
            Secret.ofNullable(env.get("LENSBENCH_OPENSEARCH_PASSWORD")),
            parseBoolean("LENSBENCH_OPENSEARCH_INSECURE", env.get("LENSBENCH_OPENSEARCH_INSECURE")),
            trustStore == null ? null : Path.of(trustStore),
            Secret.ofNullable(env.get("LENSBENCH_OPENSEARCH_TRUSTSTORE_PASSWORD")));
    int batch = d.batchSize();
    String batchText = env.get("LENSBENCH_STORE_BATCH_SIZE");
    if (batchText != null && !batchText.isBlank()) {
      try {
        batch = Integer.parseInt(batchText.trim());
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "LENSBENCH_STORE_BATCH_SIZE: expected an integer, found '" + batchText + "'", e);
      }
    }
    return new StoreConfig(milvus, opensearch, batch, d.connectTimeout(), d.requestTimeout());
  }

  public StoreConfig withBatchSize(int size) {
    return new StoreConfig(milvus, opensearch, size, connectTimeout, requestTimeout);
  }

  public StoreConfig withMilvus(MilvusConfig m) {
    return new StoreConfig(m, opensearch, batchSize, connectTimeout, requestTimeout);
  }

  public StoreConfig withOpenSearch(OpenSearchConfig o) {
    return new StoreConfig(milvus, o, batchSize, connectTimeout, requestTimeout);
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
          new OpenSearchConfig(urlList(uri), opensearch.user(), opensearch.password(),
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

  public StoreConfig withTimeouts(Duration connect, Duration request) {
    return new StoreConfig(milvus, opensearch, batchSize, connect, request);
  }

  /** One or more URLs separated by commas (blanks around them ignored). */
  private static List<String> urlList(String urls) {
    return List.of(urls.trim().split("\\s*,\\s*"));
  }

  private static String requireHttpUri(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new BadInputException(what + ": expected an http(s) URL, found nothing");
    }
    String v = value.trim();
    URI uri;
    try {
      uri = URI.create(v);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + ": expected an http(s) URL, found '" + v + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new BadInputException(
          what + ": expected an http(s) URL like http://host:port, found '" + v + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new BadInputException(
          what + ": credentials must not be embedded in the URL; use the *_USER/*_PASSWORD/*_TOKEN variables");
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  private static int embeddedPort(String variable, int dflt) {
    String v = System.getenv(variable);
    try {
      return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static boolean isLocal(String url, int port) {
    URI u = URI.create(url);
    String host = u.getHost();
    return (host.equals("127.0.0.1") || host.equals("localhost")) && u.getPort() == port;
  }

  private static int port(String name, String value) {
    try {
      int p = Integer.parseInt(value.trim());
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(name + ": expected a port 1..65535, found '" + value + "'");
  }

  private static String orDefault(String value, String dflt) {
    return value == null || value.isBlank() ? dflt : value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static boolean parseBoolean(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new BadInputException(name + ": expected true or false, found '" + value + "'");
    };
  }
}
