package io.lensbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.captioners.CachedCaptioner;
import io.lensbench.encoders.CachedJointEncoder;
import io.lensbench.encoders.CachedTextEncoder;
import io.lensbench.captioners.AttributeCaptioner;
import io.lensbench.captioners.Captioner;
import io.lensbench.captioners.OcrCaptioner;
import io.lensbench.captioners.VlmCaptioner;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointTrainingConfig;
import io.lensbench.encoders.joint.TrainedJointEncoder;
import io.lensbench.eval.metrics.CellInfo;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.ScoreOptions;
import io.lensbench.eval.metrics.Scoring;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.OpenAiConfig;
import io.lensbench.rerank.Candidate;
import io.lensbench.rerank.RerankResult;
import io.lensbench.rerank.RerankSpec;
import io.lensbench.strategies.QueryText;
import io.lensbench.rerank.Reranker;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.core.SearchHit;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.Stores;
import io.lensbench.strategies.TextSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real parts: {@link DatasetLoader}, {@link Stores} (Milvus, OpenSearch), ONNX text encoders
 * and the trained joint encoder behind the on-disk embedding cache ({@code io.lensbench.cache}),
 * OCR / attribute / VLM captioners behind the caption cache, the rerankers of
 * {@code io.lensbench.rerank}, and the trec_eval-exact scorer of {@code io.lensbench.eval.metrics}.
 * Everything opened here is closed, in reverse order, by {@link #close()}.
 *
 * <p>Model ids: text encoders as {@link TextEncoders} (built-in id or ONNX folder); a joint
 * encoder id is {@code default} (the dataset's default trained model), a model folder, or a name
 * under {@code LensBenchHome/models/joint/}; captioners
 * {@code attribute} (the joint encoder named by {@code models.joint} over the dataset's attribute
 * vocabulary), {@code tesseract} (OCR, eng+kor) and {@code vlm} (an OpenAI-compatible endpoint from
 * {@code LENSBENCH_VLM_BASE_URL} and {@code LENSBENCH_VLM_MODEL}).
 */
public final class DefaultComponents implements Components {
  private final Experiment exp;
  private final PrintStream err;
  private final Path cacheRoot;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final Map<String, TextEncoder> texts = new HashMap<>();
  private final Map<String, JointEncoder> joints = new HashMap<>();
  private final Map<String, Map<String, Object>> cards = new LinkedHashMap<>();
  private Dataset dataset;

  public DefaultComponents(Experiment resolved, PrintStream err) {
    this.exp = resolved;
    this.err = err;
    this.cacheRoot = LensBenchHome.cacheDir();
  }

  private <T extends AutoCloseable> T track(T t) {
    opened.push(t);
    return t;
  }

  /** Where a dataset name lives when the experiment gives no path. */
  public static Path defaultDatasetDir(String name) {
    return LensBenchHome.resolve().resolve("datasets").resolve(name);
  }

  @Override
  public Dataset dataset(Experiment.DatasetSpec spec) {
    if (dataset == null) {
      Path dir = spec.path() != null ? Path.of(spec.path()) : defaultDatasetDir(spec.name());
      if (!Files.isDirectory(dir)) {
        throw new BadInputException(String.format(Locale.ROOT,
            "dataset '%s': expected a dataset directory at %s, found none (build it: "
                + "lensbench datasets build %s --out %s)", spec.name(), dir, spec.name(), dir));
      }
      Dataset d = DatasetLoader.load(dir);
      if (!d.name().equals(spec.name())) {
        throw new BadInputException(String.format(Locale.ROOT,
            "dataset at %s: expected name '%s', found '%s'", dir, spec.name(), d.name()));
      }
      dataset = d;
    }
    return dataset;
  }

  @Override
  public RetrievalStore store(Experiment.StoreSpec spec) {
    return track(Stores.open(spec.name(), storeConfig(spec)));
  }

  /** The environment's store config (URIs, credentials), with the experiment's uri and timeout. */
  static StoreConfig storeConfig(Experiment.StoreSpec spec) {
    StoreConfig cfg = StoreConfig.fromEnvironment();
    if (spec.uri() != null) {
      cfg = spec.name().equals("milvus")
          ? cfg.withMilvus(new StoreConfig.MilvusConfig(spec.uri(), cfg.milvus().token(),
              cfg.milvus().user(), cfg.milvus().password(), cfg.milvus().database()))
          : cfg.withOpenSearch(new StoreConfig.OpenSearchConfig(List.of(spec.uri()),
              cfg.opensearch().user(), cfg.opensearch().password(), cfg.opensearch().insecure(),
              cfg.opensearch().trustStore(), cfg.opensearch().trustStorePassword()));
    }
    if (spec.requestTimeoutSeconds() != null) {
      cfg = cfg.withTimeouts(cfg.connectTimeout(), Duration.ofSeconds(spec.requestTimeoutSeconds()));
    }
    return cfg;
  }

  @Override
  public String storeAddress(Experiment.StoreSpec spec) {
    StoreConfig cfg = storeConfig(spec);
    return spec.name().equals("milvus") ? cfg.milvus().uri() : String.join(",", cfg.opensearch().urls());
  }

  @Override
  public TextEncoder textEncoder(String id) {
    TextEncoder t = texts.get(id);
    if (t == null) {
      t = track(new CachedTextEncoder(TextEncoders.open(id), cacheRoot));
      texts.put(id, t);
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("id", t.id());
      card.put("kind", "text-encoder");
      card.put("dimension", t.dimension());
      cards.put(id, card);
    }
    return t;
  }

  @Override
  public JointEncoder jointEncoder(String id) {
    JointEncoder j = joints.get(id);
    if (j == null) {
      Path dir = jointDir(id);
      JointEncoder opened;
      if (id.equals(ExperimentValidator.DEFAULT_JOINT_ENCODER)) {
        if (!JointModels.isTrained(dir)) {
          throw new InfrastructureException(String.format(Locale.ROOT,
              "joint encoder 'default': expected the dataset's trained model in %s, found none "
                  + "(train it: lensbench train joint --dataset %s; the demo does this once)",
              dir, dataset.root()));
        }
        opened = TrainedJointEncoder.open(dir);
      } else {
        if (!Files.isDirectory(dir)) {
          throw new BadInputException(String.format(Locale.ROOT,
              "joint encoder '%s': expected a model folder (or 'default'), found no folder at %s",
              id, dir));
        }
        opened = JointEncoders.open(dir);
      }
      Map<String, Object> card = new LinkedHashMap<>();
      if (opened instanceof TrainedJointEncoder trained) {
        card.putAll(trained.card());
      } else {
        card.put("id", opened.id());
        card.put("dimension", opened.dimension());
      }
      card.put("folder", dir.toString());
      cards.put(id, card);
      j = track(new CachedJointEncoder(opened, cacheRoot));
      joints.put(id, j);
    }
    return j;
  }

  /**
   * {@code default}: the dataset's default model ({@link JointModels#defaultDir}, default training
   * config and text encoder — what the demo trains); an existing folder; else a name under
   * {@code LensBenchHome/models/joint/}.
   */
  public Path jointDir(String id) {
    if (id.equals(ExperimentValidator.DEFAULT_JOINT_ENCODER)) {
      if (dataset == null) {
        throw new IllegalStateException("the default joint model needs the dataset loaded first");
      }
      return JointModels.defaultDir(dataset, JointTrainingConfig.defaults(), TextEncoders.DEFAULT_ID);
    }
    Path dir = Path.of(id);
    if (Files.isDirectory(dir)) {
      return dir.toAbsolutePath();
    }
    return LensBenchHome.resolve().resolve("models").resolve("joint").resolve(id);
  }

  @Override
  public Captioner captioner(String id) {
    Captioner inner;
    switch (id) {
      case "tesseract":
        inner = new OcrCaptioner();
        break;
      case "attribute": {
        if (dataset == null) {
          throw new IllegalStateException("the attribute captioner needs the dataset loaded first");
        }
        List<Map<String, String>> attrs = new ArrayList<>();
        for (Item it : dataset.items().values()) {
          attrs.add(it.attributes());
        }
        inner = new AttributeCaptioner(
            jointEncoder(exp.models().joint()), AttributeCaptioner.Vocabulary.fromAttributes(attrs));
        break;
      }
      case "vlm": {
        String base = System.getenv("LENSBENCH_VLM_BASE_URL");
        String model = System.getenv("LENSBENCH_VLM_MODEL");
        if (base == null || model == null) {
          throw new BadInputException("captioner 'vlm': expected an OpenAI-compatible endpoint in "
              + "LENSBENCH_VLM_BASE_URL and LENSBENCH_VLM_MODEL, found "
              + (base == null ? "no LENSBENCH_VLM_BASE_URL" : "no LENSBENCH_VLM_MODEL"));
        }
        inner = new VlmCaptioner(track(new OpenAiChatClient(OpenAiConfig.of(base, model))));
        break;
      }
      default:
        throw new BadInputException(String.format(Locale.ROOT,
            "captioner '%s': expected one of attribute, tesseract, vlm (or text-summary as a "
                + "strategy's item captioner)", id));
    }
    CachedCaptioner c = track(new CachedCaptioner(inner, cacheRoot));
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("id", c.id());
    card.put("kind", "captioner");
    cards.putIfAbsent(id, card);
    return c;
  }

  @Override
  public RerankStage reranker(Experiment.RerankerSpec spec) {
    if (spec == null) {
      return null;
    }
    // RerankSpec validates the reranker's own keys (docs/rerank.md); the encoder rerankers
    // default to the experiment's text / joint model when the mapping names no encoder
    Map<String, Object> cfg = new LinkedHashMap<>(spec.config());
    if (spec.type().equals("encoder-text") || spec.type().equals("encoder-joint")) {
      cfg.putIfAbsent("encoder", spec.type().equals("encoder-text") ? exp.models().text()
          : exp.models().joint());
    } else if (!spec.type().equals("llm-listwise")) {
      throw new BadInputException(String.format(Locale.ROOT,
          "reranker.type: expected llm-listwise, encoder-text or encoder-joint, found '%s'",
          spec.type()));
    }
    RerankSpec rs = RerankSpec.fromMap(cfg, "experiment reranker");
    Reranker r = rs.open(this::textEncoder, this::jointEncoder);
    // the text reranker compares the query's text: image / table-image queries have none, so
    // they get the text the crossmodal strategies use (caption / OCR of the query image)
    QueryText queryText = spec.type().equals("encoder-text")
        ? new QueryText(exp.models().captioner() == null ? null : captioner(exp.models().captioner()),
            exp.models().ocr() == null ? null : captioner(exp.models().ocr()))
        : null;
    track(r);
    return new RerankStage() {
      @Override
      public String id() {
        return r.id();
      }

      @Override
      public Reranked rerank(Query query, List<SearchHit> firstStage, Dataset ds) {
        List<Candidate> cands = new ArrayList<>(firstStage.size());
        for (SearchHit h : firstStage) {
          Item it = ds.items().get(h.id());
          String text = it == null ? null : it.texts().get(rs.candidateText());
          cands.add(new Candidate(h.id(), it == null ? null : it.image(),
              text != null ? text : it == null ? null : TextSummary.name(it), h.score()));
        }
        Query q = query;
        if (queryText != null && (q.text() == null || q.text().isBlank())) {
          String t = queryText.of(q);
          if (t != null && !t.isBlank()) {
            q = new Query(q.id(), q.kind(), q.language(), t, q.image(), q.attributes(), q.excludeIds());
          }
        }
        RerankResult res = r.rerank(q, cands);
        ObjectMapper om = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> info = om.convertValue(res.counts().toJson(om), Map.class);
        info.values().removeIf(java.util.Objects::isNull); // "policy": null of the encoder rerankers
        return new Reranked(res.ranking(), info);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CellScorer scorer(long seed) {
    BootstrapOptions b = BootstrapOptions.defaults();
    ScoreOptions opts = new ScoreOptions(ScoreOptions.defaults().eval(),
        new BootstrapOptions(b.resamples(), seed, b.level()), ScoreOptions.defaults().sliceBy());
    return (cell, qs, run, metricsFile) -> {
      CellMetrics m = Scoring.score(qs.qrels(), run, Scoring.attributesOf(qs.queries()), opts);
      Path runDir = metricsFile.getParent().getParent();
      m.write(runDir, CellInfo.parse(cell.toString()));
      Map<String, Double> means = new LinkedHashMap<>();
      for (String k : Runner.TABLE_KEYS) {
        means.put(k, m.mean(k));
      }
      return means;
    };
  }

  @Override
  public Map<String, Object> modelCard(String id) {
    Map<String, Object> card = cards.get(id);
    if (card != null) {
      return card;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    return m;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        err.println("warning: closing a component failed: " + e);
      }
    }
  }

}
