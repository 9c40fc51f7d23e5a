package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The contract suite's precondition: the store it tests must answer. A test that cannot run fails
 * naming this precondition; it never passes silently.
 */
final class StorePrecondition {
  private StorePrecondition() {}

  static void ensureRunning(String store, StoreConfig config) {
    String url = store.equals("milvus") ? config.milvus().uri() : config.opensearch().urls().get(0);
    boolean embedded = store.equals("milvus") ? config.milvus().isEmbedded() : config.opensearch().isEmbedded();
    URI u = URI.create(url);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 3000);
    } catch (IOException e) {
      fail("precondition: " + store + " must be running at " + url + " for the store contract suite ("
          + e.getMessage() + ")" + (embedded ? "; " + StoreConfig.START_HINT : "; check LENSBENCH_* store settings"));
    }
  }
}
