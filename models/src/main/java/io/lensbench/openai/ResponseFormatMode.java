package io.lensbench.openai;

import io.lensbench.core.BadInputException;
import java.util.Locale;

/**
 * How a structured answer is requested. Wire names: {@code json_schema} (OpenAI structured
 * outputs; vLLM, LM Studio, llama.cpp server and Ollama's OpenAI endpoint accept it),
 * {@code json_object} (JSON mode without a schema), {@code none} (prompt only).
 */
public enum ResponseFormatMode {
  JSON_SCHEMA,
  JSON_OBJECT,
  NONE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResponseFormatMode parse(String s, String where) {
    for (ResponseFormatMode m : values()) {
      if (m.wireName().equals(s)) {
        return m;
      }
    }
    throw new BadInputException(String.format(Locale.ROOT,
        "%s: unknown responseFormat '%s' (expected one of json_schema, json_object, none)",
        where, s));
  }
}
