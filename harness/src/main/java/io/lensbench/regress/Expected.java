package io.lensbench.regress;

import io.lensbench.eval.run.CellId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected results of one experiment, as kept in {@code experiments/<name>.expected.yaml}
 * (docs/regressions.md): per cell its query count and metric values, a tolerance per metric
 * family with per-cell overrides, the corpus, query-set and index counts, and what the values
 * were measured on.
 *
 * @param experiment the experiment's name
 * @param metrics the metric keys recorded for every cell, in order
 * @param tolerance absolute tolerance by metric family ({@code ndcg}) or key ({@code ndcg_at_10})
 * @param measuredOn what produced the values
 * @param counts corpus, query-set and index counts (checked exactly)
 * @param cells cell id → expected cell, in run order
 */
public record Expected(String experiment, List<String> metrics, Map<String, Double> tolerance,
    MeasuredOn measuredOn, Counts counts, Map<String, Cell> cells) {

  public static final int SCHEMA_VERSION = 1;

  /** The overview metrics of the report: recorded for every cell unless the file lists others. */
  public static final List<String> DEFAULT_METRICS =
      List.of("recall_at_10", "recall_at_100", "success_at_1", "success_at_10", "mrr", "ndcg_at_10");

  /**
   * Built-in tolerances by family, in metric units. The demo is deterministic (exact search, fixed
   * tie order); a tolerance absorbs float noise of the encoders' runtimes on other machines, which
   * can flip a near-tie in a query or two. Success@k moves in steps of 1/queries, so it gets more.
   */
  public static final Map<String, Double> DEFAULT_TOLERANCE = defaultTolerance();

  /** Used for a family without a default. */
  static final double FALLBACK_TOLERANCE = 0.005;

  public Expected {
    metrics = List.copyOf(metrics);
    tolerance = Collections.unmodifiableMap(new LinkedHashMap<>(tolerance));
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /**
   * One cell: its number of queries, its metric values (4 decimals) and per-metric tolerance
   * overrides (by key or family; empty when none).
   */
  public record Cell(int queries, Map<String, Double> values, Map<String, Double> tolerance) {
    public Cell {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      tolerance = Collections.unmodifiableMap(new LinkedHashMap<>(tolerance));
    }
  }

  /**
   * What the values were measured on: the dataset and its checksum, the resolved experiment's
   * config hash, the checkout (commit, dirty) that last ran the run, when it finished, the model
   * card ids and the store versions. Absent fields are null or empty.
   */
  public record MeasuredOn(String dataset, String datasetChecksum, String configHash, String commit,
      Boolean dirty, String finishedAt, Map<String, String> models, Map<String, String> stores) {
    public MeasuredOn {
      models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
      stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
    }
  }

  /**
   * One query set's counts and caveats.
   *
   * @param language the queries' language ({@code none} for image-only), or null
   * @param derived how the queries were derived (the query rows' {@code derived} attribute, e.g.
   *     {@code glossary-ko}), or null for queries written as such
   */
  public record QuerySetCount(int queries, int judgments, String language, String derived) {}

  /**
   * Counts checked exactly.
   *
   * @param corpusItems searchable corpus items (provenance), or null when the run does not say
   * @param querySets query set → counts
   * @param indexes strategy → store → documents in the collection the run searched
   */
  public record Counts(Integer corpusItems, Map<String, QuerySetCount> querySets,
      Map<String, Map<String, Long>> indexes) {
    public Counts {
      querySets = Collections.unmodifiableMap(new LinkedHashMap<>(querySets));
      indexes = Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
    }
  }

  private static Map<String, Double> defaultTolerance() {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("recall", 0.005);
    t.put("precision", 0.005);
    t.put("success", 0.01);
    t.put("mrr", 0.005);
    t.put("ndcg", 0.005);
    t.put("map", 0.005);
    return Collections.unmodifiableMap(t);
  }

  /** The metric family: the key before {@code _at_} ({@code ndcg_at_10} → {@code ndcg}). */
  public static String family(String metric) {
    int at = metric.indexOf("_at_");
    return at < 0 ? metric : metric.substring(0, at);
  }

  /**
   * The tolerance of {@code metric} in {@code cell}: the cell's override (by key, then family),
   * else the file's (by key, then family), else the built-in default of its family.
   */
  public double tolerance(String cell, String metric) {
    Cell c = cells.get(cell);
    Map<String, Double> own = c == null ? Map.of() : c.tolerance();
    for (Map<String, Double> m : List.of(own, tolerance, DEFAULT_TOLERANCE)) {
      Double t = m.containsKey(metric) ? m.get(metric) : m.get(family(metric));
      if (t != null) {
        return t;
      }
    }
    return FALLBACK_TOLERANCE;
  }

  /** Store names of the cells, in first-seen order. */
  public List<String> stores() {
    return cells.keySet().stream().map(id -> CellId.parse(id).store()).distinct().toList();
  }

  /**
   * This file's values with the hand-kept settings of {@code previous}: its metric list and
   * tolerances, and the per-cell overrides of cells that still exist.
   */
  public Expected withSettingsOf(Expected previous) {
    Map<String, Cell> merged = new LinkedHashMap<>();
    cells.forEach((id, c) -> {
      Cell old = previous.cells().get(id);
      merged.put(id, old == null ? c : new Cell(c.queries(), c.values(), old.tolerance()));
    });
    return new Expected(experiment, metrics, previous.tolerance(), measuredOn, counts, merged);
  }
}
