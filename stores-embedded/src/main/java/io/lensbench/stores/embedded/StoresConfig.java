package io.lensbench.stores.embedded;

import io.lensbench.core.BadInputException;
import io.lensbench.core.LensBenchHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and how the embedded stores run. Read once from system properties, then environment,
 * then defaults ({@link #fromEnvironment()}); tests build their own with other ports.
 *
 * @param home LensBench home: installs ({@code install/}, {@code venv/}) and instance folders
 * @param openSearchHttpPort OpenSearch HTTP port (default 19200)
 * @param openSearchTransportPort OpenSearch transport port (default 19300)
 * @param milvusPort Milvus server client (gRPC) port (default 19730); its health port is this + 10
 * @param milvusLitePort Milvus Lite gRPC port (default 19530)
 * @param openSearchNodes OpenSearch nodes (default 1): node i listens on the HTTP and transport
 *     ports + i
 * @param artifactsDir folder with the OpenSearch distribution, module and plugin files, or empty
 *     to locate it next to the LensBench classes ({@code stores-embedded/target/opensearch-artifacts})
 * @param serviceUser system user the OpenSearch node runs as when LensBench runs as root
 * @param python Python 3.10+ interpreter that creates the Milvus Lite virtualenv
 * @param startTimeout how long {@code up} waits for a store to become healthy
 * @param openSearchHeap OpenSearch JVM heap (-Xms and -Xmx), e.g. {@code 512m} (default) or {@code 2g}
 */
public record StoresConfig(
    Path home,
    int openSearchHttpPort,
    int openSearchTransportPort,
    int milvusPort,
    int milvusLitePort,
    int openSearchNodes,
    Optional<Path> artifactsDir,
    String serviceUser,
    String python,
    Duration startTimeout,
    String openSearchHeap) {

  public static final int DEFAULT_OPENSEARCH_HTTP_PORT = 19200;
  public static final int DEFAULT_OPENSEARCH_TRANSPORT_PORT = 19300;
  public static final int DEFAULT_MILVUS_PORT = 19730;
  public static final int DEFAULT_MILVUS_LITE_PORT = 19530;
  /** Ports a Milvus server takes from its client port on: client, 9 internal, health (+10). */
  public static final int MILVUS_PORT_SPAN = 11;
  /** Most OpenSearch nodes {@code stores up} starts. */
  public static final int MAX_OPENSEARCH_NODES = 9;
  public static final String DEFAULT_SERVICE_USER = "lensbench";

  public StoresConfig {
    checkPort("OpenSearch HTTP port", openSearchHttpPort);
    checkPort("OpenSearch transport port", openSearchTransportPort);
    checkPort("Milvus port", milvusPort);
    checkPort("Milvus Lite port", milvusLitePort);
    if (openSearchNodes < 1 || openSearchNodes > MAX_OPENSEARCH_NODES) {
      throw new BadInputException(String.format(Locale.ROOT,
          "OpenSearch nodes (--opensearch-nodes, LENSBENCH_OPENSEARCH_NODES): expected 1..%d, found %d",
          MAX_OPENSEARCH_NODES, openSearchNodes));
    }
    checkDisjoint(openSearchHttpPort, openSearchTransportPort, openSearchNodes, milvusPort, milvusLitePort);
    if (!openSearchHeap.matches("[1-9][0-9]*[mMgG]")) {
      throw new BadInputException("OpenSearch heap (LENSBENCH_OPENSEARCH_HEAP): expected a size like "
          + "512m or 2g, found '" + openSearchHeap + "'");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new BadInputException("store start timeout must be positive, found " + startTimeout);
    }
  }

  /** Every store's ports are its own: no two ranges overlap. */
  private static void checkDisjoint(int http, int transport, int nodes, int milvus, int lite) {
    int[][] ranges = {{http, nodes}, {transport, nodes}, {milvus, MILVUS_PORT_SPAN}, {lite, 1}};
    String[] names = {"OpenSearch HTTP", "OpenSearch transport", "Milvus server", "Milvus Lite"};
    for (int i = 0; i < ranges.length; i++) {
      for (int j = i + 1; j < ranges.length; j++) {
        if (ranges[i][0] < ranges[j][0] + ranges[j][1] && ranges[j][0] < ranges[i][0] + ranges[i][1]) {
          throw new BadInputException(String.format(Locale.ROOT,
              "store ports must differ: %s %d..%d overlaps %s %d..%d", names[i], ranges[i][0],
              ranges[i][0] + ranges[i][1] - 1, names[j], ranges[j][0], ranges[j][0] + ranges[j][1] - 1));
        }
      }
    }
  }

  /** Configuration from system properties, then environment variables, then defaults. */
  public static StoresConfig fromEnvironment() {
    return from(System.getProperties(), System.getenv());
  }

  /**
   * System property / environment variable / default: {@code lensbench.opensearch.port} /
   * {@code LENSBENCH_OPENSEARCH_PORT} / 19200; {@code lensbench.opensearch.transport.port} /
   * {@code LENSBENCH_OPENSEARCH_TRANSPORT_PORT} / HTTP port + 100; {@code lensbench.milvus.port}
   * / {@code LENSBENCH_MILVUS_PORT} / 19730 (the Milvus server); {@code lensbench.milvus.lite.port}
   * / {@code LENSBENCH_MILVUS_LITE_PORT} / 19530; {@code lensbench.opensearch.nodes} / {@code
   * LENSBENCH_OPENSEARCH_NODES} / 1; {@code lensbench.opensearch.artifacts} /
   * {@code LENSBENCH_OPENSEARCH_ARTIFACTS}; {@code lensbench.stores.user} /
   * {@code LENSBENCH_STORES_USER} / lensbench; {@code lensbench.python} / {@code LENSBENCH_PYTHON}
   * / python3; {@code lensbench.stores.timeout.seconds} / {@code LENSBENCH_STORES_TIMEOUT_SECONDS}
   * / 180; {@code lensbench.opensearch.heap} / {@code LENSBENCH_OPENSEARCH_HEAP} / 512m. The home
   * is {@link LensBenchHome#resolve()}.
   */
  public static StoresConfig from(Properties props, Map<String, String> env) {
    int http = intSetting(props, env, "lensbench.opensearch.port", "LENSBENCH_OPENSEARCH_PORT",
        DEFAULT_OPENSEARCH_HTTP_PORT);
    int transport = intSetting(props, env, "lensbench.opensearch.transport.port",
        "LENSBENCH_OPENSEARCH_TRANSPORT_PORT",
        http == DEFAULT_OPENSEARCH_HTTP_PORT ? DEFAULT_OPENSEARCH_TRANSPORT_PORT : http + 100);
    int milvus = intSetting(props, env, "lensbench.milvus.port", "LENSBENCH_MILVUS_PORT",
        DEFAULT_MILVUS_PORT);
    int lite = intSetting(props, env, "lensbench.milvus.lite.port", "LENSBENCH_MILVUS_LITE_PORT",
        DEFAULT_MILVUS_LITE_PORT);
    int nodes = intSetting(props, env, "lensbench.opensearch.nodes", "LENSBENCH_OPENSEARCH_NODES", 1);
    Optional<Path> artifacts = setting(props, env, "lensbench.opensearch.artifacts",
        "LENSBENCH_OPENSEARCH_ARTIFACTS").map(p -> Path.of(p).toAbsolutePath());
    String user = setting(props, env, "lensbench.stores.user", "LENSBENCH_STORES_USER")
        .orElse(DEFAULT_SERVICE_USER);
    String python = setting(props, env, "lensbench.python", "LENSBENCH_PYTHON").orElse("python3");
    int timeout = intSetting(props, env, "lensbench.stores.timeout.seconds",
        "LENSBENCH_STORES_TIMEOUT_SECONDS", 180);
    String heap = setting(props, env, "lensbench.opensearch.heap", "LENSBENCH_OPENSEARCH_HEAP")
        .orElse("512m");
    return new StoresConfig(LensBenchHome.resolve(), http, transport, milvus, lite, nodes, artifacts, user,
        python, Duration.ofSeconds(timeout), heap);
  }

  public StoresConfig withPorts(int httpPort, int transportPort, int milvusServerPort, int litePort) {
    return new StoresConfig(home, httpPort, transportPort, milvusServerPort, litePort, openSearchNodes,
        artifactsDir, serviceUser, python, startTimeout, openSearchHeap);
  }

  public StoresConfig withOpenSearchNodes(int nodes) {
    return new StoresConfig(home, openSearchHttpPort, openSearchTransportPort, milvusPort, milvusLitePort, nodes,
        artifactsDir, serviceUser, python, startTimeout, openSearchHeap);
  }

  public StoresConfig withStartTimeout(Duration timeout) {
    return new StoresConfig(home, openSearchHttpPort, openSearchTransportPort, milvusPort, milvusLitePort,
        openSearchNodes, artifactsDir, serviceUser, python, timeout, openSearchHeap);
  }

  /** Instance folder of the OpenSearch node: {@code opensearch/}, or {@code opensearch-<port>/}. */
  public Path openSearchInstanceDir() {
    return home.resolve(openSearchHttpPort == DEFAULT_OPENSEARCH_HTTP_PORT
        ? "opensearch" : "opensearch-" + openSearchHttpPort);
  }

  /**
   * Instance folder of OpenSearch node {@code node} (0-based): node 0 is {@link
   * #openSearchInstanceDir()}, node i its name followed by {@code -node<i+1>}.
   */
  public Path openSearchNodeDir(int node) {
    Path first = openSearchInstanceDir();
    return node == 0 ? first : first.resolveSibling(first.getFileName() + "-node" + (node + 1));
  }

  /** Instance folder of the Milvus server: {@code milvus-server/}, or {@code milvus-server-<port>/}. */
  public Path milvusInstanceDir() {
    return home.resolve(milvusPort == DEFAULT_MILVUS_PORT ? "milvus-server" : "milvus-server-" + milvusPort);
  }

  /**
   * Instance folder of Milvus Lite: {@code milvus-lite/} (or {@code milvus-lite-<port>/}); a home
   * from before the Milvus server keeps its Lite data in {@code milvus/} ({@code milvus-<port>/}),
   * which stays in use while {@code milvus-lite/} does not exist.
   */
  public Path milvusLiteInstanceDir() {
    boolean dflt = milvusLitePort == DEFAULT_MILVUS_LITE_PORT;
    Path dir = home.resolve(dflt ? "milvus-lite" : "milvus-lite-" + milvusLitePort);
    Path legacy = home.resolve(dflt ? "milvus" : "milvus-" + milvusLitePort);
    return !java.nio.file.Files.exists(dir) && java.nio.file.Files.isDirectory(legacy.resolve("data")) ? legacy : dir;
  }

  /** Where the Milvus server package is installed and unpacked ({@code venv/}, {@code bin/}). */
  public Path milvusInstallDir() {
    return installDir().resolve("milvus-" + EmbeddedMilvusServer.VERSION);
  }

  /** Shared, cached installs (OpenSearch node files). */
  public Path installDir() {
    return home.resolve("install");
  }

  /** The project-owned virtualenv holding Milvus Lite and pymilvus. */
  public Path venvDir() {
    return home.resolve("venv");
  }

  private static void checkPort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected 1..65535, found %d", what, port));
    }
  }

  private static Optional<String> setting(Properties props, Map<String, String> env,
      String property, String variable) {
    String v = props.getProperty(property);
    if (v == null || v.isBlank()) {
      v = env.get(variable);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static int intSetting(Properties props, Map<String, String> env, String property,
      String variable, int fallback) {
    Optional<String> v = setting(props, env, property, variable);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s (system property %s / environment %s): expected an integer, found '%s'",
          variable, property, variable, v.get()), e);
    }
  }
}
