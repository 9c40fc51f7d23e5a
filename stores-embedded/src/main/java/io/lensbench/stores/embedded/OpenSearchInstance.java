package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One OpenSearch node instance (one HTTP port): its folders under {@code
 * <home>/opensearch[-port][-node<i>]} (config, data, logs, tmp, pid file), the configuration written on
 * every start, and the node process launched from an assembled install as the service user.
 */
final class OpenSearchInstance {
  private final StoresConfig config;
  private final Consumer<String> log;
  private final int node;

  /** @param node 0-based index in the cluster: HTTP and transport ports are the configured ones + node */
  OpenSearchInstance(StoresConfig config, Consumer<String> log, int node) {
    this.config = config;
    this.log = log;
    this.node = node;
  }

  Path instanceDir() {
    return config.openSearchNodeDir(node);
  }

  int httpPort() {
    return config.openSearchHttpPort() + node;
  }

  int transportPort() {
    return config.openSearchTransportPort() + node;
  }

  String nodeName() {
    return "lensbench-" + httpPort();
  }

  /**
   * Discovery: one node is a single-node cluster; N nodes find each other through their transport
   * ports on 127.0.0.1 and bootstrap with every node eligible as cluster manager.
   */
  private List<String> discovery() {
    int n = config.openSearchNodes();
    if (n == 1) {
      return List.of("discovery.type: single-node");
    }
    List<String> seeds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add("\"127.0.0.1:" + (config.openSearchTransportPort() + i) + "\"");
      names.add("lensbench-" + (config.openSearchHttpPort() + i));
    }
    return List.of("discovery.seed_hosts: [" + String.join(", ", seeds) + "]",
        "cluster.initial_cluster_manager_nodes: [" + String.join(", ", names) + "]");
  }

  Path confDir() {
    return instanceDir().resolve("config");
  }

  Path dataDir() {
    return instanceDir().resolve("data");
  }

  Path logsDir() {
    return instanceDir().resolve("logs");
  }

  Path pidFile() {
    return instanceDir().resolve("opensearch.pid");
  }

  Path consoleLog() {
    return logsDir().resolve("console.log");
  }

  Path serverLog() {
    return logsDir().resolve("lensbench.log");
  }

  /** Appears in the node's command line (-Dopensearch.path.conf=...): proves a pid is ours. */
  String marker() {
    return confDir().toString();
  }

  /** Writes config, creates data/logs/tmp, hands them to the service user. */
  ServiceUser prepare(Path dist) {
    ServiceUser user = ServiceUser.forNode(config.serviceUser(), log);
    try {
      for (Path d : List.of(confDir(), dataDir(), logsDir(), instanceDir().resolve("tmp"),
          confDir().resolve("jvm.options.d"))) {
        Files.createDirectories(d);
      }
      List<String> yml = new ArrayList<>(List.of(
          "# written by LensBench on every `stores up`; edits are overwritten",
          "cluster.name: lensbench",
          "node.name: " + nodeName(),
          "path.data: " + dataDir(),
          "path.logs: " + logsDir(),
          "network.host: 127.0.0.1",
          "http.port: " + httpPort(),
          "transport.port: " + transportPort()));
      yml.addAll(discovery());
      yml.addAll(List.of("bootstrap.memory_lock: false",
          "# a small dev box: do not turn indexes read-only when the disk fills up",
          "cluster.routing.allocation.disk.threshold_enabled: false", ""));
      Files.writeString(confDir().resolve("opensearch.yml"), String.join("\n", yml), StandardCharsets.UTF_8);
      String jvm = Files.readString(dist.resolve("config").resolve("jvm.options"), StandardCharsets.UTF_8)
          .replace("file=logs/gc.log", "file=" + logsDir().resolve("gc.log"))
          .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + dataDir())
          .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + logsDir() + "/");
      Files.writeString(confDir().resolve("jvm.options"), jvm, StandardCharsets.UTF_8);
      Files.writeString(confDir().resolve("jvm.options.d").resolve("lensbench-heap.options"),
          "-Xms" + config.openSearchHeap() + "\n-Xmx" + config.openSearchHeap() + "\n",
          StandardCharsets.UTF_8);
      Files.copy(dist.resolve("config").resolve("log4j2.properties"),
          confDir().resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
      Processes.deleteQuietly(consoleLog());
    } catch (IOException e) {
      throw new InfrastructureException("opensearch: cannot prepare instance folder "
          + instanceDir() + ": " + e.getMessage(), e);
    }
    user.own(instanceDir());
    user.ensureTraversable(dist);
    user.ensureTraversable(instanceDir());
    user.ensureTraversable(Path.of(System.getProperty("java.home")));
    return user;
  }

  ProcessHandle start(Path dist, Path javaHome, ServiceUser user) {
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid"); // own session: a Ctrl-C or a finished test JVM does not take the node down
    cmd.addAll(user.launchPrefix());
    cmd.add(dist.resolve("bin").resolve("opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.directory(instanceDir().toFile());
    Map<String, String> env = pb.environment();
    for (String k : List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
        "OPENSEARCH_JAVA_OPTS", "OPENSEARCH_HOME", "CLASSPATH")) {
      env.remove(k);
    }
    env.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
    env.put("OPENSEARCH_PATH_CONF", confDir().toString());
    env.put("OPENSEARCH_TMPDIR", instanceDir().resolve("tmp").toString());
    env.put("HOME", instanceDir().toString());
    Process p = Processes.launch("opensearch", pb, consoleLog(), pidFile());
    log.accept(String.format(Locale.ROOT, "opensearch: starting node %s %s (pid %d%s) on %s, transport %d, heap %s",
        nodeName(), EmbeddedOpenSearch.VERSION, p.pid(), user.describe(), "http://127.0.0.1:" + httpPort(),
        transportPort(), config.openSearchHeap()));
    return p.toHandle();
  }
}
