package io.lensbench.stores.embedded;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Milvus Lite (a real Milvus gRPC server in Python) from a project-owned virtualenv
 * ({@code <home>/venv}, every package pinned in {@code milvus-lite-requirements.txt}), run as
 * {@code milvus-lite server --data-dir <home>/milvus[-port]/data --host 127.0.0.1 --port 19530}.
 */
public final class EmbeddedMilvus implements EmbeddedStore {
  public static final String VERSION = "milvus-lite 3.2.2";
  private static final String REQUIREMENTS = "milvus-lite-requirements.txt";

  private final StoresConfig config;
  private final Consumer<String> log;

  public EmbeddedMilvus(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  @Override
  public String name() {
    return "milvus";
  }

  public String uri() {
    return "http://127.0.0.1:" + config.milvusPort();
  }

  private Path instanceDir() {
    return config.milvusInstanceDir();
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

  private Path pipLog() {
    return config.home().resolve("logs").resolve("milvus-venv-pip.log");
  }

  private String marker() {
    return "--data-dir " + dataDir();
  }

  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-" + config.milvusPort())) {
      Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
      if (running.isPresent()) {
        Optional<String> version = probe();
        if (version.isPresent()) {
          log.accept(String.format(Locale.ROOT, "milvus: already running (pid %d, %s)",
              running.get().pid(), uri()));
          return status();
        }
        log.accept("milvus: process " + running.get().pid() + " is up but not answering yet; waiting");
        return awaitHealthy(running.get(), System.nanoTime());
      }
      if (Processes.listening(config.milvusPort()) || !Processes.bindable(config.milvusPort())) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "milvus: cannot start: port 127.0.0.1:%d is already in use by %s, which LensBench did "
                + "not start (no live pid in %s). Stop that process or choose another port "
                + "(LENSBENCH_MILVUS_PORT).",
            config.milvusPort(), Processes.portOwner(config.milvusPort()), pidFile()));
      }
      installVenv();
      long t0 = System.nanoTime();
      ProcessHandle process = start();
      return awaitHealthy(process, t0);
    }
  }

  // ---------------------------------------------------------------- virtualenv (cached)

  static String requirements() {
    try (InputStream in = EmbeddedMilvus.class.getResourceAsStream(REQUIREMENTS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + REQUIREMENTS + " missing from the LensBench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + REQUIREMENTS, e);
    }
  }

  /** Creates {@code <home>/venv} with the pinned requirements unless it is already there. */
  void installVenv() {
    Path venv = config.venvDir();
    Path stamp = venv.resolve(".lensbench-requirements");
    String reqs = requirements();
    try (FileLock lock = FileLock.acquire(config.home(), "install-venv")) {
      String fingerprint = Hashing.sha256Hex(reqs);
      if (Processes.readQuietly(stamp).trim().equals(fingerprint)
          && Files.isExecutable(venv.resolve("bin").resolve("milvus-lite"))) {
        return;
      }
      long t0 = System.nanoTime();
      Processes.Result py = Processes.run(List.of(config.python(), "-c",
          "import sys; print('%d.%d' % sys.version_info[:2])"), Duration.ofSeconds(60));
      if (!py.ok()) {
        throw new InfrastructureException("milvus: no Python: expected a Python 3.10+ interpreter '"
            + config.python() + "' (set LENSBENCH_PYTHON): " + py.output().trim());
      }
      String[] v = py.output().trim().split("\\.");
      if (v.length != 2 || Integer.parseInt(v[0]) < 3 || Integer.parseInt(v[0]) == 3 && Integer.parseInt(v[1]) < 10) {
        throw new InfrastructureException("milvus: milvus-lite 3.2.2 needs Python 3.10+, found "
            + py.output().trim() + " at '" + config.python() + "' (set LENSBENCH_PYTHON)");
      }
      log.accept("milvus: creating virtualenv " + venv + " (Python " + py.output().trim()
          + ", milvus-lite 3.2.2 + pymilvus 2.6.17, pinned); pip log: " + pipLog());
      Processes.deleteTree(venv);
      Processes.Result mk = Processes.run(List.of(config.python(), "-m", "venv", venv.toString()),
          Duration.ofMinutes(5));
      if (!mk.ok()) {
        throw new InfrastructureException("milvus: `" + config.python() + " -m venv " + venv
            + "` failed (exit " + mk.exitCode() + "; on Debian install python3-venv): " + mk.output().trim());
      }
      Path reqFile = venv.resolve("lensbench-requirements.txt");
      Files.writeString(reqFile, reqs, StandardCharsets.UTF_8);
      Files.createDirectories(pipLog().getParent());
      List<String> pip = List.of(venv.resolve("bin").resolve("python").toString(), "-m", "pip",
          "install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off",
          "-r", reqFile.toString());
      Processes.Result install = Processes.run(pip, Duration.ofMinutes(20));
      Files.writeString(pipLog(), String.join(" ", pip) + "\n" + install.output(), StandardCharsets.UTF_8);
      if (!install.ok()) {
        throw new InfrastructureException("milvus: pip failure: installing the pinned Milvus Lite "
            + "requirements into " + venv + " failed (exit " + install.exitCode() + "; PyPI reachable?)\n"
            + Processes.tail(pipLog(), 20));
      }
      Files.writeString(stamp, fingerprint + "\n", StandardCharsets.UTF_8);
      log.accept(String.format(Locale.ROOT, "milvus: virtualenv ready in %.1f s", (System.nanoTime() - t0) / 1e9));
    } catch (IOException e) {
      throw new InfrastructureException("milvus: cannot create virtualenv " + venv + ": " + e.getMessage(), e);
    }
  }

  private ProcessHandle start() {
    try {
      Files.createDirectories(dataDir());
      Files.createDirectories(logFile().getParent());
    } catch (IOException e) {
      throw new InfrastructureException("milvus: cannot create " + instanceDir() + ": " + e.getMessage(), e);
    }
    List<String> cmd = new ArrayList<>(List.of("setsid",
        config.venvDir().resolve("bin").resolve("milvus-lite").toString(), "server",
        "--data-dir", dataDir().toString(), "--host", "127.0.0.1",
        "--port", Integer.toString(config.milvusPort())));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(instanceDir().toFile());
    Map<String, String> env = pb.environment();
    env.remove("PYTHONPATH");
    env.remove("PYTHONHOME");
    env.put("PYTHONUNBUFFERED", "1");
    Process p = Processes.launch(name(), pb, logFile(), pidFile());
    log.accept(String.format(Locale.ROOT, "milvus: starting %s (pid %d) on %s, data %s",
        VERSION, p.pid(), uri(), dataDir()));
    return p.toHandle();
  }

  private StoreStatus awaitHealthy(ProcessHandle process, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Processes.deleteQuietly(pidFile());
        throw failure("the milvus-lite process " + process.pid() + " exited during start-up");
      }
      if (Processes.listening(config.milvusPort()) && probe().isPresent()) {
        log.accept(String.format(Locale.ROOT, "milvus: healthy in %.1f s", (System.nanoTime() - t0) / 1e9));
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
      cause = "; cause: port " + config.milvusPort() + " is already in use";
    } else if (text.contains("ModuleNotFoundError") || text.contains("ImportError")) {
      cause = "; cause: a Python package is missing in " + config.venvDir()
          + " (delete that folder to reinstall)";
    }
    cause += Processes.lastExceptionMessage(text).map(m -> " [" + m + "]").orElse("");
    return new InfrastructureException("milvus: start failed: " + what + cause + "\n"
        + Processes.tail(logFile(), 25));
  }

  /** Server version when a real gRPC call (list collections) succeeds. */
  Optional<String> probe() {
    if (!Processes.listening(config.milvusPort())) {
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
  public StoreStatus status() {
    Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
    OptionalLong pid = running.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    String user = running.flatMap(p -> p.info().user()).orElse("");
    if (running.isEmpty()) {
      return StoreStatus.notRunning(name(), uri(), List.of(config.milvusPort()), VERSION, dataDir(), logFile());
    }
    Optional<String> version = probe();
    return new StoreStatus(name(), version.isPresent() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        uri(), List.of(config.milvusPort()), version.orElse(VERSION), pid, user, dataDir(), logFile(),
        version.isPresent() ? "gRPC listCollections ok" : "process alive, gRPC call failed");
  }

  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-" + config.milvusPort())) {
      return Processes.stop(name(), pidFile(), marker(), config.milvusPort(), Duration.ofSeconds(20), log);
    }
  }
}
