package io.lensbench.captioners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.openai.ChatCallException;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;
import io.lensbench.testkit.FakeReply;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.OpenAiConfig;
import io.lensbench.openai.ResponseFormatMode;
import io.lensbench.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VlmCaptioner through the real client against the fake endpoint. */
class VlmCaptionerTest {

  static OpenAiConfig config(FakeOpenAiServer fake, Duration timeout) {
    return new OpenAiConfig(fake.baseUrl(), "fake-vlm", null, timeout, 2, 1,
        Duration.ofMillis(5), Duration.ofMillis(50), ResponseFormatMode.JSON_SCHEMA);
  }

  @Test
  void captionsEachImageInOrderWithThePrompt() throws Exception {
    List<TestImages.Row> rows = TestImages.rows(3);
    List<Path> images = rows.stream().map(TestImages.Row::image).toList();
    // the fake answers with the image's pixel size and the request order it saw
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(
            "  caption of a " + req.images().get(0).getWidth() + "x"
                + req.images().get(0).getHeight() + " image  "));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, Duration.ofSeconds(60)),
            k -> null, d -> { });
        VlmCaptioner cap = new VlmCaptioner(client, "Describe the product.", 64)) {
      List<String> captions = cap.caption(images);
      assertEquals(List.of("caption of a 60x80 image", "caption of a 60x80 image",
          "caption of a 60x80 image"), captions);
      assertEquals(3, fake.requests().size());
      assertEquals(List.of(), fake.protocolErrors());
      for (var req : fake.requests()) {
        assertEquals(1, req.images().size());
        assertEquals("Describe the product.", req.texts().get(0));
        assertEquals(64, req.body().path("max_tokens").asInt());
        assertTrue(!req.body().has("response_format"), "captions are free text");
      }
      assertTrue(cap.id().startsWith("vlm:fake-vlm:"), cap.id());
      VlmCaptioner.Caption one = cap.describe(images.get(0));
      assertEquals(1000, one.usage().promptTokens());
    }
  }

  @Test
  void timeoutNamesTheImage() throws Exception {
    Path image = TestImages.rows(1).get(0).image();
    try (FakeOpenAiServer fake = new FakeOpenAiServer(
            req -> FakeReply.answer("late").delayed(20_000));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, Duration.ofMillis(300)),
            k -> null, d -> { });
        VlmCaptioner cap = new VlmCaptioner(client)) {
      ChatCallException e = assertThrows(ChatCallException.class,
          () -> cap.caption(List.of(image)));
      assertEquals(ChatCallException.Kind.TIMEOUT, e.kind());
      assertEquals(2, e.stats().timeouts(), "one attempt and one retry");
      assertTrue(e.getMessage().contains(image.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("no response within 300 ms"), e.getMessage());
    }
  }

  @Test
  void serverErrorIsReportedAfterRetries() throws Exception {
    Path image = TestImages.rows(1).get(0).image();
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.status(500, Map.of()));
        OpenAiChatClient client = new OpenAiChatClient(config(fake, Duration.ofSeconds(60)),
            k -> null, d -> { });
        VlmCaptioner cap = new VlmCaptioner(client)) {
      ChatCallException e = assertThrows(ChatCallException.class,
          () -> cap.caption(List.of(image)));
      assertEquals(ChatCallException.Kind.HTTP_ERROR, e.kind());
      assertEquals(500, e.status());
      assertEquals(2, e.stats().httpErrors());
      assertEquals(2, fake.requests().size());
      assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    }
  }
}
