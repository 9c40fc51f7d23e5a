package io.lensbench.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** One configured Jackson mapper for the dataset files: map keys sorted, so output is stable. */
public final class Json {
  private Json() {}

  /** Compact, one object per line (JSONL). Thread-safe once configured. */
  public static final ObjectMapper LINE = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  /** Indented (dataset.json). */
  public static final ObjectMapper PRETTY = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  public static String line(Object value) {
    try {
      return LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }
}
