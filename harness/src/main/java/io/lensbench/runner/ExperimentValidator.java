package io.lensbench.runner;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Names;
import io.lensbench.runner.Experiment.DatasetSpec;
import io.lensbench.runner.Experiment.IndexConfig;
import io.lensbench.runner.Experiment.LimitsSpec;
import io.lensbench.runner.Experiment.ModelsSpec;
import io.lensbench.runner.Experiment.StoreSpec;
import io.lensbench.runner.Experiment.StrategySpec;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import io.lensbench.strategies.FusionSpec;
import io.lensbench.strategies.MultiVectorStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies command-line overrides, fills every default and checks every value of an experiment,
 * before any work starts. Model, dataset and store availability are checked afterwards by the
 * runner when it opens them (still before any encoding).
 */
public final class ExperimentValidator {
  public static final String DEFAULT_TEXT_ENCODER = "all-minilm-l6-v2-q";
  public static final String DEFAULT_JOINT_ENCODER = "default";
  public static final String DEFAULT_CAPTIONER = "attribute";
  public static final String DEFAULT_OCR = "tesseract";
  public static final String TEXT_SUMMARY = "text-summary";
  public static final List<String> STRATEGY_TYPES = List.of("joint", "crossmodal", "multivector");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> COMMON_KEYS = Set.of("id", "type");
  private static final Map<String, Set<String>> KEYS_BY_TYPE =
      Map.of(
          "joint", Set.of("withName", "jointEncoder"),
          "crossmodal", Set.of("captioner", "queryCaptioner", "ocr", "textEncoder"),
          "multivector",
              Set.of("captioner", "queryCaptioner", "ocr", "textEncoder", "jointEncoder", "fusion",
                  "rrfK", "normalization", "weights", "routes", "candidates"));

  private ExperimentValidator() {}

  /** The resolved experiment: overrides applied, every default filled, every value checked. */
  public static Experiment resolve(Experiment e, Overrides o, String where) {
    List<String> errors = new ArrayList<>();
    Integer version = e.schemaVersion();
    if (version == null) {
      errors.add("schemaVersion: missing (expected " + ExperimentReader.SCHEMA_VERSION + ")");
    } else if (version != ExperimentReader.SCHEMA_VERSION) {
      errors.add(String.format(Locale.ROOT, "schemaVersion: expected %d, found %d",
          ExperimentReader.SCHEMA_VERSION, version));
    }
    String name = e.name() == null ? "experiment" : e.name();
    if (!ID.matcher(name).matches()) {
      errors.add("name: expected lower-case letters, digits and '-', found " + Names.quote(name));
    }

    DatasetSpec ds = e.dataset();
    if (ds == null || ds.name() == null || ds.name().isBlank()) {
      errors.add("dataset.name: missing (e.g. 'fashion')");
      ds = new DatasetSpec("?", null, "test");
    } else {
      String split = ds.split() == null ? "test" : ds.split();
      if (!split.equals("test") && !split.equals("all")) {
        errors.add("dataset.split: expected 'test' or 'all', found '" + split + "'");
      }
      ExperimentChecks.name("dataset.name", ds.name(), errors);
      ExperimentChecks.path("dataset.path", ds.path(), errors);
      ds = new DatasetSpec(ds.name(), ds.path(), split);
    }

    List<String> querySets = !o.querySets().isEmpty() ? o.querySets()
        : e.querySets() == null ? List.of() : e.querySets();
    if (ExperimentChecks.noNulls("querySets", querySets, errors)) {
      ExperimentChecks.names("querySets", querySets, errors);
      checkUnique("querySets", querySets, errors);
    }

    List<StoreSpec> stores = new ArrayList<>();
    if (e.stores() == null || e.stores().isEmpty()) {
      errors.add("stores: missing (expected a list of {name: " + String.join("|", StoreKind.ids()) + "|"
          + io.lensbench.stores.StoreId.MILVUS_LITE + "})");
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < e.stores().size(); i++) {
        StoreSpec s = e.stores().get(i);
        if (s == null || StoreId.find(s.name()).isEmpty()) {
          errors.add(String.format(Locale.ROOT,
              "stores[%d].name: expected %s, found %s (several stores of one kind are named <kind>-<label>)",
              i, StoreKind.choices(), s == null || s.name() == null ? "nothing" : "'" + s.name() + "'"));
          continue;
        }
        if (!seen.add(s.name())) {
          errors.add(String.format(Locale.ROOT, "stores[%d]: store '%s' listed twice", i, s.name()));
        }
        for (String uri : s.uri() == null ? List.<String>of() : List.of(s.uri().split(",", -1))) {
          ExperimentChecks.url(String.format(Locale.ROOT, "stores[%d].uri", i), uri.strip(), errors);
        }
        if (s.requestTimeoutSeconds() != null && s.requestTimeoutSeconds() < 1) {
          errors.add(String.format(Locale.ROOT,
              "stores[%d].requestTimeoutSeconds: expected >= 1, found %d", i, s.requestTimeoutSeconds()));
        }
        if (s.shards() != null && (s.shards() < 1 || s.shards() > 1024)) {
          errors.add(String.format(Locale.ROOT, "stores[%d].shards: expected 1..1024, found %d", i, s.shards()));
        }
        if (s.replicas() != null && (s.replicas() < 0 || s.replicas() > 16)) {
          errors.add(String.format(Locale.ROOT, "stores[%d].replicas: expected 0..16, found %d", i, s.replicas()));
        }
        if (o.stores().isEmpty() || o.stores().contains(s.name())) {
          stores.add(new StoreSpec(s.name(), s.uri(), s.requestTimeoutSeconds(), s.shards(), s.replicas()));
        }
      }
      for (String want : o.stores()) {
        if (!seen.contains(want)) {
          errors.add(String.format(Locale.ROOT,
              "--stores: store '%s' is not in the experiment (it has %s)", want, seen));
        }
      }
    }

    ModelsSpec m = e.models() == null ? new ModelsSpec(null, null, null, null) : e.models();
    m = new ModelsSpec(
        or(m.text(), DEFAULT_TEXT_ENCODER), or(m.joint(), DEFAULT_JOINT_ENCODER),
        or(m.captioner(), DEFAULT_CAPTIONER), or(m.ocr(), DEFAULT_OCR));

    int k = o.k() != null ? o.k() : e.k() != null ? e.k() : 100;
    ExperimentChecks.depth("k", k, errors);
    int concurrency = o.concurrency() != null ? o.concurrency()
        : e.concurrency() != null ? e.concurrency() : 2;
    if (concurrency < 1 || concurrency > 64) {
      errors.add("concurrency: expected 1..64, found " + concurrency);
    }
    int batchSize = e.batchSize() == null ? 64 : e.batchSize();
    if (batchSize < 1) {
      errors.add("batchSize: expected >= 1, found " + batchSize);
    }
    long seed = e.seed() == null ? 42L : e.seed();

    IndexConfig idx = e.index() == null ? new IndexConfig(null, null, null, null) : e.index();
    String itype = idx.type() == null ? "flat" : idx.type();
    if (itype.equals("flat")) {
      if (idx.m() != null || idx.efConstruction() != null || idx.efSearch() != null) {
        errors.add("index: m / efConstruction / efSearch apply to type 'hnsw' only, type is 'flat'");
      }
      idx = new IndexConfig("flat", null, null, null);
    } else if (itype.equals("hnsw")) {
      int mm = idx.m() == null ? 16 : idx.m();
      int efc = idx.efConstruction() == null ? 200 : idx.efConstruction();
      int efs = idx.efSearch() == null ? Math.max(100, k) : idx.efSearch();
      if (mm < 2 || efc < 1) {
        errors.add(String.format(Locale.ROOT, "index: expected m >= 2 and efConstruction >= 1, found m=%d efConstruction=%d", mm, efc));
      }
      if (efs < k) {
        errors.add(String.format(Locale.ROOT, "index.efSearch: must be >= k (%d), found %d", k, efs));
      }
      idx = new IndexConfig("hnsw", mm, efc, efs);
    } else {
      errors.add("index.type: expected 'flat' or 'hnsw', found '" + itype + "'");
    }

    List<StrategySpec> strategies = new ArrayList<>();
    if (e.strategies() != null && !ExperimentChecks.noNulls("strategies", e.strategies(), errors)) {
      e = withoutStrategies(e);
    }
    if (e.strategies() == null || e.strategies().isEmpty()) {
      errors.add("strategies: missing (expected a list with types " + STRATEGY_TYPES + ")");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < e.strategies().size(); i++) {
        StrategySpec s = resolveStrategy(e.strategies().get(i), i, m, k, errors);
        if (s == null) {
          continue;
        }
        if (!ids.add(s.id())) {
          errors.add(String.format(Locale.ROOT, "strategies[%d]: id '%s' is used twice", i, s.id()));
        }
        if (o.strategies().isEmpty() || o.strategies().contains(s.id())) {
          strategies.add(s);
        }
      }
      for (String want : o.strategies()) {
        if (!ids.contains(want)) {
          errors.add(String.format(Locale.ROOT,
              "--strategies: strategy '%s' is not in the experiment (it has %s)", want, new TreeMap<>(
                  ids.stream().collect(java.util.stream.Collectors.toMap(x -> x, x -> x))).keySet()));
        }
      }
    }

    Map<String, Object> rr = null;
    if (e.reranker() != null) {
      rr = new LinkedHashMap<>(e.reranker());
      Object type = rr.get("type");
      if (!(type instanceof String t) || t.isBlank()) {
        errors.add("reranker.type: missing (e.g. llm-listwise, encoder-text, encoder-joint)");
      } else {
        Object rid = rr.getOrDefault("id", t);
        if (!(rid instanceof String ridS) || !ID.matcher(ridS).matches()) {
          errors.add("reranker.id: expected lower-case letters, digits and '-', found '" + rid + "'");
        }
        rr.put("id", rid);
        Object topN = rr.getOrDefault("topN", Math.min(k, 20));
        if (!(topN instanceof Integer n) || n < 1 || n > k) {
          errors.add(String.format(Locale.ROOT, "reranker.topN: expected an integer 1..k (%d), found %s", k, topN));
        }
        rr.put("topN", topN);
        if (rr.get("endpoint") instanceof Map<?, ?> endpoint && endpoint.get("baseUrl") instanceof String url) {
          ExperimentChecks.url("reranker.endpoint.baseUrl", url, errors);
        }
      }
    }

    LimitsSpec lim = e.limits() == null ? new LimitsSpec(null, null) : e.limits();
    Integer maxItems = o.maxItems() != null ? o.maxItems() : lim.items();
    Integer maxQueries = o.maxQueries() != null ? o.maxQueries() : lim.queriesPerSet();
    if (maxItems != null && maxItems < 1) {
      errors.add("limits.items: expected >= 1, found " + maxItems);
    }
    if (maxQueries != null && maxQueries < 1) {
      errors.add("limits.queriesPerSet: expected >= 1, found " + maxQueries);
    }
    String output = o.output() != null ? o.output() : e.output() != null ? e.output() : "runs/" + name;
    ExperimentChecks.path("output", output, errors);
    for (String model : new String[] {m.text(), m.joint(), m.captioner(), m.ocr()}) {
      ExperimentChecks.path("models", model, errors);
    }

    if (!errors.isEmpty()) {
      throw new BadInputException(where + ": invalid experiment:\n  " + String.join("\n  ", errors));
    }
    return new Experiment(
        ExperimentReader.SCHEMA_VERSION, name, ds, List.copyOf(querySets), List.copyOf(stores), m,
        idx, List.copyOf(strategies), rr, k, concurrency, batchSize, seed,
        new LimitsSpec(maxItems, maxQueries), output);
  }

  private static StrategySpec resolveStrategy(
      StrategySpec s, int i, ModelsSpec m, int k, List<String> errors) {
    String at = String.format(Locale.ROOT, "strategies[%d]", i);
    if (s == null) {
      errors.add(at + ": empty");
      return null;
    }
    if (s.type() == null || !STRATEGY_TYPES.contains(s.type())) {
      errors.add(String.format(Locale.ROOT, "%s.type: unknown strategy %s (expected one of %s)",
          at, s.type() == null ? "(missing)" : "'" + s.type() + "'", String.join(", ", STRATEGY_TYPES)));
      return null;
    }
    String type = s.type();
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("withName", s.withName());
    given.put("captioner", s.captioner());
    given.put("queryCaptioner", s.queryCaptioner());
    given.put("ocr", s.ocr());
    given.put("textEncoder", s.textEncoder());
    given.put("jointEncoder", s.jointEncoder());
    given.put("fusion", s.fusion());
    given.put("rrfK", s.rrfK());
    given.put("normalization", s.normalization());
    given.put("weights", s.weights());
    given.put("routes", s.routes());
    given.put("candidates", s.candidates());
    Set<String> allowed = KEYS_BY_TYPE.get(type);
    given.forEach(
        (key, v) -> {
          if (v != null && !allowed.contains(key) && !COMMON_KEYS.contains(key)) {
            errors.add(String.format(Locale.ROOT,
                "%s: key '%s' does not apply to strategy type '%s' (it takes %s)",
                at, key, type, new TreeMap<>(toMap(allowed)).keySet()));
          }
        });
    String fusion = s.fusion() == null ? "rrf" : s.fusion();
    String defaultId = type.equals("multivector") ? "multivector-" + fusion
        : type.equals("crossmodal") ? "crossmodal-" + or(s.captioner(), TEXT_SUMMARY) : type;
    String id = s.id() == null ? defaultId : s.id();
    if (!ID.matcher(id).matches()) {
      errors.add(at + ".id: expected lower-case letters, digits and '-', found '" + id + "'");
    }
    switch (type) {
      case "joint":
        return new StrategySpec(id, type, s.withName() != null && s.withName(), null, null, null,
            null, or(s.jointEncoder(), m.joint()), null, null, null, null, null, null);
      case "crossmodal":
        return new StrategySpec(id, type, null, or(s.captioner(), TEXT_SUMMARY),
            or(s.queryCaptioner(), m.captioner()), or(s.ocr(), m.ocr()),
            or(s.textEncoder(), m.text()), null, null, null, null, null, null, null);
      default:
        try {
          FusionSpec.Mode.parse(fusion, at + ".fusion");
        } catch (BadInputException ex) {
          errors.add(ex.getMessage());
        }
        String norm = s.normalization() == null ? "min-max" : s.normalization();
        if (!List.of("min-max", "z-score", "none").contains(norm)) {
          errors.add(at + ".normalization: expected min-max, z-score or none, found '" + norm + "'");
        }
        int rrfK = s.rrfK() == null ? 60 : s.rrfK();
        if (rrfK < 0) {
          errors.add(at + ".rrfK: expected >= 0, found " + rrfK);
        }
        int candidates = s.candidates() == null ? Math.max(k, 100) : s.candidates();
        if (candidates < 1 || candidates > ExperimentChecks.MAX_K) {
          errors.add(String.format(Locale.ROOT, "%s.candidates: expected 1..%d, found %d", at,
              ExperimentChecks.MAX_K, candidates));
        }
        Map<String, Double> weights = s.weights() == null ? Map.of() : s.weights();
        weights.forEach((f, w) -> {
          if (!MultiVectorStrategy.FIELDS.contains(f)) {
            errors.add(String.format(Locale.ROOT, "%s.weights: unknown field '%s' (expected one of %s)",
                at, f, new TreeMap<>(toMap(MultiVectorStrategy.FIELDS)).keySet()));
          } else if (w == null || w < 0 || w.isNaN()) {
            errors.add(String.format(Locale.ROOT, "%s.weights.%s: expected a number >= 0, found %s", at, f, w));
          }
        });
        Map<String, List<String>> routes = s.routes() == null ? Map.of() : s.routes();
        if (!ExperimentChecks.noNulls(at + ".routes", routes, errors)) {
          routes = Map.of();
        }
        routes.forEach((r, fields) -> {
          if (!ExperimentChecks.noNulls(at + ".routes." + r, fields, errors)) {
            return;
          }
          String kind = r.contains(".") ? r.substring(0, r.indexOf('.')) : r;
          if (!List.of("text", "image", "table_image", "image_text").contains(kind)) {
            errors.add(String.format(Locale.ROOT,
                "%s.routes: unknown query kind in '%s' (expected <kind> or <kind>.<lang>, kind one of text, image, table_image, image_text)", at, r));
          }
          for (String f : fields == null ? List.<String>of() : fields) {
            if (!MultiVectorStrategy.FIELDS.contains(f)) {
              errors.add(String.format(Locale.ROOT, "%s.routes.%s: unknown field '%s' (expected one of %s)",
                  at, r, f, new TreeMap<>(toMap(MultiVectorStrategy.FIELDS)).keySet()));
            }
          }
        });
        return new StrategySpec(id, type, null, s.captioner(), or(s.queryCaptioner(), m.captioner()),
            or(s.ocr(), m.ocr()), or(s.textEncoder(), m.text()), or(s.jointEncoder(), m.joint()),
            fusion, rrfK, norm, new TreeMap<>(weights), new TreeMap<>(routes), candidates);
    }
  }

  private static Experiment withoutStrategies(Experiment e) {
    return new Experiment(e.schemaVersion(), e.name(), e.dataset(), e.querySets(), e.stores(),
        e.models(), e.index(), List.of(), e.reranker(), e.k(), e.concurrency(), e.batchSize(),
        e.seed(), e.limits(), e.output());
  }

  private static Map<String, String> toMap(Set<String> s) {
    Map<String, String> m = new LinkedHashMap<>();
    s.forEach(x -> m.put(x, x));
    return m;
  }

  private static void checkUnique(String what, List<String> values, List<String> errors) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (!seen.add(v)) {
        errors.add(what + ": '" + v + "' listed twice");
      }
    }
  }

  private static String or(String v, String dflt) {
    return v == null || v.isBlank() ? dflt : v;
  }
}
