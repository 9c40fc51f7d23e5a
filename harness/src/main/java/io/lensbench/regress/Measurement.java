package io.lensbench.regress;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.eval.run.QueriesFile;
import io.lensbench.eval.run.QueryRow;
import io.lensbench.eval.run.RunCell;
import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.trec.TrecQrelsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run directory measured, in the shape of an expected file: every scored cell's values of
 * the listed metrics (rounded to 4 decimals; a metric the cell lacks is left out, so the check
 * reports it missing; a metric no cell has is dropped from the list), the query-set counts from queries/ and qrels/, the corpus size and the
 * identity of the run from provenance.json, and the index counts the caller observed.
 */
public final class Measurement {
  private Measurement() {}

  /**
   * @param provenance the provenance of the run that produced the values (provenance.json)
   * @param indexes strategy → store → documents, as observed while the run opened its
   *     collections (empty when not observed)
   */
  public static Expected of(Path runDir, JsonNode provenance, String experiment, List<String> metrics,
      Map<String, Map<String, Long>> indexes) {
    RunDirectory run = new RunDirectory(runDir);
    Map<String, Expected.Cell> cells = new LinkedHashMap<>();
    for (RunCell c : run.cells()) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (String m : metrics) {
        double v = c.mean(m);
        if (!Double.isNaN(v)) {
          values.put(m, ExpectedYaml.rounded(v));
        }
      }
      cells.put(c.cell(), new Expected.Cell(c.scores().numQueries(), values, Map.of()));
    }
    JsonNode prov = provenance;
    JsonNode corpus = prov.path("dataset").path("corpusItems");
    Expected.Counts counts = new Expected.Counts(corpus.isIntegralNumber() ? corpus.asInt() : null,
        querySets(run, cells), indexes);
    List<String> recorded = metrics.stream().filter(m -> cells.values().stream().anyMatch(c -> c.values().containsKey(m))).toList();
    return new Expected(experiment, recorded.isEmpty() ? metrics : recorded, Expected.DEFAULT_TOLERANCE, measuredOn(prov), counts, cells);
  }

  /**
   * The measurement as a file to keep: bad input naming the cell when a cell lacks a metric the
   * file records (missing or NaN), since a file never holds a missing value.
   */
  public static Expected complete(Expected measured, Path runDir) {
    measured.cells().forEach((id, c) -> measured.metrics().forEach(m -> {
      if (!c.values().containsKey(m)) {
        throw new io.lensbench.core.BadInputException(String.format(java.util.Locale.ROOT,
            "%s: cell %s has no value of %s (missing or NaN), so it cannot be recorded as expected", runDir, id, m));
      }
    }));
    return measured;
  }

  private static Map<String, Expected.QuerySetCount> querySets(RunDirectory run, Map<String, Expected.Cell> cells) {
    Map<String, Expected.QuerySetCount> out = new TreeMap<>();
    cells.keySet().stream().map(id -> io.lensbench.eval.run.CellId.parse(id).querySet()).distinct().forEach(qs -> {
      Path queries = run.queriesFile(qs);
      Path qrels = run.qrelsFile(qs);
      List<QueryRow> rows = Files.isRegularFile(queries) ? QueriesFile.read(queries) : List.of();
      int judgments = Files.isRegularFile(qrels)
          ? TrecQrelsReader.read(qrels).asMap().values().stream().mapToInt(Map::size).sum() : 0;
      out.put(qs, new Expected.QuerySetCount(rows.size(), judgments, common(rows, QueryRow::language),
          common(rows, r -> r.attributes().get("derived"))));
    });
    return out;
  }

  /** The value every row shares, or null (none, or rows that differ). */
  private static String common(List<QueryRow> rows, java.util.function.Function<QueryRow, String> f) {
    List<String> values = rows.stream().map(f).distinct().toList();
    return values.size() == 1 ? values.get(0) : null;
  }

  private static Expected.MeasuredOn measuredOn(JsonNode prov) {
    Map<String, String> models = new LinkedHashMap<>();
    prov.path("models").forEach(m -> models.put(m.path("id").asText(),
        text(m.path("card").path("id"), m.path("id").asText())));
    Map<String, String> stores = new LinkedHashMap<>();
    prov.path("stores").forEach(s -> stores.put(s.path("name").asText(), text(s.path("version"), "")));
    JsonNode dirty = prov.path("git").path("dirty");
    return new Expected.MeasuredOn(text(prov.path("dataset").path("name"), null),
        text(prov.path("dataset").path("checksum"), null), text(prov.path("configHash"), null),
        text(prov.path("git").path("commit"), null), dirty.isBoolean() ? dirty.asBoolean() : null,
        text(prov.path("finishedAt"), null), models, stores);
  }

  private static String text(JsonNode n, String fallback) {
    return n.isValueNode() && !n.isNull() ? n.asText() : fallback;
  }

  /** True when both name the same dataset content (or either does not say). */
  static boolean sameDataset(Expected a, Expected b) {
    String x = a.measuredOn().datasetChecksum();
    String y = b.measuredOn().datasetChecksum();
    return x == null || y == null || Objects.equals(x, y);
  }
}
