package io.lensbench.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Item;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.core.SearchHit;
import io.lensbench.openai.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code rerank} block of an experiment file, validated (docs/rerank.md):
 * <pre>
 * reranker:
 *   type: llm-listwise        # none | llm-listwise | encoder-text | encoder-joint (| encoder + mode)
 *   id: llm-listwise          # cell-id suffix (default: the type)
 *   topN: 9                   # first-stage hits handed to the reranker
 *   candidateText: name_en    # item text shown with each candidate / compared by the encoder
 *   ...                       # type-specific keys (LlmRerankConfig, or encoder)
 * </pre>
 *
 * @param type which reranker
 * @param topN how many first-stage hits are reranked (the rest keep their order below them)
 * @param candidateText item text field used as {@link Candidate#text()}
 * @param llm settings when type is llm-listwise, else null
 * @param encoder settings when type is encoder, else null
 */
public record RerankSpec(Type type, int topN, String candidateText, LlmRerankConfig llm,
    EncoderSpec encoder) {

  /** Wire: none | llm-listwise | encoder. */
  public enum Type {
    NONE("none"),
    LLM_LISTWISE("llm-listwise"),
    ENCODER("encoder");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wireName() {
      return wire;
    }
  }

  /**
   * @param name cell-id suffix (default encoder-text / encoder-joint)
   * @param mode text or joint
   * @param encoderId id of the encoder to use, as io.lensbench.encoders names it
   */
  public record EncoderSpec(String name, EncoderReranker.Mode mode, String encoderId) {}

  private static final Set<String> ENCODER_KEYS = Set.of("type", "topN", "candidateText", "name",
      "mode", "encoder");

  public RerankSpec {
    if (type == null) {
      type = Type.NONE;
    }
    if (type != Type.NONE && (topN < 1 || topN > 1000)) {
      throw new BadInputException("rerank.topN: expected 1..1000, found " + topN);
    }
    if (candidateText == null || candidateText.isBlank()) {
      candidateText = "name_en";
    }
  }

  public static RerankSpec none() {
    return new RerankSpec(Type.NONE, 0, null, null, null);
  }

  /** Cell-id suffix, or null when there is no reranker. */
  public String cellSuffix() {
    return switch (type) {
      case NONE -> null;
      case LLM_LISTWISE -> llm.name();
      case ENCODER -> encoder.name();
    };
  }

  /**
   * From the runner's experiment shape {@code reranker: {id, type, depth, params}}: {@code id}
   * becomes the cell suffix, {@code depth} the topN, and {@code params} holds the type-specific
   * keys (policy, endpoint, candidates, ... or mode, encoder); see docs/rerank.md.
   *
   * @param where location for messages, e.g. {@code experiments/demo.yaml reranker}
   */
  public static RerankSpec fromRunner(String id, String type, int depth, JsonNode params,
      String where) {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (params != null && !params.isNull() && !params.isMissingNode()) {
      if (!params.isObject()) {
        throw new BadInputException(where + ".params: expected an object, found " + params);
      }
      for (String k : List.of("type", "topN", "name")) {
        if (params.has(k)) {
          throw new BadInputException(where + ".params: key '" + k + "' is not a parameter "
              + "(use reranker." + (k.equals("topN") ? "depth" : k.equals("name") ? "id" : k)
              + ")");
        }
      }
      node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) params);
    }
    node.put("type", type);
    node.put("topN", depth);
    if (id != null) {
      node.put("name", id);
    }
    return fromJson(node, where + ".params");
  }

  /**
   * From the runner's resolved {@code reranker} mapping ({@code type}, {@code id}, {@code topN}
   * and the reranker's own keys; Experiment.RerankerSpec#config).
   */
  public static RerankSpec fromMap(Map<String, Object> config, String where) {
    return fromJson(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(config), where);
  }

  /** Reads the block; null, missing or the string {@code none} mean no reranker. */
  public static RerankSpec fromJson(JsonNode node, String where) {
    if (node == null || node.isNull() || node.isMissingNode()
        || (node.isTextual() && node.asText().equals("none"))) {
      return none();
    }
    if (!node.isObject()) {
      throw new BadInputException(where + ": expected an object with a type (none, "
          + "llm-listwise, encoder), found " + node);
    }
    String typeName = JsonFields.text(node, "type", "none", where);
    Type type = null;
    EncoderReranker.Mode impliedMode = null;
    for (Type t : Type.values()) {
      if (t.wire.equals(typeName)) {
        type = t;
      }
    }
    if ("encoder-text".equals(typeName) || "encoder-joint".equals(typeName)) {
      type = Type.ENCODER;
      impliedMode = typeName.endsWith("text") ? EncoderReranker.Mode.TEXT
          : EncoderReranker.Mode.JOINT;
    }
    if (type == null) {
      throw new BadInputException(where + ".type: unknown reranker '" + typeName
          + "' (expected one of none, llm-listwise, encoder-text, encoder-joint, encoder)");
    }
    if (node.has("id") && node.has("name")) {
      throw new BadInputException(where + ": give the cell-id suffix once, as id (found both id "
          + "and name)");
    }
    if (node.has("id")) {
      com.fasterxml.jackson.databind.node.ObjectNode copy =
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
      copy.set("name", copy.remove("id"));
      node = copy;
    }
    int topN = (int) JsonFields.number(node, "topN", 10, where);
    String candidateText = JsonFields.text(node, "candidateText", "name_en", where);
    switch (type) {
      case NONE -> {
        return none();
      }
      case LLM_LISTWISE -> {
        return new RerankSpec(type, topN, candidateText, LlmRerankConfig.fromJson(node, where),
            null);
      }
      default -> {
        JsonFields.checkKeys(node, ENCODER_KEYS, where, " for type encoder");
        EncoderReranker.Mode mode = JsonFields.enumOf(EncoderReranker.Mode.class,
            JsonFields.text(node, "mode", impliedMode == null ? "text"
                : impliedMode.name().toLowerCase(java.util.Locale.ROOT), where), where + ".mode");
        if (impliedMode != null && mode != impliedMode) {
          throw new BadInputException(where + ".mode: type " + typeName + " implies mode "
              + impliedMode.name().toLowerCase(java.util.Locale.ROOT) + ", found "
              + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
        String encoderId = JsonFields.text(node, "encoder", null, where);
        if (encoderId == null || encoderId.isBlank()) {
          throw new BadInputException(where + ".encoder: required for type encoder (an encoder "
              + "id, e.g. all-minilm-l6-v2-q)");
        }
        String name = JsonFields.text(node, "name",
            mode == EncoderReranker.Mode.TEXT ? "encoder-text" : "encoder-joint", where);
        return new RerankSpec(type, topN, candidateText, null,
            new EncoderSpec(name, mode, encoderId));
      }
    }
  }

  /**
   * Opens the reranker (the caller closes it), or returns null for type none. Encoders come
   * from the caller's registry and stay owned by the caller.
   */
  public Reranker open(Function<String, TextEncoder> textEncoders,
      Function<String, JointEncoder> jointEncoders) {
    return switch (type) {
      case NONE -> null;
      case LLM_LISTWISE -> new LlmListwiseReranker(llm);
      case ENCODER -> encoder.mode() == EncoderReranker.Mode.TEXT
          ? EncoderReranker.text(textEncoders.apply(encoder.encoderId()), encoder.name())
          : EncoderReranker.joint(jointEncoders.apply(encoder.encoderId()), encoder.name());
    };
  }

  /**
   * The first {@code topN} hits as candidates (image and {@code candidateText} of each item).
   *
   * @throws BadInputException when a hit is not in the corpus
   */
  public List<Candidate> candidates(List<SearchHit> hits, Map<String, Item> corpus) {
    List<Candidate> out = new ArrayList<>();
    for (SearchHit h : hits.subList(0, Math.min(topN, hits.size()))) {
      Item item = corpus.get(h.id());
      if (item == null) {
        throw new BadInputException("rerank: hit " + h.id() + " is not in the corpus ("
            + corpus.size() + " items)");
      }
      out.add(new Candidate(h.id(), item.image(), item.texts().get(candidateText), h.score()));
    }
    return out;
  }

  /**
   * Reranks the first {@code topN} of a first-stage list: builds the candidates from the corpus
   * and calls the reranker. Use {@link #merge} for the full final list.
   */
  public RerankResult rerankHead(Reranker reranker, io.lensbench.datasets.Query query,
      List<SearchHit> firstStage, Map<String, Item> corpus) {
    return reranker.rerank(query, candidates(firstStage, corpus));
  }

  /**
   * The final list of a query: the reranked top N, then the first-stage hits below N in their
   * order. Scores are rewritten to descend strictly (so trec_eval's score sort keeps the order).
   */
  public static List<SearchHit> merge(List<SearchHit> firstStage, RerankResult reranked) {
    Set<String> inHead = new java.util.HashSet<>();
    for (SearchHit h : reranked.before()) {
      inHead.add(h.id());
    }
    List<String> ids = new ArrayList<>(reranked.rankingIds());
    for (SearchHit h : firstStage) {
      if (!inHead.contains(h.id())) {
        ids.add(h.id());
      }
    }
    List<SearchHit> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(new SearchHit(ids.get(i), ids.size() - i));
    }
    return out;
  }
}
