package io.lensbench.eval.run;

import java.util.Map;

/**
 * One line of queries/&lt;queryset&gt;.jsonl.
 *
 * @param kind the query kind's wire name (text, image, table_image, image_text); null if absent
 * @param language language code, "none" for image-only queries; null if absent
 * @param text query text, or null
 * @param image path of the query image, or null
 * @param attributes slice attributes (granularity, sourceItem, ...)
 */
public record QueryRow(String id, String kind, String language, String text, String image,
    Map<String, String> attributes) {}
