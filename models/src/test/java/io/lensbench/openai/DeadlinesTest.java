package io.lensbench.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.testkit.FaultyHttpServer;
import io.lensbench.testkit.FaultyHttpServer.Behaviour;
import io.lensbench.testkit.PngBomb;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat client's deadline covers the whole response: a server that sends headers and then
 * stalls, or a body that never ends, costs one deadline (or the body cap), the connection is
 * dropped and the concurrency slot comes back. Credentials in the base URL never reach a message.
 */
class DeadlinesTest {
  private static final String ANSWER = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";

  @TempDir Path tmp;

  private static OpenAiConfig config(String baseUrl, int concurrency) {
    return new OpenAiConfig(baseUrl, "m", null, Duration.ofMillis(500), concurrency, 0,
        Duration.ofMillis(10), Duration.ofMillis(10), ResponseFormatMode.NONE);
  }

  private static ChatRequest hello() {
    return new ChatRequest(List.of(ChatMessage.user("hello")), null, null, 0.0, 16);
  }

  private static OpenAiChatClient client(FaultyHttpServer server, int concurrency) {
    return new OpenAiChatClient(config(server.baseUrl(), concurrency), k -> null, d -> { });
  }

  private static FaultyHttpServer server(IntFunction<Behaviour> script) throws Exception {
    return new FaultyHttpServer(script);
  }

  /** Waits (up to 10 s) for the server to see {@code n} connections dropped by the client. */
  private static void awaitDropped(FaultyHttpServer s, int n) throws InterruptedException {
    for (int i = 0; i < 200 && s.dropped() < n; i++) {
      Thread.sleep(50);
    }
    assertEquals(n, s.dropped(), "connections the client let go of");
  }

  @Test
  void headersThenSilenceEndsAtTheDeadlineAndTheSlotComesBack() throws Exception {
    try (FaultyHttpServer s = server(i -> i == 0 ? Behaviour.stallAfterHeaders() : Behaviour.answer(ANSWER));
        OpenAiChatClient c = client(s, 1)) {
      long t0 = System.nanoTime();
      ChatCallException e = assertThrows(ChatCallException.class, () -> c.complete(hello()));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(ChatCallException.Kind.TIMEOUT, e.kind());
      assertTrue(e.getMessage().contains("no response within 500 ms"), e.getMessage());
      assertTrue(ms < 10_000, "ended at the deadline, not when the server gave up: " + ms + " ms");
      assertEquals(1, c.freeSlots(), "the only slot is free again");
      awaitDropped(s, 1);
      assertEquals("ok", c.complete(hello()).content(), "the next call gets the slot and an answer");
      assertEquals(1, c.freeSlots());
    }
  }

  @Test
  void anEndlessBodyStopsAtTheCap() throws Exception {
    try (FaultyHttpServer s = server(i -> Behaviour.endlessBody());
        OpenAiChatClient c = new OpenAiChatClient(config(s.baseUrl(), 2).withTimeout(Duration.ofSeconds(60)),
            k -> null, d -> { })) {
      ChatCallException e = assertThrows(ChatCallException.class, () -> c.complete(hello()));
      assertEquals(ChatCallException.Kind.BAD_RESPONSE, e.kind());
      assertTrue(e.getMessage().contains("expected a response body of at most 16,777,216 bytes"),
          e.getMessage());
      assertEquals(2, c.freeSlots());
      awaitDropped(s, 1);
    }
  }

  @Test
  void slotsComeBackAfterConcurrentTimeouts() throws Exception {
    try (FaultyHttpServer s = server(i -> Behaviour.stallAfterHeaders());
        OpenAiChatClient c = client(s, 2)) {
      List<Thread> threads = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread t = new Thread(() -> assertThrows(ChatCallException.class, () -> c.complete(hello())));
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join(30_000);
        assertFalse(t.isAlive(), "every call ended");
      }
      assertEquals(2, c.freeSlots());
      awaitDropped(s, 4);
    }
  }

  @Test
  void aCredentialInTheBaseUrlNeverReachesAMessage() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    OpenAiConfig cfg = config("http://user:s3cret-pw@127.0.0.1:" + closed + "/v1", 1);
    assertFalse(cfg.toString().contains("s3cret-pw"), cfg.toString());
    try (OpenAiChatClient c = new OpenAiChatClient(cfg, k -> null, d -> { })) {
      assertFalse(c.toString().contains("s3cret-pw"), c.toString());
      InfrastructureException e = assertThrows(InfrastructureException.class, () -> c.complete(hello()));
      assertTrue(e.getMessage().contains("cannot connect to http://****@127.0.0.1:" + closed), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
    }
    try (FaultyHttpServer s = server(i -> Behaviour.stallAfterHeaders());
        OpenAiChatClient c = new OpenAiChatClient(config(s.baseUrl().replace("http://", "http://u:s3cret-pw@"), 1),
            k -> null, d -> { })) {
      ChatCallException e = assertThrows(ChatCallException.class, () -> c.complete(hello()));
      assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
      assertTrue(e.getMessage().contains("http://****@127.0.0.1:" + s.port()), e.getMessage());
    }
  }

  @Test
  void aDecompressionBombIsRefusedBeforeAnythingIsSent() throws Exception {
    Path bomb = PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    BadInputException e = assertThrows(BadInputException.class, () -> ContentPart.imageFile(bomb));
    assertTrue(e.getMessage().contains("too many pixels") && e.getMessage().contains(bomb.toString()),
        e.getMessage());
  }
}
