package io.lensbench.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import static io.lensbench.openai.JsonFields.bool;
import static io.lensbench.openai.JsonFields.enumOf;
import static io.lensbench.openai.JsonFields.number;
import static io.lensbench.openai.JsonFields.text;

import io.lensbench.openai.JsonFields;
import io.lensbench.openai.OpenAiConfig;
import java.util.Set;

/**
 * Settings of the LLM listwise reranker (the {@code rerank} block of an experiment with
 * {@code type: llm-listwise}; see docs/rerank.md).
 *
 * @param name cell-id suffix, default {@code llm-listwise}
 * @param endpoint the chat endpoint
 * @param policy what to do with imperfect answers
 * @param candidateLayout candidates as separate image parts, or one composite grid image
 * @param queryImage how a query image is given: the image, a caption of it (first step, as the
 *     seed did), or both
 * @param includeCandidateText send each candidate's name/caption next to its id
 * @param gridTileSize tile edge of the grid in pixels
 * @param gridColumns grid columns, 0 for ceil(sqrt(n))
 * @param temperature sampling temperature
 * @param maxTokens completion token limit of a ranking answer
 * @param constrainIds put the candidate ids as an enum into the JSON schema (servers with guided
 *     decoding then cannot invent ids; invented counts go to zero by construction)
 * @param instructions system prompt; null for the default
 * @param captionPrompt prompt of the query-image caption step; null for the default
 * @param cache keep answers on disk under LensBenchHome/cache/rerank
 */
public record LlmRerankConfig(
    String name,
    OpenAiConfig endpoint,
    RerankPolicy policy,
    CandidateLayout candidateLayout,
    QueryImageMode queryImage,
    boolean includeCandidateText,
    int gridTileSize,
    int gridColumns,
    double temperature,
    int maxTokens,
    boolean constrainIds,
    String instructions,
    String captionPrompt,
    boolean cache) {

  /** Candidates as separate image parts or one composite grid. Wire: images | grid. */
  public enum CandidateLayout {
    IMAGES,
    GRID
  }

  /** Query image as the image, a caption of it, or both. Wire: image | caption | both. */
  public enum QueryImageMode {
    IMAGE,
    CAPTION,
    BOTH
  }

  public static final String DEFAULT_INSTRUCTIONS =
      "You rerank product search results. You get a search query (text and/or an image) and "
          + "candidate products, each with an id. Rank ALL candidates from most to least "
          + "relevant to the query, each id exactly once, using only the given ids. Answer with "
          + "JSON only: {\"ranking\": [ids, most relevant first], \"reason\": \"one short "
          + "sentence\"}.";

  public static final String DEFAULT_CAPTION_PROMPT =
      "Summarise this image as a product search query in one sentence: the article type, its "
          + "colours, pattern, material and style, and who it is for if visible. No preamble.";

  private static final Set<String> KEYS = Set.of("type", "topN", "name", "endpoint", "policy",
      "candidates", "queryImage", "includeCandidateText", "gridTileSize", "gridColumns",
      "temperature", "maxTokens", "constrainIds", "instructions", "captionPrompt", "cache",
      "candidateText");

  public LlmRerankConfig {
    if (name == null || name.isBlank()) {
      name = "llm-listwise";
    }
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new BadInputException("rerank.name: expected lower-case letters, digits and '-' "
          + "(it becomes part of the cell id), found '" + name + "'");
    }
    if (endpoint == null) {
      throw new BadInputException("rerank.endpoint: required for type llm-listwise");
    }
    policy = policy == null ? RerankPolicy.FAIL_OPEN : policy;
    candidateLayout = candidateLayout == null ? CandidateLayout.IMAGES : candidateLayout;
    queryImage = queryImage == null ? QueryImageMode.IMAGE : queryImage;
    if (maxTokens < 16) {
      throw new BadInputException("rerank.maxTokens: expected >= 16, found " + maxTokens);
    }
    if (temperature < 0 || temperature > 2) {
      throw new BadInputException("rerank.temperature: expected 0..2, found " + temperature);
    }
    instructions = instructions == null || instructions.isBlank() ? DEFAULT_INSTRUCTIONS
        : instructions;
    captionPrompt = captionPrompt == null || captionPrompt.isBlank() ? DEFAULT_CAPTION_PROMPT
        : captionPrompt;
  }

  /** Defaults: fail-open, separate images, query image as image, names included, 224 px grid tiles, temperature 0, 512 tokens, cache on. */
  public static LlmRerankConfig of(OpenAiConfig endpoint) {
    return new LlmRerankConfig(null, endpoint, RerankPolicy.FAIL_OPEN, CandidateLayout.IMAGES,
        QueryImageMode.IMAGE, true, 224, 0, 0.0, 512, false, null, null, true);
  }

  public LlmRerankConfig withPolicy(RerankPolicy p) {
    return new LlmRerankConfig(name, endpoint, p, candidateLayout, queryImage,
        includeCandidateText, gridTileSize, gridColumns, temperature, maxTokens, constrainIds,
        instructions, captionPrompt, cache);
  }

  public LlmRerankConfig withLayout(CandidateLayout l) {
    return new LlmRerankConfig(name, endpoint, policy, l, queryImage, includeCandidateText,
        gridTileSize, gridColumns, temperature, maxTokens, constrainIds, instructions,
        captionPrompt, cache);
  }

  public LlmRerankConfig withQueryImage(QueryImageMode m) {
    return new LlmRerankConfig(name, endpoint, policy, candidateLayout, m, includeCandidateText,
        gridTileSize, gridColumns, temperature, maxTokens, constrainIds, instructions,
        captionPrompt, cache);
  }

  public LlmRerankConfig withCache(boolean on) {
    return new LlmRerankConfig(name, endpoint, policy, candidateLayout, queryImage,
        includeCandidateText, gridTileSize, gridColumns, temperature, maxTokens, constrainIds,
        instructions, captionPrompt, on);
  }

  public LlmRerankConfig withConstrainIds(boolean on) {
    return new LlmRerankConfig(name, endpoint, policy, candidateLayout, queryImage,
        includeCandidateText, gridTileSize, gridColumns, temperature, maxTokens, on,
        instructions, captionPrompt, cache);
  }

  /**
   * Reads a {@code rerank} block with {@code type: llm-listwise}. {@code type} and {@code topN}
   * and {@code candidateText} are accepted (read by {@link RerankSpec}); any other unknown key is an error.
   */
  public static LlmRerankConfig fromJson(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new BadInputException(where + ": expected an object");
    }
    JsonFields.checkKeys(node, KEYS, where, "");
    OpenAiConfig endpoint = OpenAiConfig.fromJson(node.get("endpoint"), where + ".endpoint");
    LlmRerankConfig d = of(endpoint);
    return new LlmRerankConfig(
        text(node, "name", d.name(), where),
        endpoint,
        RerankPolicy.parse(text(node, "policy", "fail-open", where), where + ".policy"),
        enumOf(CandidateLayout.class, text(node, "candidates", "images", where),
            where + ".candidates"),
        enumOf(QueryImageMode.class, text(node, "queryImage", "image", where),
            where + ".queryImage"),
        bool(node, "includeCandidateText", d.includeCandidateText(), where),
        (int) number(node, "gridTileSize", d.gridTileSize(), where),
        (int) number(node, "gridColumns", d.gridColumns(), where),
        number(node, "temperature", d.temperature(), where),
        (int) number(node, "maxTokens", d.maxTokens(), where),
        bool(node, "constrainIds", d.constrainIds(), where),
        text(node, "instructions", null, where),
        text(node, "captionPrompt", null, where),
        bool(node, "cache", d.cache(), where));
  }
}
