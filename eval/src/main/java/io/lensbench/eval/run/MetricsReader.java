package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.metrics.Summary;
import io.lensbench.eval.stats.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads metrics/&lt;cell&gt;.json into a {@link ScoredCell}. Accepted beyond what
 * {@link MetricsFile} writes (docs/run-directory.md): a summary value may be a bare number (no
 * interval), "cell" may be absent (the file name is the id), "numQueries" may be absent (the
 * per-query count), and a per-query metric missing for some query is left out of the per-query
 * values.
 */
final class MetricsReader {
  private MetricsReader() {}

  static ScoredCell read(Path file) {
    JsonNode root = RunJson.read(file);
    JsonNode summaryNode = root.get("summary");
    if (summaryNode == null || !summaryNode.isObject()) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected a metrics JSON object with an object field 'summary' (docs/run-directory.md), found %s",
          file, summaryNode == null ? "none" : summaryNode.getNodeType()));
    }
    String cell = root.hasNonNull("cell") ? root.get("cell").asText()
        : file.getFileName().toString().replaceFirst("\\.json$", "");
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, Interval> cis = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = summaryNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String where = "summary." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        if (!v.has("mean")) {
          throw new BadInputException(String.format(Locale.ROOT, "%s: %s.mean is missing", file, where));
        }
        means.put(e.getKey(), MetricsFile.number(v.get("mean"), file, where + ".mean"));
        cis.put(e.getKey(), new Interval(MetricsFile.number(v.get("ciLow"), file, where + ".ciLow"),
            MetricsFile.number(v.get("ciHigh"), file, where + ".ciHigh")));
      } else {
        means.put(e.getKey(), MetricsFile.number(v, file, where));
      }
    }
    List<String> ids = new ArrayList<>();
    Map<String, double[]> perQuery = perQuery(root.get("perQuery"), means.keySet(), ids, file);
    int numQueries = root.hasNonNull("numQueries") ? root.get("numQueries").asInt() : ids.size();
    Summary summary = new Summary(numQueries, means, cis, totals(root.get("counts")));
    return new ScoredCell(cell, summary, ids, perQuery, Map.of());
  }

  /** Per-query values of every summary metric that each query has; fills {@code ids}. */
  private static Map<String, double[]> perQuery(JsonNode pq, Iterable<String> metrics, List<String> ids,
      Path file) {
    Map<String, double[]> out = new LinkedHashMap<>();
    if (pq == null || !pq.isObject() || pq.isEmpty()) {
      return out;
    }
    pq.fields().forEachRemaining(e -> {
      if (!e.getValue().isObject()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: perQuery.%s: expected an object of metric values, found %s", file, e.getKey(),
            e.getValue().getNodeType()));
      }
      ids.add(e.getKey());
    });
    for (String metric : metrics) {
      double[] v = new double[ids.size()];
      boolean complete = true;
      for (int i = 0; i < v.length && complete; i++) {
        JsonNode x = pq.get(ids.get(i)).get(metric);
        complete = x != null && x.isNumber();
        v[i] = complete ? x.asDouble() : Double.NaN;
      }
      if (complete) {
        out.put(metric, v);
      }
    }
    return out;
  }

  private static Map<String, Long> totals(JsonNode counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (counts != null && counts.isObject()) {
      counts.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("num_q") && e.getValue().isIntegralNumber()) {
          out.put(e.getKey(), e.getValue().asLong());
        }
      });
    }
    return out;
  }
}
