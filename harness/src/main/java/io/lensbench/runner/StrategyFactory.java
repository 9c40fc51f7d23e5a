package io.lensbench.runner;

import io.lensbench.captioners.CachedCaptioner;
import io.lensbench.captioners.Captioner;
import io.lensbench.encoders.CachedJointEncoder;
import io.lensbench.encoders.CachedTextEncoder;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.runner.Experiment.IndexConfig;
import io.lensbench.runner.Experiment.StrategySpec;
import io.lensbench.stores.IndexSpec;
import io.lensbench.strategies.CrossModalStrategy;
import io.lensbench.strategies.FusionSpec;
import io.lensbench.strategies.ItemDescriber;
import io.lensbench.strategies.JointStrategy;
import io.lensbench.strategies.MultiVectorStrategy;
import io.lensbench.strategies.QueryText;
import io.lensbench.strategies.Strategy;
import io.lensbench.strategies.fusion.WeightedSum;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds strategies from resolved specs. Each model is opened once through {@link Components}
 * and wrapped in an in-run memory cache, so strategies sharing a model share its results: an
 * image, text or caption needed by several strategies is computed once per run and every store
 * receives the very same vectors.
 */
public final class StrategyFactory {
  private final Components components;
  private final Map<String, TextEncoder> texts = new HashMap<>();
  private final Map<String, JointEncoder> joints = new HashMap<>();
  private final Map<String, Captioner> captioners = new HashMap<>();

  public StrategyFactory(Components components) {
    this.components = components;
  }

  static IndexSpec indexSpec(IndexConfig c) {
    return c.type().equals("hnsw")
        ? IndexSpec.hnsw(c.m(), c.efConstruction(), c.efSearch())
        : IndexSpec.flat();
  }

  /** Every strategy of the experiment, by id, in experiment order. */
  public Map<String, Strategy> buildAll(Experiment exp) {
    Map<String, Strategy> out = new java.util.LinkedHashMap<>();
    for (StrategySpec spec : exp.strategies()) {
      out.put(spec.id(), build(spec, exp.index()));
    }
    return out;
  }

  Strategy build(StrategySpec s, IndexConfig index) {
    IndexSpec idx = indexSpec(index);
    switch (s.type()) {
      case "joint":
        return new JointStrategy(s.id(), joint(s.jointEncoder()), s.withName(), idx);
      case "crossmodal":
        return new CrossModalStrategy(
            s.id(), text(s.textEncoder()), describer(s.captioner()),
            new QueryText(captioner(s.queryCaptioner()), captioner(s.ocr())), idx);
      case "multivector":
        FusionSpec fusion =
            new FusionSpec(
                FusionSpec.Mode.parse(s.fusion(), "strategy " + s.id()),
                s.rrfK(),
                WeightedSum.Normalization.valueOf(
                    s.normalization().toUpperCase(Locale.ROOT).replace('-', '_')));
        Map<String, TextEncoder> fieldText = new java.util.TreeMap<>();
        if (s.fieldEncoders() != null) {
          s.fieldEncoders().forEach((f, id) -> fieldText.put(f, text(id)));
        }
        return new MultiVectorStrategy(
            s.id(), joint(s.jointEncoder()), text(s.textEncoder()), fieldText,
            s.captioner() == null ? null : describer(s.captioner()),
            new QueryText(captioner(s.queryCaptioner()), captioner(s.ocr())),
            fusion, s.routes(), s.weights(), s.candidates(), idx);
      default:
        throw new IllegalStateException("validated type " + s.type());
    }
  }

  private ItemDescriber describer(String id) {
    if (id.equals(ExperimentValidator.TEXT_SUMMARY)) {
      return ItemDescriber.textSummary();
    }
    return ItemDescriber.captions(id, captioner(id));
  }

  private TextEncoder text(String id) {
    return texts.computeIfAbsent(id, k -> CachedTextEncoder.inMemory(components.textEncoder(k)));
  }

  private JointEncoder joint(String id) {
    return joints.computeIfAbsent(id, k -> CachedJointEncoder.inMemory(components.jointEncoder(k)));
  }

  private Captioner captioner(String id) {
    return captioners.computeIfAbsent(id, k -> CachedCaptioner.inMemory(components.captioner(k)));
  }

  List<String> modelIds() {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    ids.addAll(texts.keySet());
    ids.addAll(joints.keySet());
    ids.addAll(captioners.keySet());
    return List.copyOf(ids);
  }
}
