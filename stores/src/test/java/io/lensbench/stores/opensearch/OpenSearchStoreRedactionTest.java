package io.lensbench.stores.opensearch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.Secret;
import io.lensbench.stores.Filter;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that echoes the caller's credentials in its errors (as misconfigured proxies and
 * security plugins do) — an in-process fake speaking HTTP — and the real adapter: no credential
 * reaches an exception message.
 */
class OpenSearchStoreRedactionTest {
  private static final String PASSWORD = "os-Pa55word-" + System.nanoTime();

  private HttpServer server;
  private volatile int rootStatus = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    String path = x.getRequestURI().getPath();
    if (auth == null && !x.getRequestMethod().equals("HEAD") && !(path.equals("/") && rootStatus == 200)) {
      x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
      reply(x, 401, "{\"error\":{\"reason\":\"authentication required\"}}");
    } else if (path.equals("/") && rootStatus == 200) {
      reply(x, 200, "{\"version\":{\"number\":\"fake\"}}");
    } else if (x.getRequestMethod().equals("HEAD")) {
      reply(x, 200, "");
    } else {
      reply(x, path.equals("/") ? rootStatus : 500, "{\"error\":{\"reason\":\"user admin with password " + PASSWORD
          + " may not " + path + "\",\"root_cause\":[{\"reason\":\"header Authorization: " + auth + "\"}]}}");
    }
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, x.getRequestMethod().equals("HEAD") || bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && !x.getRequestMethod().equals("HEAD")) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  private StoreConfig config() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return StoreConfig.defaults().withOpenSearch(
        new StoreConfig.OpenSearchConfig(List.of(url), "admin", Secret.ofNullable(PASSWORD), false, null, null));
  }

  @Test
  void errorRepliesNeverCarryCredentialsIntoMessages() {
    try (OpenSearchStore store = OpenSearchStore.open(StoreId.of(StoreKind.OPENSEARCH), config())) {
      List<Runnable> calls = List.of(
          () -> store.count("docs"),
          () -> store.describe("docs"),
          () -> store.knn("docs", "v", new float[] {1}, 1, Filter.NONE),
          () -> store.drop("docs"));
      for (Runnable call : calls) {
        LensBenchException e = assertThrows(LensBenchException.class, call::run);
        assertClean(e);
        assertTrue(e.getMessage().contains("opensearch (http://127.0.0.1:"), e.getMessage());
      }
    }
  }

  @Test
  void aRefusedConnectionNeverCarriesCredentialsIntoTheMessage() {
    rootStatus = 401;
    LensBenchException e = assertThrows(LensBenchException.class, () -> OpenSearchStore.open(StoreId.of(StoreKind.OPENSEARCH), config()).close());
    assertClean(e);
    assertTrue(e.getMessage().contains("server info: expected HTTP 200, found 401"), e.getMessage());
  }

  private static void assertClean(LensBenchException e) {
    String m = e.getMessage();
    assertFalse(m.contains(PASSWORD), m);
    assertFalse(m.contains("Basic YWRt"), "the basic-auth header (base64 of admin:password): " + m);
  }
}
