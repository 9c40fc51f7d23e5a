package io.lensbench.testkit;

import java.util.Map;

/** A scripted answer. */
public record FakeReply(int status, String content, String finishReason,
    Map<String, String> headers, long delayMs, String rawBody, long promptTokens,
    long completionTokens) {

  /** 200 with this assistant content, finish_reason stop, usage 1000 + 20 tokens. */
  public static FakeReply answer(String content) {
    return new FakeReply(200, content, "stop", Map.of(), 0, null, 1000, 20);
  }

  /** 200 cut off by the token limit: finish_reason length. */
  public static FakeReply truncated(String content) {
    return new FakeReply(200, content, "length", Map.of(), 0, null, 1000, 512);
  }

  /** An error status with an OpenAI-style error body. */
  public static FakeReply status(int status, Map<String, String> headers) {
    return new FakeReply(status, null, null, headers, 0, null, 0, 0);
  }

  /** 200 with a body that is not a chat.completion. */
  public static FakeReply raw(String body) {
    return new FakeReply(200, null, null, Map.of(), 0, body, 0, 0);
  }

  public FakeReply delayed(long ms) {
    return new FakeReply(status, content, finishReason, headers, ms, rawBody, promptTokens,
        completionTokens);
  }

  public FakeReply tokens(long prompt, long completion) {
    return new FakeReply(status, content, finishReason, headers, delayMs, rawBody, prompt,
        completion);
  }
}
