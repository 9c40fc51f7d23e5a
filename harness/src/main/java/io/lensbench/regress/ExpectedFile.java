package io.lensbench.regress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lensbench.core.BadInputException;
import io.lensbench.eval.run.CellId;
import io.lensbench.eval.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code experiments/<name>.expected.yaml}. Reading is strict: unknown keys,
 * values that are not finite numbers, metrics a cell lacks and cell ids of another shape are bad
 * input naming the file and the key path ("where: expected X, found Y").
 */
public final class ExpectedFile {
  private static final Set<String> TOP = Set.of("schemaVersion", "experiment", "metrics", "tolerance",
      "measuredOn", "counts", "cells");
  private static final Set<String> MEASURED_ON = Set.of("dataset", "datasetChecksum", "configHash", "commit",
      "dirty", "finishedAt", "models", "stores");
  private static final Set<String> COUNTS = Set.of("corpusItems", "querySets", "indexes");
  private static final Set<String> QUERY_SET = Set.of("queries", "judgments", "language", "derived");
  private static final Set<String> CELL = Set.of("queries", "values", "tolerance");

  private final Path file;

  private ExpectedFile(Path file) {
    this.file = file;
  }

  /** The expected file of an experiment file: {@code demo.yaml} → {@code demo.expected.yaml}. */
  public static Path of(Path experimentFile) {
    String name = experimentFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return experimentFile.resolveSibling(base + ".expected.yaml");
  }

  /** Reads and validates a file; bad input when it is missing or malformed. */
  public static Expected read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": expected the expected-results file, found none "
          + "(create it from a run with `lensbench regress EXPERIMENT --update`)");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JacksonException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s line %d: expected YAML, found malformed text (%s)",
          file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage().split("\n")[0]), e);
    }
    return new ExpectedFile(file).parse(root);
  }

  /** Writes the file (atomically); {@code experimentFile} is named in its header. */
  public static void write(Path file, Expected e, String experimentFile) {
    RunJson.writeString(file, ExpectedYaml.format(e, experimentFile));
  }

  private Expected parse(JsonNode root) {
    object(root, "the top level", TOP);
    int version = integer(root.path("schemaVersion"), "schemaVersion");
    if (version != Expected.SCHEMA_VERSION) {
      throw bad("schemaVersion", "expected " + Expected.SCHEMA_VERSION + ", found " + version);
    }
    List<String> metrics = new ArrayList<>();
    JsonNode m = root.path("metrics");
    if (!m.isArray() || m.isEmpty()) {
      throw bad("metrics", "expected a non-empty list of metric keys, found " + describe(m));
    }
    m.forEach(x -> metrics.add(text(x, "metrics[]")));
    Map<String, Double> tolerance = root.has("tolerance") ? numbers(root.get("tolerance"), "tolerance", false) : Map.of();
    Map<String, Expected.Cell> cells = new LinkedHashMap<>();
    JsonNode cs = object(root.path("cells"), "cells", null);
    cs.fields().forEachRemaining(e -> cells.put(e.getKey(), cell(e.getKey(), e.getValue(), metrics)));
    return new Expected(text(root.path("experiment"), "experiment"), metrics, tolerance,
        measuredOn(root.path("measuredOn")), counts(root.path("counts")), cells);
  }

  private Expected.Cell cell(String id, JsonNode n, List<String> metrics) {
    String where = "cells." + id;
    if (CellId.tryParse(id).isEmpty()) {
      throw bad(where, "expected a cell id <dataset>.<queryset>.<strategy>.<store>[.<reranker>], found '" + id + "'");
    }
    object(n, where, CELL);
    Map<String, Double> values = numbers(n.path("values"), where + ".values", true);
    for (String metric : metrics) {
      if (!values.containsKey(metric)) {
        throw bad(where + ".values", "expected a value for every listed metric, found none for " + metric);
      }
    }
    Map<String, Double> tolerance = n.has("tolerance") ? numbers(n.get("tolerance"), where + ".tolerance", false) : Map.of();
    return new Expected.Cell(integer(n.path("queries"), where + ".queries"), values, tolerance);
  }

  private Expected.MeasuredOn measuredOn(JsonNode n) {
    if (n.isMissingNode()) {
      return new Expected.MeasuredOn(null, null, null, null, null, null, Map.of(), Map.of());
    }
    object(n, "measuredOn", MEASURED_ON);
    JsonNode dirty = n.path("dirty");
    if (!dirty.isMissingNode() && !dirty.isBoolean()) {
      throw bad("measuredOn.dirty", "expected true or false, found " + describe(dirty));
    }
    return new Expected.MeasuredOn(optional(n, "dataset"), optional(n, "datasetChecksum"), optional(n, "configHash"),
        optional(n, "commit"), dirty.isBoolean() ? dirty.asBoolean() : null, optional(n, "finishedAt"),
        strings(n.path("models"), "measuredOn.models"), strings(n.path("stores"), "measuredOn.stores"));
  }

  private Expected.Counts counts(JsonNode n) {
    if (n.isMissingNode()) {
      return new Expected.Counts(null, Map.of(), Map.of());
    }
    object(n, "counts", COUNTS);
    Map<String, Expected.QuerySetCount> querySets = new LinkedHashMap<>();
    if (n.has("querySets")) {
      object(n.get("querySets"), "counts.querySets", null).fields().forEachRemaining(e -> {
        String where = "counts.querySets." + e.getKey();
        JsonNode q = object(e.getValue(), where, QUERY_SET);
        querySets.put(e.getKey(), new Expected.QuerySetCount(integer(q.path("queries"), where + ".queries"),
            integer(q.path("judgments"), where + ".judgments"), optional(q, "language"), optional(q, "derived")));
      });
    }
    Map<String, Map<String, Long>> indexes = new LinkedHashMap<>();
    if (n.has("indexes")) {
      object(n.get("indexes"), "counts.indexes", null).fields().forEachRemaining(e -> {
        Map<String, Long> byStore = new LinkedHashMap<>();
        object(e.getValue(), "counts.indexes." + e.getKey(), null).fields().forEachRemaining(s ->
            byStore.put(s.getKey(), (long) integer(s.getValue(), "counts.indexes." + e.getKey() + "." + s.getKey())));
        indexes.put(e.getKey(), byStore);
      });
    }
    Integer corpus = n.has("corpusItems") ? integer(n.get("corpusItems"), "counts.corpusItems") : null;
    return new Expected.Counts(corpus, querySets, indexes);
  }

  private JsonNode object(JsonNode n, String where, Set<String> allowed) {
    if (!n.isObject()) {
      throw bad(where, "expected a mapping, found " + describe(n));
    }
    if (allowed != null) {
      n.fieldNames().forEachRemaining(k -> {
        if (!allowed.contains(k)) {
          throw bad(where, "unknown key '" + k + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
      });
    }
    return n;
  }

  /** A mapping of finite numbers; {@code unit}: each in [0, 1] (metric values) rather than ≥ 0. */
  private Map<String, Double> numbers(JsonNode n, String where, boolean unit) {
    Map<String, Double> out = new LinkedHashMap<>();
    object(n, where, null).fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      double d = v.isNumber() ? v.asDouble() : Double.NaN;
      if (!v.isNumber() || !Double.isFinite(d) || d < 0 || (unit && d > 1)) {
        throw bad(where + "." + e.getKey(), "expected a number " + (unit ? "in [0, 1]" : ">= 0") + ", found " + describe(v));
      }
      out.put(e.getKey(), d);
    });
    return out;
  }

  private Map<String, String> strings(JsonNode n, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!n.isMissingNode()) {
      object(n, where, null).fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue(), where + "." + e.getKey())));
    }
    return out;
  }

  private int integer(JsonNode n, String where) {
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
      throw bad(where, "expected a whole number >= 0, found " + describe(n));
    }
    return n.asInt();
  }

  private String text(JsonNode n, String where) {
    if (!n.isValueNode() || n.isNull()) {
      throw bad(where, "expected a string, found " + describe(n));
    }
    return n.asText();
  }

  private String optional(JsonNode n, String key) {
    JsonNode v = n.path(key);
    return v.isMissingNode() || v.isNull() ? null : text(v, key);
  }

  private static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    return n.isContainerNode() ? (n.isArray() ? "a list" : "a mapping") : "'" + n.asText() + "'";
  }

  private BadInputException bad(String where, String what) {
    return new BadInputException(file + ": " + where + ": " + what);
  }
}
