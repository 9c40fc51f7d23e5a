package io.lensbench.datasets;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One corpus item.
 *
 * @param id unique item id
 * @param image absolute path of the item's image (may be null for text-only corpora)
 * @param texts text fields keyed {@code <field>_<lang>}, e.g. {@code name_en}, {@code summary_en},
 *     {@code name_ko} (glossary-derived Korean), in insertion order
 * @param attributes catalogue attributes (gender, articleType, baseColour, ...) for slicing and qrels
 */
public record Item(String id, Path image, Map<String, String> texts, Map<String, String> attributes) {
  public Item {
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A catalogue attribute, or null when the item has none. */
  public String attribute(String name) {
    return attributes.get(name);
  }

  public String text(String field, String lang) {
    return texts.get(field + "_" + lang);
  }
}
