package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.embedded.EmbeddedOpenSearch;
import io.lensbench.stores.embedded.StoreStatus;
import io.lensbench.stores.embedded.StoresConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The store contract against a three-node OpenSearch cluster that this suite starts on scratch
 * ports (own instance folders; the cached install is reused) and stops afterwards. Collections
 * get two shards with one replica each, so every search spans nodes.
 */
class OpenSearchClusterContractTest extends RetrievalStoreContract {
  private EmbeddedOpenSearch cluster;

  @Override
  protected StoreId store() {
    return StoreId.of("opensearch-cluster");
  }

  @Override
  protected StoreConfig baseConfig() {
    if (cluster == null) {
      cluster = new EmbeddedOpenSearch(scratchConfig(), line -> { });
    }
    return StoreConfig.fromEnvironment(System.getenv())
        .withEndpoint(StoreKind.OPENSEARCH, String.join(",", cluster.urls()))
        .withLayout(new StoreLayout(2, 1));
  }

  @Override
  protected void startStore(StoreConfig config) {
    try {
      StoreStatus s = cluster.up();
      assertTrue(s.healthy() && s.detail().contains("3 node(s)"), s.describe());
    } catch (InfrastructureException e) {
      fail("precondition: a three-node OpenSearch cluster on scratch ports must start: " + e.getMessage(), e);
    }
  }

  @Override
  protected void stopStore() {
    if (cluster != null) {
      cluster.down();
      try {
        cluster.deleteInstances();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  protected boolean koreanMorphology() {
    return true;
  }

  /** Three consecutive free HTTP ports and three transport ports, from two free ports. */
  private static StoresConfig scratchConfig() {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int http = a.getLocalPort();
      int transport = b.getLocalPort();
      if (Math.abs(http - transport) < 3) {
        transport = http + 10;
      }
      StoresConfig base = StoresConfig.fromEnvironment();
      return base.withPorts(http, transport, base.milvusPort(), base.milvusLitePort())
          .withOpenSearchNodes(3).withStartTimeout(Duration.ofSeconds(300));
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
