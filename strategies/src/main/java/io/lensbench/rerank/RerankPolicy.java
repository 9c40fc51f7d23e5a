package io.lensbench.rerank;

import io.lensbench.core.BadInputException;
import java.util.Locale;

/**
 * What to do with an imperfect answer. Wire names: {@code fail-open}, {@code strict},
 * {@code retry-with-feedback}.
 */
public enum RerankPolicy {
  /** The model's valid order, then the dropped candidates in their original order. No answer: the original order. */
  FAIL_OPEN("fail-open"),
  /** The answer is the list: dropped candidates are lost. No answer: an empty list. */
  STRICT("strict"),
  /** Ask once more naming the missing ids (or that the answer was not the JSON asked for), then fail-open. */
  RETRY_WITH_FEEDBACK("retry-with-feedback");

  private final String wireName;

  RerankPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static RerankPolicy parse(String s, String where) {
    for (RerankPolicy p : values()) {
      if (p.wireName.equals(s)) {
        return p;
      }
    }
    throw new BadInputException(String.format(Locale.ROOT,
        "%s: unknown rerank policy '%s' (expected one of fail-open, strict, retry-with-feedback)",
        where, s));
  }
}
