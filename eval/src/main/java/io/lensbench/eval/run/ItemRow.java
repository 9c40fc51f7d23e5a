package io.lensbench.eval.run;

import java.util.Map;

/**
 * One corpus item of items.jsonl, for the report's drill-down.
 *
 * @param image absolute path of the item's image, or null
 * @param name display name, or null
 */
public record ItemRow(String id, String image, String name, Map<String, String> attributes) {}
