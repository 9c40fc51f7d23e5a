package io.lensbench.openai;

import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {

  static OpenAiConfig config(FakeOpenAiServer fake, int retries) {
    return new OpenAiConfig(fake.baseUrl(), "fake-vlm", null, Duration.ofSeconds(60), 2, retries,
        Duration.ofMillis(100), Duration.ofSeconds(3), ResponseFormatMode.NONE);
  }

  static ChatRequest hello() {
    return new ChatRequest(List.of(ChatMessage.user("hello")), null, null, 0.0, 16);
  }

  @Test
  void answerUsageAndFinishReasonAreRead() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(
            req -> FakeReply.truncated("partial").tokens(7, 3));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, 0), k -> null, d -> { })) {
      ChatResponse r = client.complete(hello());
      assertEquals("partial", r.content());
      assertEquals("length", r.finishReason());
      assertEquals(new Usage(7, 3), r.usage());
      assertEquals(1, r.stats().attempts());
      assertEquals(0, r.stats().retries());
      assertEquals("hello", fake.requests().get(0).body().path("messages").get(0)
          .path("content").asText(), "text-only messages are sent as plain strings");
    }
  }

  @Test
  void contentAsAnArrayOfPartsIsJoined() throws Exception {
    String body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
        + "{\"type\":\"text\",\"text\":\"b\"}]},\"finish_reason\":\"stop\"}]}";
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.raw(body));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, 0), k -> null, d -> { })) {
      ChatResponse r = client.complete(hello());
      assertEquals("ab", r.content());
      assertEquals(Usage.NONE, r.usage(), "no usage object: zero tokens");
    }
  }

  @Test
  void aBodyThatIsNotAChatCompletionIsABadResponse() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(
            req -> FakeReply.raw("{\"detail\":\"not found\"}"));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, 2), k -> null, d -> { })) {
      ChatCallException e = assertThrows(ChatCallException.class, () -> client.complete(hello()));
      assertEquals(ChatCallException.Kind.BAD_RESPONSE, e.kind());
      assertTrue(e.getMessage().contains("expected choices[0].message.content"), e.getMessage());
      assertTrue(e.getMessage().contains("not found"), "found part of the message");
      assertEquals(1, fake.requests().size(), "a 200 is not retried");
    }
  }

  @Test
  void clientErrorsOtherThan429AreNotRetried() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(
            req -> FakeReply.status(400, Map.of()));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, 3), k -> null, d -> { })) {
      ChatCallException e = assertThrows(ChatCallException.class, () -> client.complete(hello()));
      assertEquals(ChatCallException.Kind.HTTP_ERROR, e.kind());
      assertEquals(400, e.status());
      assertEquals(1, e.stats().httpErrors());
      assertEquals(0, e.stats().retries());
      assertEquals(1, fake.requests().size());
    }
  }

  @Test
  void backoffDoublesAndIsCappedAndRetryAfterWins() throws Exception {
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> switch (req.index()) {
      case 0, 1, 2 -> FakeReply.status(502, Map.of());
      case 3 -> FakeReply.status(429, Map.of("Retry-After", "60"));
      default -> FakeReply.answer("ok");
    });
        OpenAiChatClient client = new OpenAiChatClient(config(fake, 5), k -> null,
            sleeps::add)) {
      ChatResponse r = client.complete(hello());
      assertEquals("ok", r.content());
      assertEquals(4, r.stats().retries());
      assertEquals(4, r.stats().httpErrors());
      assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
          Duration.ofSeconds(3)), sleeps, "100, 200, 400 ms, then Retry-After 60 s capped at 3 s");
    }
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    assertEquals(Duration.ofSeconds(2), OpenAiChatClient.parseRetryAfter(Optional.of("2")));
    assertEquals(Duration.ofMillis(1500), OpenAiChatClient.parseRetryAfter(Optional.of("1.5")));
    assertNull(OpenAiChatClient.parseRetryAfter(Optional.empty()));
    assertNull(OpenAiChatClient.parseRetryAfter(Optional.of("soon")));
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertEquals(Duration.ZERO, OpenAiChatClient.parseRetryAfter(Optional.of(past)));
    String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    Duration d = OpenAiChatClient.parseRetryAfter(Optional.of(future));
    assertTrue(d.compareTo(Duration.ofMinutes(50)) > 0, "about an hour: " + d);
  }

  @Test
  void configFromJsonValidatesKeysAndValues() throws Exception {
    ObjectMapper m = new ObjectMapper();
    OpenAiConfig c = OpenAiConfig.fromJson(m.readTree("{\"baseUrl\":\"http://127.0.0.1:8000/v1/\","
        + "\"model\":\"Qwen/Qwen2.5-VL-7B-Instruct\",\"timeoutSeconds\":30,\"maxConcurrency\":4,"
        + "\"responseFormat\":\"json_object\"}"), "experiment.yaml rerank.endpoint");
    assertEquals("http://127.0.0.1:8000/v1", c.baseUrl());
    assertEquals("http://127.0.0.1:8000/v1/chat/completions", c.chatCompletionsUri().toString());
    assertEquals(Duration.ofSeconds(30), c.timeout());
    assertEquals(4, c.maxConcurrency());
    assertEquals(ResponseFormatMode.JSON_OBJECT, c.responseFormat());
    assertEquals(OpenAiConfig.DEFAULT_API_KEY_ENV, c.apiKeyEnv());
    BadInputException unknown = assertThrows(BadInputException.class, () -> OpenAiConfig.fromJson(
        m.readTree("{\"baseUrl\":\"http://x/v1\",\"model\":\"m\",\"apiKey\":\"sk-1\"}"),
        "experiment.yaml rerank.endpoint"));
    assertTrue(unknown.getMessage().contains("experiment.yaml rerank.endpoint: unknown key 'apiKey'"),
        unknown.getMessage());
    BadInputException scheme = assertThrows(BadInputException.class, () -> OpenAiConfig.fromJson(
        m.readTree("{\"baseUrl\":\"127.0.0.1:8000\",\"model\":\"m\"}"), "e.yaml"));
    assertTrue(scheme.getMessage().contains("expected e.g. http://127.0.0.1:8000/v1"), scheme.getMessage());
    assertThrows(BadInputException.class, () -> OpenAiConfig.fromJson(
        m.readTree("{\"baseUrl\":\"http://x/v1\",\"model\":\"m\",\"responseFormat\":\"xml\"}"),
        "e.yaml"));
  }
}
