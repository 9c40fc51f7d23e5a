package io.lensbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.MetricKey;
import io.lensbench.eval.metrics.QueryEvaluation;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.metrics.Summary;
import io.lensbench.eval.stats.BootstrapOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * metrics/&lt;cell&gt;.json (docs/run-directory.md): written from a {@link CellMetrics}, read back
 * as a {@link ScoredCell} by {@link MetricsReader} — the one reader behind compare, gate and the
 * report.
 */
public final class MetricsFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsFile() {}

  /** Reads a metrics/&lt;cell&gt;.json file; malformed files are bad input naming the file. */
  public static ScoredCell read(Path file) {
    return MetricsReader.read(file);
  }

  /** Writes the metrics JSON of {@code cell} (a cell id, or any run name) to {@code file}. */
  public static Path write(Path file, CellMetrics metrics, String cell) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, toJson(metrics, cell) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
    return file;
  }

  /**
   * The metrics JSON document. The cell parts (dataset, querySet, strategy, store, reranker) come
   * from {@code cell} when it is a cell id, and are null otherwise.
   */
  public static String toJson(CellMetrics metrics, String cell) {
    CellId id = CellId.tryParse(cell).orElse(null);
    ObjectNode root = JSON.createObjectNode();
    root.put("cell", cell);
    root.put("dataset", id == null ? null : id.dataset());
    root.put("querySet", id == null ? null : id.querySet());
    root.put("strategy", id == null ? null : id.strategy());
    root.put("store", id == null ? null : id.store());
    root.put("reranker", id == null ? null : id.reranker());
    Summary overall = metrics.overall();
    root.put("numQueries", overall.numQueries());
    root.set("summary", summaryNode(metrics, overall));
    root.set("counts", countsNode(overall));
    ObjectNode sl = root.putObject("slices");
    metrics.slices().forEach((name, s) -> {
      ObjectNode n = sl.putObject(name);
      n.put("numQueries", s.numQueries());
      n.set("summary", summaryNode(metrics, s));
      n.set("counts", countsNode(s));
    });
    root.set("perQuery", perQueryNode(metrics));
    root.set("evaluation", evaluationNode(metrics));
    BootstrapOptions bootstrap = metrics.bootstrap();
    ObjectNode bs = root.putObject("bootstrap");
    bs.put("resamples", bootstrap.resamples());
    bs.put("seed", bootstrap.seed());
    bs.put("level", bootstrap.level());
    bs.put("method", "percentile");
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode perQueryNode(CellMetrics metrics) {
    ObjectNode pq = JSON.createObjectNode();
    EvalOptions o = metrics.run().options();
    int[] cut = o.cutoffs();
    for (QueryEvaluation q : metrics.run().queries()) {
      ObjectNode n = pq.putObject(q.queryId());
      for (MetricKey k : metrics.keys()) {
        if (k.kind().isCount()) {
          n.put(k.key(), (long) k.value(q, o));
        } else {
          n.put(k.key(), k.value(q, o));
        }
      }
      n.put("empty", q.empty());
      n.put("inRun", q.inRun());
      for (int c = 0; c < cut.length; c++) {
        n.put("ties_at_" + cut[c], q.tiesAt(c));
      }
      if (q.duplicatesRemoved() > 0) {
        n.put("duplicatesRemoved", q.duplicatesRemoved());
      }
    }
    return pq;
  }

  private static ObjectNode evaluationNode(CellMetrics metrics) {
    EvalOptions o = metrics.run().options();
    ObjectNode ev = JSON.createObjectNode();
    ev.put("relevanceLevel", o.relevanceLevel());
    ev.set("cutoffs", JSON.valueToTree(o.cutoffs()));
    ev.put("duplicates", o.duplicates().name().toLowerCase(Locale.ROOT));
    ev.put("duplicatesRemoved", metrics.run().duplicatesRemoved());
    ev.put("emptyQueries", metrics.run().queries().stream().filter(QueryEvaluation::empty).count());
    ev.set("unjudgedRunQueries", JSON.valueToTree(metrics.run().unjudgedRunQueries()));
    ev.put("semantics", "trec_eval 9.0.4 -c");
    return ev;
  }

  private static ObjectNode summaryNode(CellMetrics metrics, Summary s) {
    ObjectNode n = JSON.createObjectNode();
    for (MetricKey k : metrics.keys()) {
      ObjectNode m = n.putObject(k.key());
      putNum(m, "mean", s.means().get(k.key()));
      putNum(m, "ciLow", s.ci(k.key()).low());
      putNum(m, "ciHigh", s.ci(k.key()).high());
    }
    return n;
  }

  private static ObjectNode countsNode(Summary s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("num_q", s.numQueries());
    s.totals().forEach(n::put);
    return n;
  }

  private static void putNum(ObjectNode n, String k, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(k);
    } else {
      n.put(k, v);
    }
  }

  /** A number field: number, null (NaN) or numeric text; anything else is bad input. */
  static double number(JsonNode v, Path file, String where) {
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new BadInputException(String.format(Locale.ROOT, "%s: %s: expected a number, found %s",
        file, where, v));
  }
}
