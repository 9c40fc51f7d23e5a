package io.lensbench.encoders;

import io.lensbench.testkit.FakeEmbeddingsServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.InfrastructureException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingsEncoderTest {
  FakeEmbeddingsServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeEmbeddingsServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  OpenAiEmbeddingsEncoder client(int batch, int retries) {
    return new OpenAiEmbeddingsEncoder(
        OpenAiEmbeddingsEncoder.Config.of(server.baseUrl(), "fake-embed")
            .withApiKey("sk-test-123").withBatchSize(batch).withRetries(retries)
            .withTimeout(Duration.ofSeconds(1)));
  }

  @Test
  void batchesKeepsOrderAndNormalises() {
    try (OpenAiEmbeddingsEncoder enc = client(2, 0)) {
      List<String> texts = List.of("red dress", "blue jeans", "red dress women", "watch", "bag");
      List<float[]> v = enc.embed(texts, TextEncoder.Role.PASSAGE);
      assertEquals(5, v.size());
      assertEquals(3, server.requests(), "5 texts in batches of 2");
      assertEquals(FakeEmbeddingsServer.DIM, enc.dimension());
      for (int i = 0; i < texts.size(); i++) {
        float[] expected = Vectors.normalizeInPlace(FakeEmbeddingsServer.hashEmbed(texts.get(i)));
        assertEquals(1.0, Vectors.dot(expected, v.get(i)), 1e-5, "text " + i + " out of order");
      }
      assertEquals("Bearer sk-test-123", server.lastAuthorization());
      assertTrue(enc.id().startsWith("openai-embeddings:fake-embed@127.0.0.1:"));
    }
  }

  @Test
  void noKeyNoHeaderAndKeyNeverInToString() {
    var cfg = OpenAiEmbeddingsEncoder.Config.of(server.baseUrl() + "/v1", "m").withApiKey(null);
    try (OpenAiEmbeddingsEncoder enc = new OpenAiEmbeddingsEncoder(cfg)) {
      enc.embed(List.of("x"), TextEncoder.Role.QUERY);
      assertNull(server.lastAuthorization());
      assertTrue(enc.endpoint().toString().endsWith("/v1/embeddings"));
    }
    assertTrue(!cfg.withApiKey("sk-secret").toString().contains("sk-secret"));
  }

  @Test
  void http500IsAClearInfrastructureError() {
    server.script(FakeEmbeddingsServer.Fault.HTTP_500);
    try (OpenAiEmbeddingsEncoder enc = client(8, 2)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("expected HTTP 200, found HTTP 500"), e.getMessage());
      assertTrue(e.getMessage().contains("scripted internal error"), e.getMessage());
      assertEquals(1, server.requests(), "500 is not retried");
    }
  }

  @Test
  void transient503IsRetried() {
    server.script(FakeEmbeddingsServer.Fault.HTTP_503);
    try (OpenAiEmbeddingsEncoder enc = client(8, 2)) {
      assertEquals(1, enc.embed(List.of("a"), TextEncoder.Role.QUERY).size());
      assertEquals(2, server.requests());
    }
  }

  @Test
  void malformedJsonIsReported() {
    server.script(FakeEmbeddingsServer.Fault.MALFORMED_JSON);
    try (OpenAiEmbeddingsEncoder enc = client(8, 0)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a", "b"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }
  }

  @Test
  void wrongCountIsReported() {
    server.script(FakeEmbeddingsServer.Fault.WRONG_COUNT);
    try (OpenAiEmbeddingsEncoder enc = client(8, 0)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a", "b", "c"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("expected 3 embeddings (one per input), found 2"),
          e.getMessage());
    }
  }

  @Test
  void timeoutIsReported() {
    server.script(FakeEmbeddingsServer.Fault.SLOW);
    try (OpenAiEmbeddingsEncoder enc = client(8, 0)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("no response within 1000 ms"), e.getMessage());
    }
  }

  @Test
  void theDeadlineCoversTheBodyAndTheBodyIsCapped() throws Exception {
    try (io.lensbench.testkit.FaultyHttpServer stall = new io.lensbench.testkit.FaultyHttpServer(
            i -> io.lensbench.testkit.FaultyHttpServer.Behaviour.stallAfterHeaders());
        OpenAiEmbeddingsEncoder enc = new OpenAiEmbeddingsEncoder(
            OpenAiEmbeddingsEncoder.Config.of(stall.baseUrl().replace("http://", "http://u:pw-123@"), "m")
                .withRetries(0).withTimeout(Duration.ofMillis(500)))) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("no response within 500 ms"), e.getMessage());
      assertTrue(!e.getMessage().contains("pw-123") && e.getMessage().contains("http://****@127.0.0.1"),
          e.getMessage());
    }
    try (io.lensbench.testkit.FaultyHttpServer endless = new io.lensbench.testkit.FaultyHttpServer(
            i -> io.lensbench.testkit.FaultyHttpServer.Behaviour.endlessBody());
        OpenAiEmbeddingsEncoder enc = new OpenAiEmbeddingsEncoder(
            OpenAiEmbeddingsEncoder.Config.of(endless.baseUrl(), "m").withRetries(2)
                .withTimeout(Duration.ofSeconds(120)))) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> enc.embed(List.of("a"), TextEncoder.Role.QUERY));
      assertTrue(e.getMessage().contains("expected a response body of at most 268,435,456 bytes"),
          e.getMessage());
      assertEquals(1, endless.connections(), "a body over the cap is not retried");
    }
  }
}
