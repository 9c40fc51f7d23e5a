package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Milvus server instance (one client port C): its folder ({@code configs/}, {@code data/},
 * {@code logs/}, {@code tmp/}, pid files), its configuration, written on every start, and its
 * launch. Ports: C client gRPC (and REST), C+1 proxy internal, C+2..C+7 root/query/data coordinators
 * and index/query/data nodes, C+8/C+9 embedded etcd, C+10 HTTP health and metrics.
 *
 * <p>Milvus 2.3 binds every gRPC port and the HTTP port on all interfaces (only etcd takes an
 * address). As root the server therefore runs in a private network and mount namespace ({@code
 * unshare --net --mount}): its listeners exist only there, its hard-coded {@code /tmp/milvus} and
 * {@code /run/milvus} land in the instance folder, and {@code netns-forward.py} exposes exactly C
 * and C+10 on the host's 127.0.0.1. Without root it runs unconfined (docs/stores.md lists the
 * ports then open on all interfaces).
 */
final class MilvusServerInstance {
  static final String FORWARDER = "netns-forward.py";

  private final StoresConfig config;
  private final Consumer<String> log;

  MilvusServerInstance(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  Path dir() {
    return config.milvusInstanceDir();
  }

  Path dataDir() {
    return dir().resolve("data");
  }

  Path log() {
    return dir().resolve("logs").resolve("milvus.log");
  }

  Path forwarderLog() {
    return dir().resolve("logs").resolve("forward.log");
  }

  Path pidFile() {
    return dir().resolve("milvus.pid");
  }

  Path forwarderPidFile() {
    return dir().resolve("forward.pid");
  }

  Path configDir() {
    return dir().resolve("configs");
  }

  int clientPort() {
    return config.milvusPort();
  }

  int healthPort() {
    return config.milvusPort() + 10;
  }

  /** The environment entry that proves a milvus process is this instance's. */
  String marker() {
    return "MILVUSCONF=" + configDir() + "/";
  }

  /** Writes milvus.yaml, embedEtcd.yaml and glog.conf; creates data, logs and tmp for {@code user}. */
  void prepare(ServiceUser user) {
    int c = clientPort();
    Path d = dir();
    try {
      for (Path p : List.of(configDir(), dataDir(), log().getParent(), d.resolve("tmp"), d.resolve("run"))) {
        Files.createDirectories(p);
      }
      Files.writeString(configDir().resolve("milvus.yaml"), String.join("\n",
          "# written by LensBench on every `stores up`; edits are overwritten (docs/stores.md)",
          "etcd:", "  endpoints: 127.0.0.1:" + (c + 8), "  use:", "    embed: true",
          "  config:", "    path: " + configDir().resolve("embedEtcd.yaml"),
          "  data:", "    dir: " + dataDir().resolve("etcd.data"),
          "  log:", "    level: warn", "    path: " + d.resolve("logs").resolve("etcd.log"),
          "localStorage:", "  path: " + dataDir(),
          "mq:", "  type: rocksmq",
          "rocksmq:", "  path: " + dataDir().resolve("rocksmq"),
          "common:", "  storageType: local",
          "  # SIGTERM waits for loaded segments to be handed off (impossible standalone) this long",
          "  gracefulStopTimeout: 3",
          "quotaAndLimits:", "  # with quotas off, SIGTERM deadlocks in RootCoord's quota center",
          "  enabled: true",
          component("proxy", c) + "  internalPort: " + (c + 1),
          component("rootCoord", c + 2), component("queryCoord", c + 3), component("dataCoord", c + 4),
          component("indexNode", c + 5), component("queryNode", c + 6), component("dataNode", c + 7),
          "log:", "  level: warn", "  file:", "    rootPath: " + d.resolve("logs"),
          ""), StandardCharsets.UTF_8);
      Files.writeString(configDir().resolve("embedEtcd.yaml"), String.join("\n",
          "name: milvus-embedded",
          "listen-client-urls: http://127.0.0.1:" + (c + 8),
          "advertise-client-urls: http://127.0.0.1:" + (c + 8),
          "listen-peer-urls: http://127.0.0.1:" + (c + 9),
          "initial-advertise-peer-urls: http://127.0.0.1:" + (c + 9),
          "initial-cluster: milvus-embedded=http://127.0.0.1:" + (c + 9),
          "initial-cluster-state: new", ""), StandardCharsets.UTF_8);
      Files.writeString(configDir().resolve("glog.conf"), String.join("\n", "--logtostdout=false",
          "--logtostderr=false", "--alsologtostderr=false", "--minloglevel=1",
          "--log_dir=" + d.resolve("logs") + "/", "--max_log_size=200", "--stop_logging_if_full_disk=true", ""),
          StandardCharsets.UTF_8);
      Files.writeString(d.resolve(FORWARDER), resource(FORWARDER), StandardCharsets.UTF_8);
      Files.deleteIfExists(log());
    } catch (IOException e) {
      throw new InfrastructureException("milvus: cannot prepare instance folder " + d + ": " + e.getMessage(), e);
    }
    user.own(d);
    user.ensureTraversable(d);
    user.ensureTraversable(config.milvusInstallDir());
  }

  /** "proxy:\n  ip: 127.0.0.1\n  port: N\n": the address a component registers for the others. */
  private static String component(String name, int port) {
    return name + ":\n  ip: 127.0.0.1\n  port: " + port + "\n";
  }

  /** Starts {@code bin/milvus run standalone}, confined when root; returns its process. */
  ProcessHandle start(Path bin, ServiceUser user) {
    List<String> cmd = new ArrayList<>(List.of("setsid"));
    if (user.switching()) {
      cmd.addAll(List.of("unshare", "--net", "--mount", "--propagation", "private", "--", "sh", "-c",
          "set -e; ip link set lo up; mount -t tmpfs -o mode=1777,size=16m tmpfs /run; "
              // only /tmp/milvus is covered: a LensBench home under /tmp must stay visible
              + "mkdir -p \"$1/tmp/milvus\" /tmp/milvus; chown " + user.uid() + ":" + user.gid() + " \"$1/tmp/milvus\"; "
              + "mount --bind \"$1/tmp/milvus\" /tmp/milvus; exec setpriv --reuid=" + user.uid() + " --regid=" + user.gid()
              + " --clear-groups \"$0\" run standalone",
          bin.resolve("milvus").toString(), dir().toString()));
    } else {
      cmd.addAll(List.of(bin.resolve("milvus").toString(), "run", "standalone"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir().toFile());
    Map<String, String> env = pb.environment();
    env.put("DEPLOY_MODE", "STANDALONE");
    env.put("METRICS_PORT", Integer.toString(healthPort())); // the one port without a yaml key
    env.put("MILVUSCONF", configDir() + "/");
    env.put("LD_LIBRARY_PATH", bin.toString()); // the bundled .so files; the binary has no RPATH
    Process p = Processes.launch("milvus", pb, log(), pidFile());
    log.accept(String.format(Locale.ROOT, "milvus: starting Milvus %s standalone (pid %d%s) on %s, data %s%s",
        EmbeddedMilvusServer.VERSION, p.pid(), user.describe(), "http://127.0.0.1:" + clientPort(), dataDir(),
        user.switching() ? ", in its own network namespace" : ", UNCONFINED (not root): its ports listen on all interfaces"));
    return p.toHandle();
  }

  /** Starts the forwarder exposing the client and health ports on the host's 127.0.0.1 (root only). */
  void forward(long milvusPid, ServiceUser user, String python) {
    List<String> cmd = List.of("setsid", python, dir().resolve(FORWARDER).toString(), Long.toString(milvusPid),
        user.uid(), user.gid(), clientPort() + ":" + clientPort(), healthPort() + ":" + healthPort());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir().toFile());
    Processes.deleteQuietly(forwarderLog());
    Processes.launch("milvus forwarder", pb, forwarderLog(), forwarderPidFile());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = MilvusServerInstance.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " missing from the LensBench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
