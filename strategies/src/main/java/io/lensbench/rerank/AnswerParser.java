package io.lensbench.rerank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code {"ranking":[ids...],"reason":"..."}} out of a model answer. Tolerated: a code
 * fence around the JSON and prose before or after it; ids as JSON numbers, strings, or strings
 * with a leading {@code #}. Nothing more: no repair of truncated JSON, no other key names, no
 * bare arrays.
 */
public final class AnswerParser {
  private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```",
      Pattern.DOTALL);
  private final ObjectMapper json = new ObjectMapper();

  public ParsedAnswer parse(String content) {
    if (content == null || content.isBlank()) {
      return ParsedAnswer.malformed("empty answer");
    }
    String trimmed = content.strip();
    JsonNode obj = tryObject(trimmed);
    if (obj == null) {
      Matcher m = FENCE.matcher(trimmed);
      while (obj == null && m.find()) {
        obj = tryObject(m.group(1).strip());
      }
    }
    if (obj == null) {
      obj = firstEmbeddedObject(trimmed);
    }
    if (obj == null) {
      return ParsedAnswer.malformed("no JSON object with a \"ranking\" array in the answer");
    }
    JsonNode ranking = obj.get("ranking");
    List<String> ids = new ArrayList<>();
    for (JsonNode el : ranking) {
      String id = normalise(el);
      if (id == null) {
        return ParsedAnswer.malformed("ranking element " + el
            + " is not an id (expected a string or an integer)");
      }
      ids.add(id);
    }
    JsonNode reason = obj.get("reason");
    return new ParsedAnswer(ids, reason != null && reason.isTextual() ? reason.asText() : null,
        null);
  }

  /** {@code 15970}, {@code "15970"}, {@code " #15970 "} and {@code 15970.0} all become {@code 15970}. */
  static String normalise(JsonNode el) {
    if (el.isTextual()) {
      String s = el.asText().strip();
      if (s.startsWith("#")) {
        s = s.substring(1).strip();
      }
      return s.isEmpty() ? null : s;
    }
    if (el.isIntegralNumber()) {
      return el.bigIntegerValue().toString();
    }
    if (el.isNumber()) {
      BigDecimal d = el.decimalValue();
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        return d.toBigInteger().toString();
      }
    }
    return null;
  }

  private JsonNode tryObject(String s) {
    if (!s.startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = json.readTree(s);
      return n != null && n.isObject() && n.path("ranking").isArray() ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The first balanced {...} in prose that parses as an object with a ranking array. */
  private JsonNode firstEmbeddedObject(String s) {
    for (int start = s.indexOf('{'); start >= 0; start = s.indexOf('{', start + 1)) {
      int end = matchingBrace(s, start);
      if (end < 0) {
        continue;
      }
      JsonNode n = tryObject(s.substring(start, end + 1));
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  private static int matchingBrace(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AnswerParser[%s]", "ranking+reason");
  }
}
