package io.lensbench.encoders.joint;

import io.lensbench.encoders.TextEncoders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields every joint model card shares, in the order they are written. */
final class JointCard {
  static final String CNN_LIMITS = "maps images onto catalogue attributes (gender, colour, article"
      + " type, usage); it does not answer open-ended queries (style, pattern, brand)";

  private JointCard() {}

  /** id, kind, architecture, text tower and dimension: the head of a card. */
  static Map<String, Object> head(String id, String kind, String architecture, String textEncoder,
      int dimension) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("schemaVersion", 1);
    card.put("id", id);
    card.put("kind", kind);
    card.put("architecture", architecture);
    card.put("textEncoder", textEncoder);
    card.put("dimension", dimension);
    return card;
  }

  /** What the model cannot do, and what limits Korean, given its text tower. */
  static String limitations(String textEncoder) {
    if (!TextEncoders.needsPreparedModels(textEncoder)) {
      return CNN_LIMITS + " and knows no Korean";
    }
    return CNN_LIMITS + ". Korean works through the multilingual text tower (USE multilingual v3),"
        + " which places a Korean attribute query near the English description only partly"
        + " (per-term Korean-English cosine ~0.6; loanwords such as 블랙 far better than native"
        + " words such as 검정색): Korean retrieval stays below English, and the image tower"
        + " learned English descriptions only unless the card's training says otherwise";
  }

  /** heldOut, limitations and the training time: the tail of a card. */
  static void tail(Map<String, Object> card, JointMetrics metrics, String textEncoder) {
    card.put("heldOut", metrics == null ? null : metrics.toMap());
    card.put("limitations", limitations(textEncoder));
    card.put("trainedAt", Instant.now().toString());
  }
}
