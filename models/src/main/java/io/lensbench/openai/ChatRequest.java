package io.lensbench.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One chat-completions call.
 *
 * @param messages the conversation
 * @param schemaName name of the JSON schema ({@code response_format.json_schema.name}); null when
 *     no structured answer is wanted
 * @param schema JSON schema of the answer; sent as configured by {@link ResponseFormatMode}
 * @param temperature sampling temperature (0 for reproducible answers); null to leave it to the
 *     server
 * @param maxTokens completion token limit; null to leave it to the server
 */
public record ChatRequest(
    List<ChatMessage> messages, String schemaName, JsonNode schema, Double temperature,
    Integer maxTokens) {
  public ChatRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }
}
