package io.lensbench.runner;

import io.lensbench.core.BadInputException;
import io.lensbench.rerank.RerankSpec;
import io.lensbench.rerank.Reranker;
import io.lensbench.strategies.QueryText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the experiment's second stage. {@link RerankSpec} validates the reranker's own keys
 * (docs/rerank.md); the encoder rerankers default to the experiment's text / joint model when the
 * mapping names no encoder.
 */
final class RerankerFactory {
  private final Experiment.ModelsSpec defaults;
  private final ModelFactory models;
  private final CaptionerFactory captioners;
  private final Closer closer;

  RerankerFactory(Experiment.ModelsSpec defaults, ModelFactory models, CaptionerFactory captioners,
      Closer closer) {
    this.defaults = defaults;
    this.models = models;
    this.captioners = captioners;
    this.closer = closer;
  }

  /** Null when {@code spec} is null. */
  RerankStage open(Experiment.RerankerSpec spec) {
    if (spec == null) {
      return null;
    }
    Map<String, Object> cfg = new LinkedHashMap<>(spec.config());
    switch (spec.type()) {
      case "encoder-text" -> cfg.putIfAbsent("encoder", defaults.text());
      case "encoder-joint" -> cfg.putIfAbsent("encoder", defaults.joint());
      case "llm-listwise" -> { }
      default -> throw new BadInputException(String.format(Locale.ROOT,
          "reranker.type: expected llm-listwise, encoder-text or encoder-joint, found '%s'",
          spec.type()));
    }
    RerankSpec rs = RerankSpec.fromMap(cfg, "experiment reranker");
    Reranker r = closer.track(rs.open(models::text, models::joint));
    // the text reranker compares the query's text: image / table-image queries have none, so
    // they get the text the crossmodal strategies use (caption / OCR of the query image)
    QueryText queryText = spec.type().equals("encoder-text")
        ? new QueryText(defaults.captioner() == null ? null : captioners.open(defaults.captioner()),
            defaults.ocr() == null ? null : captioners.open(defaults.ocr()))
        : null;
    return new CandidateReranker(r, rs.candidateText(), queryText);
  }
}
