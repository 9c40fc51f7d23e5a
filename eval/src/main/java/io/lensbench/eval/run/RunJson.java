package io.lensbench.eval.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * How the run directory's files are written and read: JSON documents indented with map keys
 * sorted, JSON lines compact, every file replaced atomically (temp file, then a move) so a
 * reader never sees half a file.
 */
public final class RunJson {
  /** JSON documents (provenance.json, parity.json, ...): indented, map keys sorted. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  /** JSON lines (records, queries, items): one compact object per line. */
  public static final ObjectMapper JSONL = new ObjectMapper();

  private RunJson() {}

  /**
   * Writes atomically: to a uniquely named temp file next to the target, then a move — a reader
   * sees the old content or the new, never half of it, and two writers never share a temp file.
   */
  public static void writeString(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(),
          "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes {@code value} as an indented JSON document with sorted map keys. */
  public static void writeJson(Path file, Object value) {
    writeString(file, json(value) + "\n");
  }

  /** {@code value} as an indented JSON document with sorted map keys (no final newline). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** {@code value} as one compact JSON line (no newline). */
  public static String line(Object value) {
    try {
      return JSONL.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads a JSON document; unreadable or malformed files are bad input naming the file. */
  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: expected JSON, found a parse error: %s",
          file, firstLine(e)), e);
    }
  }

  /** Reads an optional JSON document: a missing file is a {@link MissingNode}. */
  public static JsonNode readIfPresent(Path file) {
    return Files.isRegularFile(file) ? read(file) : MissingNode.getInstance();
  }

  /** Parses line {@code lineNo} of a JSON-lines file. */
  static JsonNode parseLine(Path file, int lineNo, String line) {
    try {
      JsonNode n = JSONL.readTree(line);
      if (!n.isObject()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s line %d: expected one JSON object, found %s", file, lineNo, n.getNodeType()));
      }
      return n;
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s line %d: expected one JSON object, found a parse error: %s", file, lineNo, firstLine(e)), e);
    }
  }

  /** Calls {@code handler} with each non-blank line of a JSON-lines file, parsed. */
  static void eachLine(Path file, LineHandler handler) {
    BoundedText.eachLine(file, BoundedText.MAX_LINE_BYTES, (line, no) -> {
      if (!line.isBlank()) {
        handler.accept(parseLine(file, no, line), no);
      }
    });
  }

  /** One parsed line of a JSON-lines file. */
  @FunctionalInterface
  interface LineHandler {
    void accept(JsonNode line, int lineNo);
  }

  /** The text of a JSON field; null when absent or null. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String firstLine(IOException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
