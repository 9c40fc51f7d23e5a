package io.lensbench.rerank;

import java.util.List;

/**
 * A model answer after parsing: either the raw ids of its {@code ranking} (normalised, not yet
 * checked against the candidates) or the reason it is malformed.
 */
public record ParsedAnswer(List<String> ids, String reason, String malformedBecause) {
  public ParsedAnswer {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  public boolean malformed() {
    return malformedBecause != null;
  }

  static ParsedAnswer malformed(String why) {
    return new ParsedAnswer(List.of(), null, why);
  }
}
