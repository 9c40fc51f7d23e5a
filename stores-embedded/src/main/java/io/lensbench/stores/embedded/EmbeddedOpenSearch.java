package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A real single-node OpenSearch 2.19.1 assembled from Maven Central artifacts ({@link
 * OpenSearchAssembly}): the minimal distribution, the lang-painless and analysis-common modules,
 * the k-NN plugin (Lucene engine only: the Maven zip has no faiss/nmslib native libraries) and
 * LensBench's Nori plugin. Each instance (port) has its own config, data, logs and tmp ({@link
 * OpenSearchInstance}). As root it runs as a dedicated system user (OpenSearch refuses root),
 * started with {@code setpriv}. This class is the process lifecycle: up (waiting until {@link
 * OpenSearchHealth healthy}), status, down.
 */
public final class EmbeddedOpenSearch implements EmbeddedStore {
  public static final String VERSION = "2.19.1";
  public static final String KNN_VERSION = "2.19.1.0";
  /** Plugin names that must be loaded for the node to count as healthy. */
  public static final List<String> REQUIRED_PLUGINS = List.of("opensearch-knn", "lensbench-nori");
  /** Module names that must be loaded for the node to count as healthy. */
  public static final List<String> REQUIRED_MODULES = List.of("lang-painless", "analysis-common");

  private final StoresConfig config;
  private final Consumer<String> log;
  private final OpenSearchAssembly assembly;
  private final OpenSearchInstance instance;
  private final OpenSearchHealth health;

  public EmbeddedOpenSearch(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
    this.assembly = new OpenSearchAssembly(config, log);
    this.instance = new OpenSearchInstance(config, log);
    this.health = new OpenSearchHealth(url());
  }

  @Override
  public String name() {
    return "opensearch";
  }

  public String url() {
    return "http://127.0.0.1:" + config.openSearchHttpPort();
  }

  /** Folder holding the node artifacts the build fetched. */
  Path artifactsDir() {
    return assembly.artifactsDir();
  }

  private Path pidFile() {
    return instance.pidFile();
  }

  private String marker() {
    return instance.marker();
  }

  private Path dataDir() {
    return instance.dataDir();
  }

  private Path serverLog() {
    return instance.serverLog();
  }

  private Path consoleLog() {
    return instance.consoleLog();
  }

  // ---------------------------------------------------------------- up

  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
      if (running.isPresent()) {
        OpenSearchHealth.Health h = health.check();
        if (h.ok()) {
          log.accept(String.format(Locale.ROOT, "opensearch: already running (pid %d, %s)",
              running.get().pid(), url()));
          staleInstallNotice(running.get()).ifPresent(log);
          return status();
        }
        log.accept("opensearch: process " + running.get().pid() + " is up but not healthy yet ("
            + h.detail() + "); waiting");
        return awaitHealthy(running.get(), System.nanoTime());
      }
      checkPortsFree();
      Path java = checkJava();
      Path dist = assembly.install();
      ServiceUser user = instance.prepare(dist);
      long t0 = System.nanoTime();
      ProcessHandle process = instance.start(dist, java, user);
      return awaitHealthy(process, t0);
    }
  }

  /**
   * When the running node was started from an older install than the current artifacts would
   * give (say, the Nori plugin was changed and rebuilt), says how to restart it. Never restarts
   * by itself: others may be using the node.
   */
  private Optional<String> staleInstallNotice(ProcessHandle node) {
    try {
      String cmd = Processes.cmdline(node.pid()).orElse("");
      String key = "-Dopensearch.path.home=";
      int at = cmd.indexOf(key);
      if (at < 0) {
        return Optional.empty();
      }
      int end = cmd.indexOf(' ', at);
      Path runningFrom = Path.of(cmd.substring(at + key.length(), end < 0 ? cmd.length() : end));
      Path current = assembly.currentDistDir();
      if (runningFrom.equals(current)) {
        return Optional.empty();
      }
      return Optional.of("opensearch: note: the node runs from " + runningFrom + ", but the current "
          + "build's artifacts make " + current.getFileName() + " (a plugin or module changed); to "
          + "use it: lensbench stores down opensearch && lensbench stores up opensearch");
    } catch (RuntimeException e) {
      return Optional.empty(); // artifacts not found: nothing to compare with
    }
  }

  private void checkPortsFree() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("HTTP", config.openSearchHttpPort());
    ports.put("transport", config.openSearchTransportPort());
    for (Map.Entry<String, Integer> p : ports.entrySet()) {
      if (Processes.listening(p.getValue()) || !Processes.bindable(p.getValue())) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "opensearch: cannot start: %s port 127.0.0.1:%d is already in use by %s, which "
                + "LensBench did not start (no live pid in %s). Stop that process or choose other "
                + "ports (LENSBENCH_OPENSEARCH_PORT, LENSBENCH_OPENSEARCH_TRANSPORT_PORT).",
            p.getKey(), p.getValue(), Processes.portOwner(p.getValue()), pidFile()));
      }
    }
  }

  /** The running JDK becomes OPENSEARCH_JAVA_HOME (the minimal distribution bundles none). */
  private Path checkJava() {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      throw new InfrastructureException("opensearch: no Java: expected an executable "
          + java + " (java.home of the running JVM) to use as OPENSEARCH_JAVA_HOME");
    }
    if (Runtime.version().feature() < 11) {
      throw new InfrastructureException("opensearch: OpenSearch " + VERSION
          + " needs Java 11 or later, found " + Runtime.version() + " at " + javaHome);
    }
    return javaHome;
  }

  private StoreStatus awaitHealthy(ProcessHandle process, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    OpenSearchHealth.Health last = new OpenSearchHealth.Health(false, false, "not answering yet", "");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Processes.deleteQuietly(pidFile());
        throw failure("the node process " + process.pid() + " exited during start-up", process);
      }
      last = health.check();
      if (last.ok()) {
        log.accept(String.format(Locale.ROOT, "opensearch: healthy in %.1f s (%s)",
            (System.nanoTime() - t0) / 1e9, last.detail()));
        return status();
      }
      if (last.answered() && last.detail().contains("missing")) {
        stopQuietly(process);
        throw failure("plugin failed to load: " + last.detail(), process);
      }
      sleep(500);
    }
    stopQuietly(process);
    throw failure(String.format(Locale.ROOT, "not healthy within %d s (last: %s); stopped it",
        config.startTimeout().toSeconds(), last.detail()), process);
  }

  private InfrastructureException failure(String what, ProcessHandle process) {
    String logs = Processes.readQuietly(consoleLog()) + Processes.readQuietly(serverLog());
    String cause = diagnose(logs);
    String message = Processes.lastExceptionMessage(logs).map(m -> " [" + m + "]").orElse("");
    return new InfrastructureException(String.format(Locale.ROOT,
        "opensearch: start failed: %s%s%s%n%s%n%s", what, cause.isEmpty() ? "" : "; cause: " + cause,
        message,
        Processes.tail(consoleLog(), 25), Processes.tail(serverLog(), 25)));
  }

  /** Recognises the common start-up failures in the node's logs. */
  static String diagnose(String logs) {
    String l = logs.toLowerCase(Locale.ROOT);
    if (l.contains("bindexception") || l.contains("address already in use")) {
      return "a port is already in use (BindException)";
    }
    if (l.contains("jar hell")) {
      return "plugin failed to load: jar hell (a class is on the classpath twice)";
    }
    if (l.contains("unsupportedclassversionerror")) {
      return "plugin failed to load: compiled for a newer Java than the node runs";
    }
    if (l.contains("failed to load plugin") || l.contains("could not load plugin")
        || l.contains("was built for opensearch version")
        || l.contains("plugin [") && l.contains("exception")) {
      return "plugin failed to load (see the log lines below)";
    }
    if (l.contains("could not find java") || l.contains("java_home") && l.contains("does not exist")) {
      return "no Java found at OPENSEARCH_JAVA_HOME";
    }
    if (l.contains("can not run opensearch as root")) {
      return "OpenSearch refuses to run as root";
    }
    if (l.contains("accessdeniedexception") || l.contains("permission denied")) {
      return "permission denied for the service user (see the log lines below)";
    }
    if (l.contains("outofmemoryerror") || l.contains("cannot allocate memory")) {
      return "out of memory";
    }
    return "";
  }

  @Override
  public StoreStatus status() {
    Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
    List<Integer> ports = List.of(config.openSearchHttpPort(), config.openSearchTransportPort());
    OptionalLong pid = running.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    String user = running.flatMap(p -> p.info().user()).orElse("");
    if (running.isEmpty()) {
      return StoreStatus.notRunning(name(), url(), ports,
          VERSION + (assembly.installed() ? " (installed)" : " (not installed yet)"), dataDir(), serverLog());
    }
    OpenSearchHealth.Health h = health.check();
    return new StoreStatus(name(), h.ok() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        url(), ports, h.version().isEmpty() ? VERSION : h.version(), pid, user, dataDir(), serverLog(),
        h.detail());
  }

  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      return Processes.stop(name(), pidFile(), marker(), config.openSearchHttpPort(), Duration.ofSeconds(30), log);
    }
  }

  private void stopQuietly(ProcessHandle process) {
    Processes.terminate(process, Duration.ofSeconds(15));
    Processes.deleteQuietly(pidFile());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for a store", e);
    }
  }
}
