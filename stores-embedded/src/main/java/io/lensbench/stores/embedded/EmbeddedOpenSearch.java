package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
  /** The configured nodes, node 0 first (its HTTP port is the store's URL). */
  private final List<OpenSearchInstance> nodes = new ArrayList<>();
  private final OpenSearchHealth health;

  public EmbeddedOpenSearch(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
    this.assembly = new OpenSearchAssembly(config, log);
    for (int i = 0; i < config.openSearchNodes(); i++) {
      nodes.add(new OpenSearchInstance(config, log, i));
    }
    this.health = new OpenSearchHealth(url());
  }

  @Override
  public String name() {
    return "opensearch";
  }

  /** Node 0's URL. */
  public String url() {
    return "http://127.0.0.1:" + config.openSearchHttpPort();
  }

  /** Every node's URL, node 0 first (what a client that fails over between nodes is given). */
  public List<String> urls() {
    return nodes.stream().map(n -> "http://127.0.0.1:" + n.httpPort()).toList();
  }

  /** Folder holding the node artifacts the build fetched. */
  Path artifactsDir() {
    return assembly.artifactsDir();
  }

  private static Optional<ProcessHandle> running(OpenSearchInstance node) {
    return Processes.ours(node.pidFile(), node.marker());
  }

  // ---------------------------------------------------------------- up

  /** Starts every configured node that is not running, then waits until the cluster has them all. */
  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      Map<OpenSearchInstance, ProcessHandle> processes = new LinkedHashMap<>();
      Path dist = null;
      Path java = null;
      boolean started = false;
      long t0 = System.nanoTime();
      for (OpenSearchInstance node : nodes) {
        Optional<ProcessHandle> r = running(node);
        if (r.isPresent()) {
          processes.put(node, r.get());
          continue;
        }
        checkPortsFree(node);
        if (dist == null) {
          java = checkJava();
          dist = assembly.install();
        }
        processes.put(node, node.start(dist, java, node.prepare(dist)));
        started = true;
      }
      if (!started) {
        OpenSearchHealth.Health h = health.check(nodes.size());
        if (h.ok()) {
          log.accept(String.format(Locale.ROOT, "opensearch: already running (%d node(s), pid %d, %s)",
              nodes.size(), processes.get(nodes.get(0)).pid(), url()));
          staleInstallNotice(processes.get(nodes.get(0))).ifPresent(log);
          return status();
        }
        log.accept("opensearch: running but not healthy yet (" + h.detail() + "); waiting");
      }
      return awaitHealthy(processes, t0);
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

  private void checkPortsFree(OpenSearchInstance node) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("HTTP", node.httpPort());
    ports.put("transport", node.transportPort());
    for (Map.Entry<String, Integer> p : ports.entrySet()) {
      if (Processes.listening(p.getValue()) || !Processes.bindable(p.getValue())) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "opensearch: cannot start: %s port 127.0.0.1:%d is already in use by %s, which "
                + "LensBench did not start (no live pid in %s). Stop that process or choose other "
                + "ports (LENSBENCH_OPENSEARCH_PORT, LENSBENCH_OPENSEARCH_TRANSPORT_PORT).",
            p.getKey(), p.getValue(), Processes.portOwner(p.getValue()), node.pidFile()));
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

  private StoreStatus awaitHealthy(Map<OpenSearchInstance, ProcessHandle> processes, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    OpenSearchHealth.Health last = new OpenSearchHealth.Health(false, false, "not answering yet", "");
    while (System.nanoTime() < deadline) {
      for (Map.Entry<OpenSearchInstance, ProcessHandle> e : processes.entrySet()) {
        if (!e.getValue().isAlive()) {
          Processes.deleteQuietly(e.getKey().pidFile());
          throw failure("node " + e.getKey().nodeName() + " (pid " + e.getValue().pid() + ") exited during start-up",
              e.getKey());
        }
      }
      last = health.check(nodes.size());
      if (last.ok()) {
        log.accept(String.format(Locale.ROOT, "opensearch: healthy in %.1f s (%s)",
            (System.nanoTime() - t0) / 1e9, last.detail()));
        return status();
      }
      if (last.answered() && last.detail().contains("missing")) {
        processes.forEach(this::stopQuietly);
        throw failure("plugin failed to load: " + last.detail(), nodes.get(0));
      }
      sleep(500);
    }
    processes.forEach(this::stopQuietly);
    throw failure(String.format(Locale.ROOT, "not healthy within %d s (last: %s); stopped it",
        config.startTimeout().toSeconds(), last.detail()), nodes.get(0));
  }

  private InfrastructureException failure(String what, OpenSearchInstance node) {
    String logs = Processes.readQuietly(node.consoleLog()) + Processes.readQuietly(node.serverLog());
    String cause = diagnose(logs);
    String message = Processes.lastExceptionMessage(logs).map(m -> " [" + m + "]").orElse("");
    return new InfrastructureException(String.format(Locale.ROOT,
        "opensearch: start failed: %s%s%s%n%s%n%s", what, cause.isEmpty() ? "" : "; cause: " + cause,
        message,
        Processes.tail(node.consoleLog(), 25), Processes.tail(node.serverLog(), 25)));
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

  /** Node 0's state and the cluster's health, then one line per node and the shard health. */
  @Override
  public StoreStatus status() {
    OpenSearchInstance first = nodes.get(0);
    Optional<ProcessHandle> running = running(first);
    List<Integer> ports = new ArrayList<>();
    nodes.forEach(n -> ports.add(n.httpPort()));
    nodes.forEach(n -> ports.add(n.transportPort()));
    if (running.isEmpty()) {
      return StoreStatus.notRunning(name(), url(), ports,
          VERSION + (assembly.installed() ? " (installed)" : " (not installed yet)"), first.dataDir(), first.serverLog());
    }
    OpenSearchHealth.Health h = health.check(nodes.size());
    StringBuilder detail = new StringBuilder(h.detail());
    for (OpenSearchInstance n : nodes) {
      Optional<ProcessHandle> p = running(n);
      detail.append(String.format(Locale.ROOT, "%n  node      %s http %d transport %d: %s", n.nodeName(),
          n.httpPort(), n.transportPort(), p.map(x -> "pid " + x.pid() + " (user " + x.info().user().orElse("?")
              + ")" + (health.hasNode(n.nodeName()) ? ", in the cluster" : ", NOT in the cluster")).orElse("stopped")));
    }
    detail.append(String.format(Locale.ROOT, "%n  shards    %s", health.shards()));
    return new StoreStatus(name(), h.ok() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        String.join(",", urls()), ports, h.version().isEmpty() ? VERSION : h.version(),
        OptionalLong.of(running.get().pid()), running.get().info().user().orElse(""), first.dataDir(),
        first.serverLog(), detail.toString());
  }

  /** Stops every node LensBench started under these ports, also those of an earlier, larger cluster. */
  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      boolean stopped = false;
      for (int i = StoresConfig.MAX_OPENSEARCH_NODES - 1; i >= 0; i--) {
        OpenSearchInstance n = new OpenSearchInstance(config, log, i);
        if (i == 0 || Files.isDirectory(n.instanceDir())) {
          stopped |= Processes.stop(i == 0 ? name() : name() + " " + n.nodeName(), n.pidFile(), n.marker(),
              n.httpPort(), Duration.ofSeconds(30), i == 0 || running(n).isPresent() ? log : m -> { });
        }
      }
      return stopped;
    }
  }

  /** Deletes the configured nodes' instance folders (config, data, logs); only when none runs. */
  public void deleteInstances() throws java.io.IOException {
    for (OpenSearchInstance n : nodes) {
      if (running(n).isPresent()) {
        throw new InfrastructureException("opensearch: node " + n.nodeName() + " still runs; stop it first");
      }
      Processes.deleteTree(n.instanceDir());
    }
  }

  private void stopQuietly(OpenSearchInstance node, ProcessHandle process) {
    Processes.terminate(process, Duration.ofSeconds(15));
    Processes.deleteQuietly(node.pidFile());
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
