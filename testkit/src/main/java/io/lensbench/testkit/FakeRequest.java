package io.lensbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.List;

/** One request as the fake received it. */
public record FakeRequest(int index, JsonNode body, String authorization, List<String> texts,
    List<BufferedImage> images, List<String> imageMimes) {

  public String allText() {
    return String.join("\n", texts);
  }

  public int messageCount() {
    return body.path("messages").size();
  }

  /** Text of the last message (for feedback turns). */
  public String lastMessageText() {
    JsonNode msgs = body.path("messages");
    JsonNode last = msgs.get(msgs.size() - 1).path("content");
    if (last.isTextual()) {
      return last.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode p : last) {
      sb.append(p.path("text").asText(""));
    }
    return sb.toString();
  }
}
