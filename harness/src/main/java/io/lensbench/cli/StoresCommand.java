package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.embedded.EmbeddedStore;
import io.lensbench.stores.embedded.EmbeddedStores;
import io.lensbench.stores.embedded.StoreStatus;
import io.lensbench.stores.embedded.StoresConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lensbench stores up | down | status}: the embedded OpenSearch node and Milvus Lite. */
@Command(
    name = "stores",
    mixinStandardHelpOptions = true,
    description = {
      "Embedded OpenSearch 2.19.1 (k-NN, Nori) and Milvus Lite 3.2.2 on 127.0.0.1.",
      "Ports: OpenSearch HTTP 19200 / transport 19300, Milvus 19530 (LENSBENCH_OPENSEARCH_PORT, LENSBENCH_OPENSEARCH_TRANSPORT_PORT, LENSBENCH_MILVUS_PORT).",
      "Files live under LENSBENCH_HOME (default: ~/.lensbench)."
    },
    subcommands = {StoresCommand.Up.class, StoresCommand.Down.class, StoresCommand.Status.class})
public final class StoresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--opensearch-port", paramLabel = "PORT", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "OpenSearch HTTP port (overrides LENSBENCH_OPENSEARCH_PORT; default 19200).")
  Integer openSearchPort;

  @Option(names = "--opensearch-transport-port", paramLabel = "PORT", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "OpenSearch transport port (default 19300, or HTTP port + 100 when that is moved).")
  Integer transportPort;

  @Option(names = "--milvus-port", paramLabel = "PORT", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Milvus Lite port (overrides LENSBENCH_MILVUS_PORT; default 19530).")
  Integer milvusPort;

  /** Which store a subcommand acts on. */
  enum Which {
    opensearch,
    milvus,
    all
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.BAD_INPUT.code();
  }

  static List<EmbeddedStore> select(EmbeddedStores stores, Which which) {
    List<EmbeddedStore> out = new ArrayList<>();
    for (EmbeddedStore s : stores.all()) {
      if (which == Which.all || s.name().equals(which.name())) {
        out.add(s);
      }
    }
    return out;
  }

  EmbeddedStores stores(PrintWriter out, Integer timeoutSeconds) {
    StoresConfig config = StoresConfig.fromEnvironment();
    if (openSearchPort != null || transportPort != null || milvusPort != null) {
      int http = openSearchPort != null ? openSearchPort : config.openSearchHttpPort();
      int transport = transportPort != null ? transportPort
          : openSearchPort != null && openSearchPort != StoresConfig.DEFAULT_OPENSEARCH_HTTP_PORT
              ? openSearchPort + 100 : config.openSearchTransportPort();
      config = config.withPorts(http, transport, milvusPort != null ? milvusPort : config.milvusPort());
    }
    if (timeoutSeconds != null) {
      config = config.withStartTimeout(Duration.ofSeconds(timeoutSeconds));
    }
    return new EmbeddedStores(config, line -> {
      out.println(line);
      out.flush();
    });
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Installs (cached) and starts the stores unless running; waits until they are healthy.")
  static final class Up implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand StoresCommand parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", description = "Which stores: opensearch, milvus or all (default).")
    Which which;

    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "Seconds to wait for each store to become healthy (default 180).")
    Integer timeout;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      EmbeddedStores stores = parent.stores(out, timeout);
      long t0 = System.nanoTime();
      List<String> failures = new ArrayList<>();
      for (EmbeddedStore s : select(stores, which)) {
        try {
          StoreStatus st = s.up();
          out.println(st.describe());
        } catch (InfrastructureException e) {
          failures.add(e.getMessage());
        }
        out.flush();
      }
      if (!failures.isEmpty()) {
        throw new InfrastructureException(String.join(String.format(Locale.ROOT, "%n"), failures));
      }
      out.printf(Locale.ROOT, "stores up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      return ExitCode.OK.code();
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stops the store processes LensBench started (by pid file, never by name).")
  static final class Down implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand StoresCommand parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", description = "Which stores: opensearch, milvus or all (default).")
    Which which;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      EmbeddedStores stores = parent.stores(out, null);
      for (EmbeddedStore s : select(stores, which)) {
        s.down();
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Prints versions, ports, pids, data folders and health. Exit 0 when every selected "
          + "store is healthy, 3 otherwise.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand StoresCommand parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", description = "Which stores: opensearch, milvus or all (default).")
    Which which;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      EmbeddedStores stores = parent.stores(out, null);
      boolean healthy = true;
      for (EmbeddedStore s : select(stores, which)) {
        StoreStatus st = s.status();
        out.println(st.describe());
        healthy &= st.healthy();
      }
      out.flush();
      return healthy ? ExitCode.OK.code() : ExitCode.INFRASTRUCTURE.code();
    }
  }
}
