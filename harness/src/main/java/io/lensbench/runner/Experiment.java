package io.lensbench.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An experiment file as read (YAML or JSON), before defaults and validation. Every field may be
 * null here; {@link ExperimentValidator} fills defaults and checks every value, producing the
 * resolved {@link Experiment} that is written to {@code experiment.resolved.json}. Unknown keys are
 * rejected by the reader.
 *
 * @param schemaVersion must be {@value ExperimentReader#SCHEMA_VERSION}
 * @param name experiment name (used in provenance and the default output directory)
 * @param dataset which dataset and which part of it
 * @param querySets query sets to run; empty or null = every query set of the dataset
 * @param stores stores to run on
 * @param models default model ids for the strategies
 * @param index vector index settings shared by every strategy
 * @param strategies strategies to run
 * @param reranker optional second stage; null = none. A mapping with {@code type}
 *     (e.g. {@code llm-listwise}, {@code encoder-text}, {@code encoder-joint}), optional {@code id}
 *     and {@code topN} (first-stage hits reranked), and the reranker's own keys, which the
 *     reranker validates
 * @param k run depth: hits kept per query
 * @param concurrency queries searched in parallel per cell
 * @param batchSize items encoded and upserted per batch
 * @param seed seed recorded for anything random downstream (bootstrap)
 * @param limits optional caps for quick runs
 * @param output run directory
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Experiment(
    Integer schemaVersion,
    String name,
    DatasetSpec dataset,
    List<String> querySets,
    List<StoreSpec> stores,
    ModelsSpec models,
    IndexConfig index,
    List<StrategySpec> strategies,
    Map<String, Object> reranker,
    Integer k,
    Integer concurrency,
    Integer batchSize,
    Long seed,
    LimitsSpec limits,
    String output) {

  /**
   * @param name dataset name, e.g. {@code fashion}
   * @param path dataset directory; null = the default location for the name
   * @param split which items form the searchable corpus: {@code test} (default) or {@code all}
   */
  public record DatasetSpec(String name, String path, String split) {}

  /**
   * @param name {@code milvus} (the Milvus server), {@code milvus-lite} (Milvus Lite), {@code
   *     opensearch}, or a kind followed by {@code -} and a label when a run holds several stores of
   *     one kind; the kind comes from the name ({@link io.lensbench.stores.StoreId})
   * @param uri server address; null = {@code LENSBENCH_MILVUS_URI} / {@code LENSBENCH_MILVUS_LITE_URI}
   *     / {@code LENSBENCH_OPENSEARCH_URL}, else the embedded store (credentials always come from
   *     the environment)
   * @param requestTimeoutSeconds time allowed for one store request; null = the adapter's default
   * @param shards primary shards of the collections this store builds; null = the store's default
   *     (OpenSearch 1)
   * @param replicas copies besides the primary; null = the store's default (OpenSearch 0)
   */
  public record StoreSpec(String name, String uri, Integer requestTimeoutSeconds,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer shards,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer replicas) {
    public StoreSpec(String name, String uri, Integer requestTimeoutSeconds) {
      this(name, uri, requestTimeoutSeconds, null, null);
    }

    /** The shards and replicas asked for. */
    public io.lensbench.stores.StoreLayout layout() {
      return new io.lensbench.stores.StoreLayout(shards, replicas);
    }
  }

  /**
   * Default model ids; a strategy may override each.
   *
   * @param text text encoder id
   * @param joint joint image–text encoder id
   * @param captioner image captioner for image queries (and item captions when a strategy asks)
   * @param ocr OCR captioner for table-image queries
   */
  public record ModelsSpec(String text, String joint, String captioner, String ocr) {}

  /**
   * @param type {@code flat} (exact) or {@code hnsw}
   */
  public record IndexConfig(String type, Integer m, Integer efConstruction, Integer efSearch) {}

  /**
   * One strategy. Which keys apply depends on {@code type}; a key that does not apply is an
   * error.
   *
   * @param id id in cell names (defaults to the type; must be unique)
   * @param type {@code joint}, {@code crossmodal} or {@code multivector}
   * @param withName joint: index image + product name instead of the image alone
   * @param captioner crossmodal: item description source ({@code text-summary}, {@code attribute},
   *     {@code vlm}, or a captioner id); multivector: source of the {@code caption} field (none =
   *     no caption field)
   * @param queryCaptioner crossmodal/multivector: captioner for image queries
   * @param ocr crossmodal/multivector: OCR for table-image queries
   * @param textEncoder crossmodal/multivector: text encoder id
   * @param jointEncoder joint/multivector: joint encoder id
   * @param fusion multivector: rrf | weighted | native-rrf | native-weighted
   * @param rrfK multivector: RRF constant (60)
   * @param normalization multivector weighted: min-max | z-score | none
   * @param weights multivector: per-field weights
   * @param routes multivector: query route ({@code <kind>} or {@code <kind>.<lang>}) → fields
   * @param candidates multivector: depth of each sub-search before fusion
   */
  public record StrategySpec(
      String id,
      String type,
      Boolean withName,
      String captioner,
      String queryCaptioner,
      String ocr,
      String textEncoder,
      String jointEncoder,
      String fusion,
      Integer rrfK,
      String normalization,
      Map<String, Double> weights,
      Map<String, List<String>> routes,
      Integer candidates) {}

  /**
   * The second stage, as resolved from the {@code reranker} mapping.
   *
   * @param id id in cell names
   * @param type reranker type, resolved by the reranker factory
   * @param topN how many first-stage hits are reranked
   * @param config the whole mapping (the reranker validates its own keys)
   */
  public record RerankerSpec(String id, String type, int topN, Map<String, Object> config) {
    public RerankerSpec {
      config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
  }

  /** The resolved reranker, or null when there is none. */
  public RerankerSpec rerankerSpec() {
    if (reranker == null) {
      return null;
    }
    return new RerankerSpec(String.valueOf(reranker.get("id")), String.valueOf(reranker.get("type")),
        ((Number) reranker.get("topN")).intValue(), reranker);
  }

  /**
   * @param items index only the first N corpus items (qrels are cut to them)
   * @param queriesPerSet run only the first N queries of each query set
   */
  public record LimitsSpec(Integer items, Integer queriesPerSet) {}
}
