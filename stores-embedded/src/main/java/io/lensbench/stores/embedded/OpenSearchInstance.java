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
 * <home>/opensearch[-port]} (config, data, logs, tmp, pid file), the configuration written on
 * every start, and the node process launched from an assembled install as the service user.
 */
final class OpenSearchInstance {
  private final StoresConfig config;
  private final Consumer<String> log;

  OpenSearchInstance(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  Path instanceDir() {
    return config.openSearchInstanceDir();
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
      Files.writeString(confDir().resolve("opensearch.yml"), String.join("\n",
          "# written by LensBench on every `stores up`; edits are overwritten",
          "cluster.name: lensbench",
          "node.name: lensbench-" + config.openSearchHttpPort(),
          "path.data: " + dataDir(),
          "path.logs: " + logsDir(),
          "network.host: 127.0.0.1",
          "http.port: " + config.openSearchHttpPort(),
          "transport.port: " + config.openSearchTransportPort(),
          "discovery.type: single-node",
          "bootstrap.memory_lock: false",
          "# a small dev box: do not turn indexes read-only when the disk fills up",
          "cluster.routing.allocation.disk.threshold_enabled: false",
          ""), StandardCharsets.UTF_8);
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
    log.accept(String.format(Locale.ROOT, "opensearch: starting node %s (pid %d%s) on %s, transport %d, heap %s",
        EmbeddedOpenSearch.VERSION, p.pid(), user.describe(), "http://127.0.0.1:" + config.openSearchHttpPort(),
        config.openSearchTransportPort(), config.openSearchHeap()));
    return p.toHandle();
  }
}
