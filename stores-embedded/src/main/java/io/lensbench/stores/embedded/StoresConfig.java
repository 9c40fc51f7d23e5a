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
 * @param milvusPort Milvus Lite gRPC port (default 19530)
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
    Optional<Path> artifactsDir,
    String serviceUser,
    String python,
    Duration startTimeout,
    String openSearchHeap) {

  public static final int DEFAULT_OPENSEARCH_HTTP_PORT = 19200;
  public static final int DEFAULT_OPENSEARCH_TRANSPORT_PORT = 19300;
  public static final int DEFAULT_MILVUS_PORT = 19530;
  public static final String DEFAULT_SERVICE_USER = "lensbench";

  public StoresConfig {
    checkPort("OpenSearch HTTP port", openSearchHttpPort);
    checkPort("OpenSearch transport port", openSearchTransportPort);
    checkPort("Milvus port", milvusPort);
    if (openSearchHttpPort == openSearchTransportPort
        || openSearchHttpPort == milvusPort
        || openSearchTransportPort == milvusPort) {
      throw new BadInputException(String.format(Locale.ROOT,
          "store ports must differ: found OpenSearch HTTP %d, transport %d, Milvus %d",
          openSearchHttpPort, openSearchTransportPort, milvusPort));
    }
    if (!openSearchHeap.matches("[1-9][0-9]*[mMgG]")) {
      throw new BadInputException("OpenSearch heap (LENSBENCH_OPENSEARCH_HEAP): expected a size like "
          + "512m or 2g, found '" + openSearchHeap + "'");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new BadInputException("store start timeout must be positive, found " + startTimeout);
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
   * / {@code LENSBENCH_MILVUS_PORT} / 19530; {@code lensbench.opensearch.artifacts} /
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
    Optional<Path> artifacts = setting(props, env, "lensbench.opensearch.artifacts",
        "LENSBENCH_OPENSEARCH_ARTIFACTS").map(p -> Path.of(p).toAbsolutePath());
    String user = setting(props, env, "lensbench.stores.user", "LENSBENCH_STORES_USER")
        .orElse(DEFAULT_SERVICE_USER);
    String python = setting(props, env, "lensbench.python", "LENSBENCH_PYTHON").orElse("python3");
    int timeout = intSetting(props, env, "lensbench.stores.timeout.seconds",
        "LENSBENCH_STORES_TIMEOUT_SECONDS", 180);
    String heap = setting(props, env, "lensbench.opensearch.heap", "LENSBENCH_OPENSEARCH_HEAP")
        .orElse("512m");
    return new StoresConfig(LensBenchHome.resolve(), http, transport, milvus, artifacts, user,
        python, Duration.ofSeconds(timeout), heap);
  }

  public StoresConfig withPorts(int httpPort, int transportPort, int milvusPortNumber) {
    return new StoresConfig(home, httpPort, transportPort, milvusPortNumber, artifactsDir,
        serviceUser, python, startTimeout, openSearchHeap);
  }

  public StoresConfig withStartTimeout(Duration timeout) {
    return new StoresConfig(home, openSearchHttpPort, openSearchTransportPort, milvusPort,
        artifactsDir, serviceUser, python, timeout, openSearchHeap);
  }

  /** Instance folder of the OpenSearch node: {@code opensearch/}, or {@code opensearch-<port>/}. */
  public Path openSearchInstanceDir() {
    return home.resolve(openSearchHttpPort == DEFAULT_OPENSEARCH_HTTP_PORT
        ? "opensearch" : "opensearch-" + openSearchHttpPort);
  }

  /** Instance folder of Milvus Lite: {@code milvus/}, or {@code milvus-<port>/}. */
  public Path milvusInstanceDir() {
    return home.resolve(milvusPort == DEFAULT_MILVUS_PORT ? "milvus" : "milvus-" + milvusPort);
  }

  /** Shared, cached installs (OpenSearch node files). */
  public Path installDir() {
    return home.resolve("install");
  }

  /** The project-owned virtualenv holding milvus-lite and pymilvus. */
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
