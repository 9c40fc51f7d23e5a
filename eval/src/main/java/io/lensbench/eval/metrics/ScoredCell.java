package io.lensbench.eval.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-query metric values of one cell, as compare and gate consume them: read back from a
 * metrics/<cell>.json or produced by {@link CellMetrics#toScoredCell}.
 *
 * @param cell cell id (or file name)
 * @param queryIds counted queries
 * @param perQuery metric key → values aligned with queryIds (empty when the file has none)
 * @param means metric key → mean as recorded
 * @param attributes query id → slice attributes (may be empty)
 */
public record ScoredCell(String cell, List<String> queryIds, Map<String, double[]> perQuery,
    Map<String, Double> means, Map<String, Map<String, String>> attributes) {

  public boolean hasPerQuery() {
    return !perQuery.isEmpty();
  }

  public ScoredCell withAttributes(Map<String, Map<String, String>> attrs) {
    return new ScoredCell(cell, queryIds, perQuery, means, attrs);
  }

  /** Reads a metrics/<cell>.json file. */
  public static ScoredCell read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: not a metrics JSON file (%s)", file, e.getMessage()), e);
    }
    JsonNode summary = root.get("summary");
    if (summary == null || !summary.isObject()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected a metrics JSON object with \"summary\" (docs/run-directory.md)", file));
    }
    String cell = root.hasNonNull("cell") ? root.get("cell").asText()
        : file.getFileName().toString().replaceFirst("\\.json$", "");
    Map<String, Double> means = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode mean = e.getValue().get("mean");
      if (mean == null || !(mean.isNumber() || mean.isNull())) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: summary.%s.mean is missing or not a number", file, e.getKey()));
      }
      means.put(e.getKey(), mean.isNull() ? Double.NaN : mean.asDouble());
    }
    List<String> ids = new ArrayList<>();
    Map<String, double[]> per = new LinkedHashMap<>();
    JsonNode pq = root.get("perQuery");
    if (pq != null && pq.isObject() && pq.size() > 0) {
      pq.fieldNames().forEachRemaining(ids::add);
      for (String key : means.keySet()) {
        double[] v = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
          JsonNode x = pq.get(ids.get(i)).get(key);
          if (x == null || !x.isNumber()) {
            throw new BadInputException(String.format(Locale.ROOT,
                "%s: perQuery.%s.%s is missing or not a number", file, ids.get(i), key));
          }
          v[i] = x.asDouble();
        }
        per.put(key, v);
      }
    }
    return new ScoredCell(cell, ids, per, means, Map.of());
  }
}
