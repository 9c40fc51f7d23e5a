package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.Hashing;
import io.lensbench.datasets.Query;
import io.lensbench.openai.ChatMessage;
import io.lensbench.openai.ChatRequest;
import io.lensbench.openai.ContentPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the listwise reranker sends: the user message (query, candidates as images or one grid,
 * the answer format), the feedback message after an incomplete answer, the request with its JSON
 * schema, and the description of a call its answers are cached under.
 */
final class ListwisePrompt {
  /** Bump when the prompt layout below changes: it is part of the cache key. */
  private static final String PROMPT_LAYOUT_VERSION = "listwise-v1";

  private final LlmRerankConfig config;
  private final GridRenderer grid;
  private final ObjectMapper json;
  private final String promptHash;
  private final Map<Path, String> imageHashes = new ConcurrentHashMap<>();

  ListwisePrompt(LlmRerankConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.grid = new GridRenderer(config.gridTileSize(), config.gridColumns());
    this.promptHash = Hashing.sha256Hex(PROMPT_LAYOUT_VERSION + "\u0000" + config.instructions()
        + "\u0000" + config.captionPrompt());
  }

  /** The first request: instructions and the user message. */
  ChatRequest first(List<ContentPart> userParts, List<String> ids) {
    return request(List.of(ChatMessage.system(config.instructions()),
        ChatMessage.user(userParts)), ids);
  }

  /** The second request under retry-with-feedback: the conversation plus what was wrong. */
  ChatRequest feedback(List<ContentPart> userParts, String firstAnswer, AnswerCheck first,
      List<String> ids) {
    return request(List.of(ChatMessage.system(config.instructions()), ChatMessage.user(userParts),
        ChatMessage.assistant(firstAnswer), ChatMessage.user(feedbackText(first, ids))), ids);
  }

  private ChatRequest request(List<ChatMessage> messages, List<String> ids) {
    ObjectNode schema = json.createObjectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ObjectNode ranking = props.putObject("ranking");
    ranking.put("type", "array");
    ObjectNode items = ranking.putObject("items");
    items.put("type", "string");
    if (config.constrainIds()) {
      ArrayNode en = items.putArray("enum");
      ids.forEach(en::add);
    }
    props.putObject("reason").put("type", "string");
    schema.putArray("required").add("ranking").add("reason");
    schema.put("additionalProperties", false);
    return new ChatRequest(messages, "rerank", schema, config.temperature(), config.maxTokens());
  }

  List<ContentPart> userParts(Query query, List<Candidate> candidates, String caption) {
    List<ContentPart> parts = new ArrayList<>();
    if (query.text() != null && !query.text().isBlank()) {
      parts.add(ContentPart.text("Search query: " + query.text().strip()));
    }
    if (query.image() != null && config.queryImage() != LlmRerankConfig.QueryImageMode.CAPTION) {
      parts.add(ContentPart.text("Query image:"));
      parts.add(ContentPart.imageFile(query.image()));
    }
    if (caption != null) {
      parts.add(ContentPart.text("Query image description: " + caption));
    }
    int n = candidates.size();
    if (config.candidateLayout() == LlmRerankConfig.CandidateLayout.IMAGES) {
      parts.add(ContentPart.text("Candidates (" + n + "):"));
      for (Candidate c : candidates) {
        parts.add(ContentPart.text(candidateLine(c)));
        if (c.image() != null) {
          parts.add(ContentPart.imageFile(c.image()));
        }
      }
    } else {
      StringBuilder sb = new StringBuilder();
      sb.append("The next image shows the ").append(n).append(" candidates as a grid; each tile "
          + "is labelled with its candidate id in its top-left corner.");
      if (config.includeCandidateText()) {
        for (Candidate c : candidates) {
          sb.append('\n').append(candidateLine(c));
        }
      }
      parts.add(ContentPart.text(sb.toString()));
      parts.add(ContentPart.png(grid.render(candidates)));
    }
    parts.add(ContentPart.text("Rank all " + n + " candidates. Candidate ids: "
        + String.join(", ", candidates.stream().map(Candidate::id).toList())
        + ". Answer with only {\"ranking\": [ids, most relevant first], \"reason\": \"...\"}."));
    return parts;
  }

  private String candidateLine(Candidate c) {
    String text = config.includeCandidateText() && c.text() != null && !c.text().isBlank()
        ? ": " + c.text().strip() : "";
    return "Candidate id " + c.id() + text;
  }

  private static String feedbackText(AnswerCheck first, List<String> ids) {
    StringBuilder sb = new StringBuilder();
    if (first.malformed()) {
      sb.append("Your answer was not the JSON object asked for. ");
    } else {
      sb.append("Your ranking is missing ").append(first.dropped().size())
          .append(" candidate id(s): ").append(String.join(", ", first.dropped())).append(". ");
      if (first.invented() > 0) {
        sb.append("It also lists ids that are not candidates. ");
      }
      if (first.duplicated() > 0) {
        sb.append("It also repeats ids. ");
      }
    }
    sb.append("Reply with only {\"ranking\": [...], \"reason\": \"...\"} ranking all ")
        .append(ids.size()).append(" candidate ids, each exactly once: ")
        .append(String.join(", ", ids)).append('.');
    return sb.toString();
  }

  /** What a call's answers are cached under: model, prompt, parameters, query and candidates. */
  ObjectNode cacheKey(Query query, List<Candidate> candidates) {
    ObjectNode k = json.createObjectNode();
    k.put("v", 1);
    k.put("model", config.endpoint().model());
    k.put("promptHash", promptHash);
    ObjectNode p = k.putObject("params");
    p.put("candidates", config.candidateLayout().name());
    p.put("queryImage", config.queryImage().name());
    p.put("includeCandidateText", config.includeCandidateText());
    p.put("gridTileSize", config.gridTileSize());
    p.put("gridColumns", config.gridColumns());
    p.put("temperature", config.temperature());
    p.put("maxTokens", config.maxTokens());
    p.put("responseFormat", config.endpoint().responseFormat().wireName());
    p.put("constrainIds", config.constrainIds());
    ObjectNode q = k.putObject("query");
    q.put("text", query.text());
    q.put("imageSha256", query.image() == null ? null : imageHash(query.image()));
    ArrayNode cs = k.putArray("candidates");
    for (Candidate c : candidates) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("text", config.includeCandidateText() ? c.text() : null);
      o.put("imageSha256", c.image() == null ? null : imageHash(c.image()));
    }
    return k;
  }

  private String imageHash(Path p) {
    return imageHashes.computeIfAbsent(p, Hashing::sha256Hex);
  }
}
