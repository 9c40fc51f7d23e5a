package io.lensbench.openai;

import java.util.List;

/** One chat message: a role ({@code system}, {@code user}, {@code assistant}) and its parts. */
public record ChatMessage(String role, List<ContentPart> parts) {
  public ChatMessage {
    if (!"system".equals(role) && !"user".equals(role) && !"assistant".equals(role)) {
      throw new IllegalArgumentException("role must be system, user or assistant, found " + role);
    }
    parts = List.copyOf(parts);
  }

  public static ChatMessage system(String text) {
    return new ChatMessage("system", List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage user(List<ContentPart> parts) {
    return new ChatMessage("user", parts);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage("user", List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage("assistant", List.of(new ContentPart.Text(text)));
  }

  /** Whether every part is text (sent as a plain string, the form every server accepts). */
  public boolean textOnly() {
    return parts.stream().allMatch(p -> p instanceof ContentPart.Text);
  }
}
