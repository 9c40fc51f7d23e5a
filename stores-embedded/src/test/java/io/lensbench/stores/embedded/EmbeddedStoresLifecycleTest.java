package io.lensbench.stores.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real store lifecycle (OpenSearch, the Milvus server, Milvus Lite): up, status, up again,
 * down, up, down, and a taken port. Runs on scratch
 * ports picked at start-up (own instance folders; the shared, cached installs are reused) so the
 * default-port stores other tests and developers use are never touched.
 */
class EmbeddedStoresLifecycleTest {
  private static StoresConfig scratch;
  private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void pickScratchPorts() throws IOException {
    int[] ports = new int[4];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < ports.length; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    scratch = StoresConfig.fromEnvironment().withPorts(ports[0], ports[1], ports[2], ports[3]);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (scratch == null) {
      return;
    }
    new EmbeddedStores(scratch, line -> { }).down();
    Processes.deleteTree(scratch.openSearchInstanceDir());
    Processes.deleteTree(scratch.milvusInstanceDir());
    Processes.deleteTree(scratch.milvusLiteInstanceDir());
  }

  private static EmbeddedStores stores() {
    Consumer<String> log = LOG::add;
    return new EmbeddedStores(scratch, log);
  }

  @Test
  void upStatusDownUpDown() throws Exception {
    EmbeddedStores stores = stores();

    List<StoreStatus> first = stores.up();
    assertEquals(3, first.size());
    for (StoreStatus s : first) {
      assertTrue(s.healthy(), s.describe());
      assertTrue(s.pid().isPresent(), s.describe());
    }
    StoreStatus os = first.get(0);
    assertEquals("opensearch", os.store());
    assertTrue(os.detail().contains("opensearch-knn") && os.detail().contains("lensbench-nori")
        && os.detail().contains("lang-painless"), os.detail());
    assertEquals("2.19.1", os.version());
    if (Processes.isRoot()) {
      for (StoreStatus s : first) {
        assertEquals(scratch.serviceUser(), s.user(), s.store() + " must not run as root");
      }
      assertTrue(first.get(1).detail().contains("own network namespace"), first.get(1).detail());
    }
    assertEquals("milvus", first.get(1).store());
    assertTrue(first.get(1).version().contains("2.3.5"), first.get(1).version());
    assertEquals("milvus-lite", first.get(2).store());
    assertTrue(first.get(2).version().contains("3.2.2"), first.get(2).version());
    assertEquals(scratch.openSearchInstanceDir().resolve("data"), os.dataDir());

    // a document written now must survive the restart below
    HttpClient http = HttpClient.newHttpClient();
    String index = stores.openSearch().url() + "/lifecycle-probe";
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(index))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, created.statusCode(), created.body());

    LOG.clear();
    List<StoreStatus> again = stores.up();
    assertEquals(first.get(0).pid(), again.get(0).pid(), "second up must not start a new node");
    assertEquals(first.get(1).pid(), again.get(1).pid(), "second up must not start a new Milvus server");
    assertEquals(first.get(2).pid(), again.get(2).pid(), "second up must not start a new Milvus Lite");
    assertTrue(LOG.stream().filter(l -> l.contains("already running")).count() == 3, LOG.toString());

    assertEquals(3, stores.down());
    for (StoreStatus s : stores.status()) {
      assertEquals(StoreStatus.State.STOPPED, s.state(), s.describe());
    }
    for (StoreStatus s : first) {
      assertFalse(ProcessHandle.of(s.pid().getAsLong()).map(ProcessHandle::isAlive).orElse(false),
          "pid " + s.pid() + " still alive after down");
    }
    assertFalse(Files.exists(scratch.openSearchInstanceDir().resolve("opensearch.pid")));
    assertEquals(0, stores.down(), "down with nothing running stops nothing");
    if (Processes.isRoot()) {
      // a Milvus data folder deleted by hand and re-created by root is handed back to the service
      // user on the next up (once, the server died at start-up: etcd.data permission denied)
      Path data = new MilvusServerInstance(scratch, line -> { }).dataDir();
      Processes.deleteTree(data);
      Files.createDirectories(data);
    }

    List<StoreStatus> restarted = stores.up();
    restarted.forEach(s -> assertTrue(s.healthy(), s.describe()));
    HttpResponse<String> kept = http.send(HttpRequest.newBuilder(URI.create(index)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, kept.statusCode(), "index made before the restart: " + kept.body());

    assertEquals(3, stores.down());
  }

  @Test
  void takenPortFailsBeforeStartingAndNamesThePort() throws IOException {
    EmbeddedStores stores = stores();
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), scratch.openSearchHttpPort()));
      InfrastructureException e = assertThrows(InfrastructureException.class, () -> stores.openSearch().up());
      assertTrue(e.getMessage().contains("127.0.0.1:" + scratch.openSearchHttpPort()), e.getMessage());
      assertTrue(e.getMessage().contains("already in use"), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertEquals(StoreStatus.State.PORT_TAKEN, stores.openSearch().status().state());
    }
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), scratch.milvusPort()));
      InfrastructureException e = assertThrows(InfrastructureException.class, () -> stores.milvus().up());
      assertTrue(e.getMessage().contains("127.0.0.1:" + scratch.milvusPort()), e.getMessage());
      assertTrue(e.getMessage().contains("LENSBENCH_MILVUS_PORT"), e.getMessage());
    }
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), scratch.milvusLitePort()));
      InfrastructureException e = assertThrows(InfrastructureException.class, () -> stores.milvusLite().up());
      assertTrue(e.getMessage().contains("127.0.0.1:" + scratch.milvusLitePort()), e.getMessage());
      assertTrue(e.getMessage().contains("LENSBENCH_MILVUS_LITE_PORT"), e.getMessage());
    }
    assertFalse(Files.exists(scratch.openSearchInstanceDir().resolve("opensearch.pid")));
    assertFalse(Files.exists(scratch.milvusInstanceDir().resolve("milvus.pid")));
    assertFalse(Files.exists(scratch.milvusLiteInstanceDir().resolve("milvus.pid")));
  }
}
