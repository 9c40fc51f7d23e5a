package io.lensbench.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Typed fields of an experiment's JSON config blocks (the endpoint and rerank blocks): a missing
 * or null field takes its default, a field of the wrong type is a {@link BadInputException}
 * naming {@code where.key}, and unknown keys are errors.
 */
public final class JsonFields {
  private JsonFields() {}

  /** Fails on the first key of {@code node} not in {@code keys}; {@code context} follows it. */
  public static void checkKeys(JsonNode node, Set<String> keys, String where, String context) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new BadInputException(where + ": unknown key '" + k + "'" + context
            + " (expected one of " + String.join(", ", keys.stream().sorted().toList()) + ")");
      }
    }
  }

  public static String text(JsonNode node, String key, String dflt, String where) {
    JsonNode v = field(node, key);
    if (v != null && !v.isTextual()) {
      throw new BadInputException(where + "." + key + ": expected a string, found " + v);
    }
    return v == null ? dflt : v.asText();
  }

  public static double number(JsonNode node, String key, double dflt, String where) {
    JsonNode v = field(node, key);
    if (v != null && !v.isNumber()) {
      throw new BadInputException(where + "." + key + ": expected a number, found " + v);
    }
    return v == null ? dflt : v.asDouble();
  }

  public static boolean bool(JsonNode node, String key, boolean dflt, String where) {
    JsonNode v = field(node, key);
    if (v != null && !v.isBoolean()) {
      throw new BadInputException(where + "." + key + ": expected true or false, found " + v);
    }
    return v == null ? dflt : v.asBoolean();
  }

  /** The constant whose lower-case name is {@code wire}. */
  public static <E extends Enum<E>> E enumOf(Class<E> type, String wire, String where) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wire)) {
        return e;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new BadInputException(where + ": unknown value '" + wire + "' (expected one of " + sb
        + ")");
  }

  /** The field, or null when it is absent or JSON null. */
  private static JsonNode field(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }
}
