package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Milvus Lite (a Milvus gRPC server in Python over FAISS) from a project-owned virtualenv
 * ({@code <home>/venv}, every package pinned in {@code milvus-lite-requirements.txt}), run as the
 * service user: {@code milvus-lite server --data-dir <home>/milvus-lite[-port]/data --host
 * 127.0.0.1 --port 19530}. Its store name is {@code milvus-lite}: {@code milvus} is the Milvus
 * server ({@link EmbeddedMilvusServer}).
 */
public final class EmbeddedMilvusLite implements EmbeddedStore {
  public static final String VERSION = "milvus-lite 3.2.2";
  public static final String NAME = "milvus-lite";

  private final StoresConfig config;
  private final Consumer<String> log;
  private final PythonVenv venv;

  public EmbeddedMilvusLite(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
    this.venv = new PythonVenv(NAME, config.venvDir(), "milvus-lite-requirements.txt", config.python(),
        config.home().resolve("logs").resolve("milvus-venv-pip.log"), log);
  }

  @Override
  public String name() {
    return NAME;
  }

  public String uri() {
    return "http://127.0.0.1:" + config.milvusLitePort();
  }

  private Path instanceDir() {
    return config.milvusLiteInstanceDir();
  }
  private Path dataDir() {
    return instanceDir().resolve("data");
  }

  private Path logFile() {
    return instanceDir().resolve("logs").resolve("milvus-lite.log");
  }

  private Path pidFile() {
    return instanceDir().resolve("milvus.pid");
  }

  private String marker() {
    return "--data-dir " + dataDir();
  }

  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-" + config.milvusLitePort())) {
      Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
      if (running.isPresent()) {
        Optional<String> version = probe();
        if (version.isPresent()) {
          log.accept(String.format(Locale.ROOT, "milvus-lite: already running (pid %d, %s)",
              running.get().pid(), uri()));
          return status();
        }
        log.accept("milvus-lite: process " + running.get().pid() + " is up but not answering yet; waiting");
        return awaitHealthy(running.get(), System.nanoTime());
      }
      if (Processes.listening(config.milvusLitePort()) || !Processes.bindable(config.milvusLitePort())) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "milvus-lite: cannot start: port 127.0.0.1:%d is already in use by %s, which LensBench did "
                + "not start (no live pid in %s). Stop that process or choose another port "
                + "(LENSBENCH_MILVUS_LITE_PORT).",
            config.milvusLitePort(), Processes.portOwner(config.milvusLitePort()), pidFile()));
      }
      venv.ensure(config.home(), "milvus-lite");
      ServiceUser user = ServiceUser.forNode(config.serviceUser(), log);
      long t0 = System.nanoTime();
      ProcessHandle process = start(user);
      return awaitHealthy(process, t0);
    }
  }

  private ProcessHandle start(ServiceUser user) {
    try {
      Files.createDirectories(dataDir());
      Files.createDirectories(logFile().getParent());
    } catch (IOException e) {
      throw new InfrastructureException("milvus-lite: cannot create " + instanceDir() + ": " + e.getMessage(), e);
    }
    user.own(instanceDir());
    user.ensureTraversable(instanceDir());
    user.ensureTraversable(venv.dir());
    List<String> cmd = new ArrayList<>(List.of("setsid"));
    cmd.addAll(user.launchPrefix());
    cmd.addAll(List.of(venv.bin("milvus-lite").toString(), "server",
        "--data-dir", dataDir().toString(), "--host", "127.0.0.1",
        "--port", Integer.toString(config.milvusLitePort())));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(instanceDir().toFile());
    Map<String, String> env = pb.environment();
    env.remove("PYTHONPATH");
    env.remove("PYTHONHOME");
    env.put("PYTHONUNBUFFERED", "1");
    env.put("HOME", instanceDir().toString());
    Process p = Processes.launch(name(), pb, logFile(), pidFile());
    log.accept(String.format(Locale.ROOT, "milvus-lite: starting %s (pid %d%s) on %s, data %s",
        VERSION, p.pid(), user.describe(), uri(), dataDir()));
    return p.toHandle();
  }

  private StoreStatus awaitHealthy(ProcessHandle process, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Processes.deleteQuietly(pidFile());
        throw failure("the milvus-lite process " + process.pid() + " exited during start-up");
      }
      if (Processes.listening(config.milvusLitePort()) && probe().isPresent()) {
        log.accept(String.format(Locale.ROOT, "milvus-lite: healthy in %.1f s", (System.nanoTime() - t0) / 1e9));
        return status();
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("interrupted while waiting for Milvus", e);
      }
    }
    Processes.terminate(process, Duration.ofSeconds(15));
    Processes.deleteQuietly(pidFile());
    throw failure(String.format(Locale.ROOT, "not healthy within %d s; stopped it",
        config.startTimeout().toSeconds()));
  }

  private InfrastructureException failure(String what) {
    String text = Processes.readQuietly(logFile());
    String cause = "";
    if (text.contains("Address already in use") || text.contains("Failed to bind")) {
      cause = "; cause: port " + config.milvusLitePort() + " is already in use";
    } else if (text.contains("ModuleNotFoundError") || text.contains("ImportError")) {
      cause = "; cause: a Python package is missing in " + config.venvDir()
          + " (delete that folder to reinstall)";
    }
    cause += Processes.lastExceptionMessage(text).map(m -> " [" + m + "]").orElse("");
    return new InfrastructureException("milvus-lite: start failed: " + what + cause + "\n"
        + Processes.tail(logFile(), 25));
  }

  /** Server version when a real gRPC call (list collections) succeeds. */
  Optional<String> probe() {
    if (!Processes.listening(config.milvusLitePort())) {
      return Optional.empty();
    }
    ConnectConfig cc = ConnectConfig.builder().uri(uri()).connectTimeoutMs(3000).rpcDeadlineMs(5000).build();
    MilvusClientV2 client = null;
    try {
      client = new MilvusClientV2(cc);
      client.listCollections();
      return Optional.of(client.getServerVersion());
    } catch (RuntimeException e) {
      return Optional.empty();
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  @Override
  public java.util.OptionalLong collectionDiskBytes(List<String> storageKeys) {
    return java.util.OptionalLong.of(CollectionDisk.milvusLite(dataDir(), storageKeys));
  }

  @Override
  public StoreStatus status() {
    Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
    OptionalLong pid = running.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    String user = running.flatMap(p -> p.info().user()).orElse("");
    if (running.isEmpty()) {
      return StoreStatus.notRunning(name(), uri(), List.of(config.milvusLitePort()), VERSION, dataDir(), logFile());
    }
    Optional<String> version = probe();
    return new StoreStatus(name(), version.isPresent() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        uri(), List.of(config.milvusLitePort()), version.orElse(VERSION), pid, user, dataDir(), logFile(),
        version.isPresent() ? "gRPC listCollections ok" : "process alive, gRPC call failed");
  }

  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-" + config.milvusLitePort())) {
      return Processes.stop(name(), pidFile(), marker(), config.milvusLitePort(), Duration.ofSeconds(20), log);
    }
  }
}
