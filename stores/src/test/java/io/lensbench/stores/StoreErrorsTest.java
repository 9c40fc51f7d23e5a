package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Secret;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one message shape and the one redaction of credentials every adapter uses. */
class StoreErrorsTest {
  private static final String TOKEN = "root:Milvus-S3cret";
  private static final String PASSWORD = "os-Pa55word";

  private static final StoreConfig CONFIG =
      StoreConfig.defaults()
          .withMilvus(new StoreConfig.MilvusConfig("https://milvus.example:443", Secret.ofNullable(TOKEN), "root",
              Secret.ofNullable("Milvus-S3cret"), null))
          .withOpenSearch(new StoreConfig.OpenSearchConfig(List.of("https://os1:9200", "https://os2:9200"), "admin",
              Secret.ofNullable(PASSWORD), false, null, Secret.ofNullable("trust-Pa55")));

  private static StoreErrors errors(StoreKind kind) {
    return new StoreErrors(kind, CONFIG, e -> e instanceof ConnectException || e.getCause() instanceof ConnectException);
  }

  @Test
  void configuredSecretsAreHiddenWhereverTheyAppear() {
    StoreErrors os = errors(StoreKind.OPENSEARCH);
    assertEquals("auth failed for admin/**** (keystore ****)", os.redact("auth failed for admin/" + PASSWORD + " (keystore trust-Pa55)"));
    StoreErrors milvus = errors(StoreKind.MILVUS);
    assertEquals("bad credentials ****, or ****", milvus.redact("bad credentials " + TOKEN + ", or Milvus-S3cret"));
  }

  @Test
  void credentialShapesAreHiddenEvenWhenNotConfigured() {
    StoreErrors e = errors(StoreKind.OPENSEARCH);
    assertEquals("GET https://****@host:9200/x", e.redact("GET https://bob:hunter2@host:9200/x"));
    assertEquals("token=**** rejected", e.redact("token=abc123 rejected"));
    assertEquals("{\"password\": \"****\"}", e.redact("{\"password\": \"p4ss\"}"));
    assertEquals("Authorization: Basic ****", e.redact("Authorization: Basic YWRtaW46c2VjcmV0"));
    assertEquals("header Bearer **** expired", e.redact("header Bearer eyJhbGciOi.J9x expired"));
    assertEquals("api_key: ****", e.redact("api_key: sk-123"));
    String plain = "opensearch (http://127.0.0.1:19200) collection 'x': tokenizer: standard";
    assertEquals(plain, e.redact(plain), "ordinary messages stay as they are");
  }

  @Test
  void oneShapeForUnreachableStores() {
    InfrastructureException e = errors(StoreKind.OPENSEARCH)
        .unreachable("GET /", new ConnectException("Connection refused by " + PASSWORD));
    assertEquals("opensearch at https://os1:9200,https://os2:9200 is unreachable (GET /): expected an OpenSearch "
        + "node answering HTTP, found: Connection refused by ****", e.getMessage());
  }

  @Test
  void engineFailuresAreWrappedNamingWhereAndWhat() {
    StoreErrors e = errors(StoreKind.MILVUS);
    RuntimeException failed = e.wrap("fashion", "flush", new IllegalStateException("server said token: " + TOKEN,
        new RuntimeException("cause")));
    assertInstanceOf(InfrastructureException.class, failed);
    assertEquals("milvus (https://milvus.example:443) collection 'fashion': flush failed: server said token: **** / cause",
        failed.getMessage());
    RuntimeException down = e.wrap("fashion", "count", new RuntimeException(new ConnectException("refused")));
    assertTrue(down.getMessage().startsWith("milvus at https://milvus.example:443 is unreachable (count, collection 'fashion')"),
        down.getMessage());
  }

  @Test
  void lensBenchExceptionsKeepTheirTypeAndLoseTheirCredentials() {
    StoreErrors e = errors(StoreKind.OPENSEARCH);
    BadInputException clean = new BadInputException("where: expected X, found Y");
    assertSame(clean, e.wrap("c", "create", clean));
    RuntimeException bad = e.wrap("c", "create", new BadInputException("rejected " + PASSWORD));
    assertInstanceOf(BadInputException.class, bad);
    assertEquals("rejected ****", bad.getMessage());
    RuntimeException infra = e.onOpen(new InfrastructureException("node says " + PASSWORD));
    assertInstanceOf(InfrastructureException.class, infra);
    assertFalse(infra.getMessage().contains(PASSWORD), infra.getMessage());
    assertTrue(e.onOpen(new IllegalStateException("boom")).getMessage().contains("is unreachable (connect)"));
  }

  @Test
  void rootMessagesJoinDistinctCausesWithinALimit() {
    assertEquals("a / b", StoreErrors.rootMessage(new RuntimeException("a", new RuntimeException("b", new RuntimeException("a")))));
    assertEquals("ConnectException", StoreErrors.rootMessage(new ConnectException()));
    String longText = "x".repeat(2000);
    assertTrue(StoreErrors.rootMessage(new RuntimeException(longText, new RuntimeException("tail"))).length() <= 2000);
    assertFalse(StoreErrors.rootMessage(new RuntimeException(longText, new RuntimeException("tail"))).contains("tail"));
  }
}
