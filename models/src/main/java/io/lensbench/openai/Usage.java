package io.lensbench.openai;

/** Token counts from the response's {@code usage} object (0 when the server sends none). */
public record Usage(long promptTokens, long completionTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public Usage plus(Usage o) {
    return new Usage(promptTokens + o.promptTokens, completionTokens + o.completionTokens);
  }
}
