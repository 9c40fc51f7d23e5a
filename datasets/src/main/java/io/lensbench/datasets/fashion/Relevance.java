package io.lensbench.datasets.fashion;

import java.util.Map;

/**
 * Graded relevance by attribute match (docs/datasets.md, "Relevance"). An intent has
 * <em>required</em> attributes (an item must match all of them, else grade 0) and
 * <em>graded</em> attributes: grade 2 when all graded attributes match, grade 1 when exactly one
 * graded attribute does not match, 0 otherwise. Gender matches when equal, or when the item is
 * Unisex and the intent asks for Men or Women.
 */
public record Relevance(Map<String, String> required, Map<String, String> graded) {

  public int grade(Map<String, String> item) {
    for (Map.Entry<String, String> r : required.entrySet()) {
      if (!matches(r.getKey(), r.getValue(), item.get(r.getKey()))) {
        return 0;
      }
    }
    int misses = 0;
    for (Map.Entry<String, String> g : graded.entrySet()) {
      if (!matches(g.getKey(), g.getValue(), item.get(g.getKey()))) {
        misses++;
      }
    }
    return misses == 0 ? 2 : misses == 1 ? 1 : 0;
  }

  static boolean matches(String attribute, String wanted, String found) {
    if (found == null) {
      return false;
    }
    if (wanted.equals(found)) {
      return true;
    }
    return attribute.equals("gender") && found.equals("Unisex")
        && (wanted.equals("Men") || wanted.equals("Women"));
  }
}
