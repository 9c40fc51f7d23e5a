package io.lensbench.stores.milvus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Secret;
import io.lensbench.stores.Filter;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreErrors;
import io.lensbench.stores.StoreKind;
import java.net.ConnectException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Message and expression building that the live contract suite cannot force (embedded store up). */
class MilvusStoreMessagesTest {

  private static StoreErrors errors(StoreConfig.MilvusConfig m) {
    return new StoreErrors(StoreKind.MILVUS, StoreConfig.defaults().withMilvus(m), MilvusConnection::isConnectionFailure);
  }

  @Test
  void unreachableEmbeddedStoreSaysHowToStartIt() {
    InfrastructureException e =
        errors(StoreConfig.MilvusConfig.embedded()).unreachable("connect", new ConnectException("Connection refused"));
    assertTrue(e.getMessage().contains("http://127.0.0.1:19730"), e.getMessage());
    assertTrue(e.getMessage().endsWith("start it with: ./lensbench stores up"), e.getMessage());
    InfrastructureException lite = errors(new StoreConfig.MilvusConfig(StoreConfig.EMBEDDED_MILVUS_LITE_URI, null,
        null, null, null)).unreachable("connect", new ConnectException("Connection refused"));
    assertTrue(lite.getMessage().endsWith("start it with: ./lensbench stores up"), lite.getMessage());
  }

  @Test
  void unreachableMessageRedactsCredentials() {
    StoreConfig.MilvusConfig m =
        new StoreConfig.MilvusConfig("https://cloud:443", Secret.ofNullable("tok"), null, null, null);
    InfrastructureException e =
        errors(m).unreachable("connect", new RuntimeException("UNAUTHENTICATED: token=abc123 rejected"));
    assertFalse(e.getMessage().contains("abc123"), e.getMessage());
    assertFalse(e.getMessage().contains("stores up"), e.getMessage());
  }

  @Test
  void grpcUnavailableIsAConnectionFailure() {
    assertTrue(MilvusConnection.isConnectionFailure(new RuntimeException("wrapped", Status.UNAVAILABLE.asRuntimeException())));
    assertTrue(MilvusConnection.isConnectionFailure(new ConnectException("Connection refused")));
    assertFalse(MilvusConnection.isConnectionFailure(new RuntimeException("collection not loaded")));
  }

  @Test
  void filterExpressionsQuoteStrings() {
    assertEquals("", MilvusRequests.expression(Filter.NONE));
    assertEquals(
        "colour == \"r\\\"ed\\\\\" and size == 3 and id not in [\"a\", \"b\"]",
        MilvusRequests.expression(new Filter(Map.of("size", 3, "colour", "r\"ed\\"), Set.of("b", "a"))));
  }
}
