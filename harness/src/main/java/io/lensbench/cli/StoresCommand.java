package io.lensbench.cli;

import io.lensbench.core.BadInputException;
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

/**
 * {@code lensbench stores up | down | status [opensearch|milvus|milvus-lite|all]}: the embedded
 * OpenSearch node or cluster, the Milvus server and Milvus Lite.
 */
@Command(
    name = "stores",
    mixinStandardHelpOptions = true,
    description = {
      "Embedded stores on 127.0.0.1: opensearch (OpenSearch 2.19.1 with k-NN and Nori; one node or a cluster), milvus (the Milvus 2.3.5 standalone server) and milvus-lite (Milvus Lite 3.2.2).",
      "Ports: OpenSearch HTTP 19200+i / transport 19300+i for node i, Milvus server 19730 (and 19731-19740 inside its own network namespace; health 19740), Milvus Lite 19530 (LENSBENCH_OPENSEARCH_PORT, LENSBENCH_OPENSEARCH_TRANSPORT_PORT, LENSBENCH_OPENSEARCH_NODES, LENSBENCH_MILVUS_PORT, LENSBENCH_MILVUS_LITE_PORT).",
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
      description = "Milvus server client port (overrides LENSBENCH_MILVUS_PORT; default 19730; it takes 11 ports).")
  Integer milvusPort;

  @Option(names = "--milvus-lite-port", paramLabel = "PORT", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Milvus Lite port (overrides LENSBENCH_MILVUS_LITE_PORT; default 19530).")
  Integer milvusLitePort;

  @Option(names = "--opensearch-nodes", paramLabel = "N", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "OpenSearch nodes (overrides LENSBENCH_OPENSEARCH_NODES; default 1): node i on HTTP and "
          + "transport port + i, one cluster.")
  Integer openSearchNodes;

  /** The stores a subcommand can act on. */
  static final List<String> WHICH = List.of("opensearch", "milvus", "milvus-lite", "all");

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.BAD_INPUT.code();
  }

  static List<EmbeddedStore> select(EmbeddedStores stores, String which) {
    if (!WHICH.contains(which)) {
      throw new BadInputException("stores: expected one of " + WHICH + ", found '" + which + "'");
    }
    List<EmbeddedStore> out = new ArrayList<>();
    for (EmbeddedStore s : stores.all()) {
      if (which.equals("all") || s.name().equals(which)) {
        out.add(s);
      }
    }
    return out;
  }

  EmbeddedStores stores(PrintWriter out, Integer timeoutSeconds) {
    StoresConfig config = StoresConfig.fromEnvironment();
    if (openSearchPort != null || transportPort != null || milvusPort != null || milvusLitePort != null) {
      int http = openSearchPort != null ? openSearchPort : config.openSearchHttpPort();
      int transport = transportPort != null ? transportPort
          : openSearchPort != null && openSearchPort != StoresConfig.DEFAULT_OPENSEARCH_HTTP_PORT
              ? openSearchPort + 100 : config.openSearchTransportPort();
      config = config.withPorts(http, transport, milvusPort != null ? milvusPort : config.milvusPort(),
          milvusLitePort != null ? milvusLitePort : config.milvusLitePort());
    }
    if (openSearchNodes != null) {
      config = config.withOpenSearchNodes(openSearchNodes);
    }
    if (timeoutSeconds != null) {
      config = config.withStartTimeout(Duration.ofSeconds(timeoutSeconds));
    }
    return new EmbeddedStores(config, line -> {
      out.println(line);
      out.flush();
    });
  }

  /** What every subcommand has: the parent's options and which stores it acts on. */
  abstract static class OnStores implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand StoresCommand parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "all",
        description = "Which stores: opensearch, milvus (the server), milvus-lite or all (default).")
    String which;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    List<EmbeddedStore> selected(Integer timeout) {
      return select(parent.stores(out(), timeout), which);
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Installs (cached) and starts the stores unless running; waits until they are healthy.")
  static final class Up extends OnStores {
    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "Seconds to wait for each store to become healthy (default 180).")
    Integer timeout;

    @Override
    public Integer call() {
      PrintWriter out = out();
      long t0 = System.nanoTime();
      List<String> failures = new ArrayList<>();
      for (EmbeddedStore s : selected(timeout)) {
        try {
          long t1 = System.nanoTime();
          StoreStatus st = s.up();
          out.println(st.describe());
          out.printf(Locale.ROOT, "%s: up in %.1f s%n", s.name(), (System.nanoTime() - t1) / 1e9);
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
  static final class Down extends OnStores {
    @Override
    public Integer call() {
      for (EmbeddedStore s : selected(null)) {
        s.down();
      }
      out().flush();
      return ExitCode.OK.code();
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Prints versions, ports, pids, data folders and health. Exit 0 when every selected "
          + "store is healthy, 3 otherwise.")
  static final class Status extends OnStores {
    @Override
    public Integer call() {
      PrintWriter out = out();
      boolean healthy = true;
      for (EmbeddedStore s : selected(null)) {
        StoreStatus st = s.status();
        out.println(st.describe());
        healthy &= st.healthy();
      }
      out.flush();
      return healthy ? ExitCode.OK.code() : ExitCode.INFRASTRUCTURE.code();
    }
  }
}
