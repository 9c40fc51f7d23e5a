package io.lensbench.encoders.joint;

import java.nio.file.Path;
import java.util.Map;

/**
 * One held-out item for the model card's metrics.
 *
 * @param query attribute query it answers, e.g. "Men Blue Casual Shoes" (items with an equal
 *     query string are the relevant set)
 * @param articleType its article type (image → type top-1)
 * @param translations the same query in other phrasings by label — {@code ko} (glossary Korean,
 *     e.g. "남성 블루 캐주얼화") and {@code ko_everyday} (everyday Korean, e.g. "남자 파란색 캐주얼
 *     신발"); relevance stays the English query's
 */
public record EvalItem(String id, Path image, String query, String articleType,
    Map<String, String> translations) {
  public EvalItem {
    translations = Map.copyOf(translations);
  }

  public EvalItem(String id, Path image, String query, String articleType) {
    this(id, image, query, articleType, Map.of());
  }
}
