package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.vector.request.QueryReq;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The Milvus server: Milvus 2.3.5 standalone, the real Go binary that the PyPI package {@code
 * milvus==2.3.5} carries, installed into {@code <home>/install/milvus-2.3.5} (venv, unpacked
 * {@code bin/}) and started directly ({@link MilvusServerInstance}: own folder, loopback only, as
 * the service user). Healthy means {@code /healthz} answers OK and a gRPC call works; after a
 * restart the first strong read of a collection can stall for tens of seconds while Milvus
 * replays its log, so {@code up} makes that read (warm-up) before it reports the store ready.
 */
public final class EmbeddedMilvusServer implements EmbeddedStore {
  public static final String VERSION = "2.3.5";
  public static final String NAME = "milvus";

  private final StoresConfig config;
  private final Consumer<String> log;
  private final MilvusServerInstance instance;
  private final PythonVenv venv;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public EmbeddedMilvusServer(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
    this.instance = new MilvusServerInstance(config, log);
    this.venv = new PythonVenv(NAME, config.milvusInstallDir().resolve("venv"), "milvus-server-requirements.txt",
        config.python(), config.home().resolve("logs").resolve("milvus-server-pip.log"), log);
  }

  @Override
  public String name() {
    return NAME;
  }

  public String uri() {
    return "http://127.0.0.1:" + instance.clientPort();
  }

  private Optional<ProcessHandle> running() {
    return Processes.ours(instance.pidFile(), pid -> Processes.environmentHas(pid, instance.marker()));
  }

  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-server-" + instance.clientPort())) {
      Optional<ProcessHandle> running = running();
      if (running.isPresent()) {
        reforward(running.get());
        if (probe().isPresent()) {
          log.accept(String.format(Locale.ROOT, "milvus: already running (pid %d, %s)", running.get().pid(), uri()));
          return status();
        }
        log.accept("milvus: process " + running.get().pid() + " is up but not answering yet; waiting");
        return awaitReady(running.get(), System.nanoTime());
      }
      // a forwarder outlives a killed server by up to half a second: it must not hold the ports
      Processes.ours(instance.forwarderPidFile(), MilvusServerInstance.FORWARDER)
          .ifPresent(f -> Processes.terminate(f, Duration.ofSeconds(5)));
      for (int port : List.of(instance.clientPort(), instance.healthPort())) {
        if (Processes.listening(port) || !Processes.bindable(port)) {
          throw new InfrastructureException(String.format(Locale.ROOT,
              "milvus: cannot start: port 127.0.0.1:%d is already in use by %s, which LensBench did not start "
                  + "(no live pid in %s). Stop that process or choose another port (LENSBENCH_MILVUS_PORT).",
              port, Processes.portOwner(port), instance.pidFile()));
        }
      }
      Path bin = install();
      ServiceUser user = ServiceUser.forNode(config.serviceUser(), log);
      instance.prepare(user);
      long t0 = System.nanoTime();
      ProcessHandle p = instance.start(bin, user);
      if (user.switching()) {
        instance.forward(p.pid(), user, config.python());
      }
      return awaitReady(p, t0);
    }
  }

  /** A confined server whose forwarder is gone (killed) gets a new one. */
  private void reforward(ProcessHandle milvus) {
    if (Processes.isRoot() && Processes.ours(instance.forwarderPidFile(), MilvusServerInstance.FORWARDER).isEmpty()) {
      log.accept("milvus: the loopback forwarder is gone; starting a new one");
      instance.forward(milvus.pid(), ServiceUser.forNode(config.serviceUser(), log), config.python());
    }
  }

  /** The pinned package in its venv, its binaries unpacked into {@code bin/} (both once). */
  private Path install() {
    Path dir = config.milvusInstallDir();
    Path bin = dir.resolve("bin");
    venv.ensure(config.home(), "python");
    if (!Files.isExecutable(bin.resolve("milvus"))) {
      long t0 = System.nanoTime();
      Processes.Result r = Processes.run(List.of(venv.bin("python").toString(), "-c",
          "import milvus, sys; milvus._initialize_data_files(sys.argv[1])", dir.toString()), Duration.ofMinutes(10));
      if (!r.ok() || !Files.isExecutable(bin.resolve("milvus"))) {
        throw new InfrastructureException("milvus: unpacking the Milvus " + VERSION + " binaries into " + bin
            + " failed (exit " + r.exitCode() + "): " + Processes.abbreviate(r.output().trim(), 600));
      }
      log.accept(String.format(Locale.ROOT, "milvus: unpacked Milvus %s into %s in %.1f s", VERSION, bin,
          (System.nanoTime() - t0) / 1e9));
    }
    return bin;
  }

  private StoreStatus awaitReady(ProcessHandle process, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive() || Processes.isZombie(process.pid())) {
        Processes.deleteQuietly(instance.pidFile());
        throw failure("the milvus process " + process.pid() + " exited during start-up");
      }
      if (healthz() && probe().isPresent()) {
        log.accept(String.format(Locale.ROOT, "milvus: healthy in %.1f s", (System.nanoTime() - t0) / 1e9));
        warmUp(deadline);
        log.accept(String.format(Locale.ROOT, "milvus: ready in %.1f s", (System.nanoTime() - t0) / 1e9));
        return status();
      }
      sleep(300);
    }
    Processes.terminate(process, Duration.ofSeconds(20));
    Processes.deleteQuietly(instance.pidFile());
    throw failure(String.format(Locale.ROOT, "not healthy within %d s; stopped it", config.startTimeout().toSeconds()));
  }

  /**
   * One strong read of every loaded collection, retried until the start deadline: after a
   * restart each collection's first read waits for its own log replay, and a read can fail
   * ("context Done") while the replay runs. Reports ready only when every such read succeeded.
   */
  private void warmUp(long deadline) {
    List<String> pending;
    try (Client c = new Client(uri(), config.startTimeout())) {
      pending = new ArrayList<>();
      for (String name : c.client.listCollections().getCollectionNames()) {
        if (Boolean.TRUE.equals(c.client.getLoadState(GetLoadStateReq.builder().collectionName(name).build()))) {
          pending.add(name);
        }
      }
      String last = "";
      while (!pending.isEmpty()) {
        String name = pending.get(0);
        try {
          c.client.query(QueryReq.builder().collectionName(name).filter("").outputFields(List.of("count(*)"))
              .consistencyLevel(ConsistencyLevel.STRONG).build());
          pending.remove(0);
        } catch (RuntimeException e) {
          last = Processes.abbreviate(String.valueOf(e.getMessage()), 200);
          if (System.nanoTime() > deadline) {
            throw failure("not ready within " + config.startTimeout().toSeconds() + " s: a strong read of collection '"
                + name + "' still fails (" + last + ")");
          }
          log.accept("milvus: collection '" + name + "' not readable yet (" + last + "); retrying");
          sleep(1000);
        }
      }
    } catch (InfrastructureException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure("not ready: listing its collections fails (" + Processes.abbreviate(String.valueOf(e.getMessage()), 200) + ")");
    }
  }

  private boolean healthz() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.healthPort()
          + "/healthz")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("OK");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Server version when a real gRPC call (list collections) succeeds. */
  Optional<String> probe() {
    if (!Processes.listening(instance.clientPort())) {
      return Optional.empty();
    }
    try (Client c = new Client(uri(), Duration.ofSeconds(5))) {
      c.client.listCollections();
      return Optional.of(c.client.getServerVersion());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A short-lived client (connect 3 s, the given deadline per call). */
  private static final class Client implements AutoCloseable {
    final MilvusClientV2 client;

    Client(String uri, Duration deadline) {
      client = new MilvusClientV2(ConnectConfig.builder().uri(uri).connectTimeoutMs(3000)
          .rpcDeadlineMs(deadline.toMillis()).build());
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private InfrastructureException failure(String what) {
    String text = Processes.readQuietly(instance.log());
    String cause = text.contains("address already in use") ? "; cause: a port is already in use" : "";
    return new InfrastructureException("milvus: start failed: " + what + cause + "\n"
        + Processes.tail(instance.log(), 25) + "\n" + Processes.tail(instance.forwarderLog(), 5));
  }

  @Override
  public java.util.OptionalLong collectionDiskBytes(List<String> storageKeys) {
    return java.util.OptionalLong.of(CollectionDisk.milvusServer(instance.dataDir(), storageKeys));
  }

  @Override
  public StoreStatus status() {
    Optional<ProcessHandle> running = running();
    List<Integer> ports = List.of(instance.clientPort(), instance.healthPort());
    String version = "Milvus " + VERSION + " standalone";
    if (running.isEmpty()) {
      return StoreStatus.notRunning(NAME, uri(), ports, version, instance.dataDir(), instance.log());
    }
    Optional<String> reported = probe();
    boolean confined = Processes.ours(instance.forwarderPidFile(), MilvusServerInstance.FORWARDER).isPresent();
    String where = confined ? "own network namespace; on the host only 127.0.0.1:" + ports.get(0) + " (gRPC) and "
        + ports.get(1) + " (health) through the forwarder"
        : "UNCONFINED: ports " + instance.clientPort() + ".." + instance.healthPort() + " on all interfaces";
    return new StoreStatus(NAME, reported.isPresent() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        uri(), ports, reported.map(v -> "Milvus " + v).orElse(version), OptionalLong.of(running.get().pid()),
        running.get().info().user().orElse(""), instance.dataDir(), instance.log(),
        (reported.isPresent() ? "gRPC listCollections ok; " : "process alive, gRPC call failed; ") + where);
  }

  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "milvus-server-" + instance.clientPort())) {
      Optional<ProcessHandle> running = running();
      long pid = running.map(ProcessHandle::pid).orElse(-1L);
      boolean stopped = Processes.stop(NAME, instance.pidFile(), running, instance.clientPort(),
          Duration.ofSeconds(20), log);
      Processes.ours(instance.forwarderPidFile(), MilvusServerInstance.FORWARDER)
          .ifPresent(f -> Processes.terminate(f, Duration.ofSeconds(5)));
      Processes.deleteQuietly(instance.forwarderPidFile());
      Processes.deleteQuietly(Path.of("/tmp/milvus/server_id_" + pid)); // left by an unconfined 2.3.5
      return stopped;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for Milvus", e);
    }
  }
}
