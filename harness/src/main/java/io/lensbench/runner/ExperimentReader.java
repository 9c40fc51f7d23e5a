package io.lensbench.runner;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads an experiment file (YAML, or JSON by extension {@code .json}) into an {@link Experiment}. */
public final class ExperimentReader {
  public static final int SCHEMA_VERSION = 1;

  private ExperimentReader() {}

  public static Experiment read(Path file) {
    if (!Files.exists(file)) {
      throw new BadInputException(String.format(Locale.ROOT, "experiment file %s: not found", file));
    }
    String text = BoundedText.read(file, 1 << 20);
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(text, file.toString(), json);
  }

  /** Parses experiment text; {@code where} names the source in error messages. */
  public static Experiment parse(String text, String where, boolean json) {
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    // a key given twice is an error, not "last one wins"
    mapper.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    try {
      Experiment e = mapper.readValue(text, Experiment.class);
      if (e == null) {
        throw new BadInputException(where + ": empty experiment file");
      }
      return e;
    } catch (UnrecognizedPropertyException e) {
      List<String> known = new ArrayList<>();
      if (e.getKnownPropertyIds() != null) {
        e.getKnownPropertyIds().forEach(o -> known.add(String.valueOf(o)));
      }
      throw new BadInputException(
          String.format(Locale.ROOT, "%s%s: unknown key '%s' in %s (expected one of %s)",
              where, at(locate(mapper, text, e, e.getLocation())), e.getPropertyName(), parentPath(e),
              String.join(", ", new TreeSet<>(known))), e);
    } catch (InvalidFormatException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s%s: %s: expected %s, found '%s'",
              where, at(locate(mapper, text, e, e.getLocation())), path(e), simpleType(e.getTargetType()), e.getValue()), e);
    } catch (MismatchedInputException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s%s: %s: expected %s (%s)",
              where, at(locate(mapper, text, e, e.getLocation())), path(e), simpleType(e.getTargetType()),
              e.getOriginalMessage().split("\n")[0]), e);
    } catch (JsonMappingException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s%s: %s: %s",
              where, at(locate(mapper, text, e, e.getLocation())), path(e), e.getOriginalMessage().split("\n")[0]), e);
    } catch (JacksonException e) {
      throw new BadInputException(
          String.format(Locale.ROOT, "%s%s: malformed %s: %s",
              where, at(e.getLocation()), json ? "JSON" : "YAML", e.getOriginalMessage().split("\n")[0]), e);
    }
  }

  /**
   * Where the failing key or value starts. Jackson reports the parser's position after it (for
   * YAML often the next line), so re-scan the text for the token at the failing path.
   */
  private static JsonLocation locate(
      ObjectMapper mapper, String text, JsonMappingException e, JsonLocation fallback) {
    StringBuilder ptr = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      ptr.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
    }
    String want = ptr.toString();
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
          if (p.getParsingContext().pathAsPointer().toString().equals(want)) {
            return p.currentTokenLocation();
          }
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // fall back to Jackson's own position
    }
    return fallback;
  }

  private static String at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, " line %d, column %d", loc.getLineNr(), loc.getColumnNr());
  }

  private static String simpleType(Class<?> c) {
    if (c == null) {
      return "a value";
    }
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
      return "an integer";
    }
    if (c == Double.class || c == double.class) {
      return "a number";
    }
    if (c == Boolean.class || c == boolean.class) {
      return "true or false";
    }
    if (c == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(c)) {
      return "a list";
    }
    return "a mapping (" + c.getSimpleName() + ")";
  }

  private static String parentPath(JsonMappingException e) {
    List<JsonMappingException.Reference> refs = e.getPath();
    if (refs.size() <= 1) {
      return "the top level";
    }
    String p =
        refs.subList(0, refs.size() - 1).stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return p.startsWith(".") ? p.substring(1) : p;
  }

  /** JSON-pointer-like path of the failing value, e.g. {@code strategies[1].fusion}. */
  private static String path(JsonMappingException e) {
    String p =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    if (p.isEmpty()) {
      return "the top level";
    }
    return p.startsWith(".") ? p.substring(1) : p;
  }
}
