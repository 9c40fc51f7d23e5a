package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.fail;

import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The contract suite's precondition: the store it tests must answer. The embedded stores are
 * started when needed ({@link EmbeddedStores#ensureRunning()}); an external store (LENSBENCH_*
 * URLs) must already run. A test that cannot run fails naming this precondition; it never passes
 * silently.
 */
final class StorePrecondition {
  private StorePrecondition() {}

  static void ensureRunning(StoreId id, StoreConfig config) {
    StoreKind store = id.kind();
    String url = config.address(store).split(",")[0];
    if (config.isEmbedded(store)) {
      try {
        EmbeddedStores.ensureRunning(java.util.List.of(id.name()));
      } catch (InfrastructureException e) {
        fail("precondition: the embedded " + store + " store at " + url
            + " must be running for the store contract suite, and starting it failed: " + e.getMessage(), e);
      }
      return;
    }
    URI u = URI.create(url);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 3000);
    } catch (IOException e) {
      fail("precondition: " + store + " must be running at " + url + " for the store contract suite ("
          + e.getMessage() + "); check the LENSBENCH_* store settings");
    }
  }
}
