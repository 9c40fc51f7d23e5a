package io.lensbench.runner;

import java.util.LinkedHashMap;
import java.util.Map;

/** The model cards of a run's components, by model id, for provenance. */
final class ModelCards {
  private final Map<String, Map<String, Object>> cards = new LinkedHashMap<>();

  void put(String id, Map<String, Object> card) {
    cards.put(id, card);
  }

  void putIfAbsent(String id, Map<String, Object> card) {
    cards.putIfAbsent(id, card);
  }

  /** The card, or at least {@code {"id": id}}. */
  Map<String, Object> get(String id) {
    Map<String, Object> card = cards.get(id);
    if (card != null) {
      return card;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    return m;
  }
}
