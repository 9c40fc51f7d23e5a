package io.lensbench.datasets;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One labelled query.
 *
 * @param id unique query id within its query set
 * @param kind text | image | table_image | image_text
 * @param language ISO 639-1 language of the text part ("en", "ko"); "none" for pure image queries
 * @param text query text or instruction; null when the kind has no text
 * @param image absolute path of the query image; null when the kind has no image
 * @param attributes slicing attributes (granularity, source item, template, ...)
 * @param excludeIds items removed from the searchable corpus for this query (e.g. the query's own
 *     item for an image query); never counted as hits
 */
public record Query(
    String id,
    QueryKind kind,
    String language,
    String text,
    Path image,
    Map<String, String> attributes,
    Set<String> excludeIds) {
  public Query {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    excludeIds = Collections.unmodifiableSet(new LinkedHashSet<>(excludeIds));
  }
}
