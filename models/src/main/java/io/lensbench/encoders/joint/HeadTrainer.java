package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.CachedTextEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a head on a frozen pretrained image backbone (EfficientNet-Lite0 features) into a frozen
 * text tower's space (USE multilingual): closed-form ridge (λ chosen on a validation part of
 * TRAIN, then refit on all of TRAIN) or a contrastive MLP ({@link MlpHeadTrainer}). Evaluates on
 * the held-out items and writes {@code head.bin} + {@code model-card.json}.
 */
public final class HeadTrainer {
  public static final String HEAD_FILE = "head.bin";

  private final HeadConfig cfg;
  private final Consumer<String> log;

  public HeadTrainer(HeadConfig cfg, Consumer<String> log) {
    this.cfg = cfg;
    this.log = log;
  }

  /** The distinct descriptions, each row's index into them, and their target vectors. */
  private record Targets(List<String> descriptions, int[] descOf, List<float[]> vectors) {}

  public JointTrainer.Result train(List<TrainExample> train, List<EvalItem> heldOut,
      ImageEncoder backbone, TextEncoder text, Path outDir, Map<String, Object> provenance) {
    if (train.size() < 10) {
      throw new BadInputException("joint head: expected at least 10 TRAIN items, found " + train.size());
    }
    long t0 = System.nanoTime();
    Targets targets = targets(train, text);
    List<float[]> features = backbone.embed(train.stream().map(TrainExample::image).toList());
    log.accept(String.format(Locale.ROOT, "joint head: %d TRAIN images through %s, %d distinct"
        + " descriptions through %s (%.1f s)", train.size(), backbone.id(), targets.descriptions().size(),
        text.id(), secs(t0)));
    float[][] mom = FeatureHead.moments(features);
    List<float[]> z = features.stream().map(f -> FeatureHead.standardize(f, mom[0], mom[1])).toList();
    Map<String, Object> training = new LinkedHashMap<>();
    List<LinearHead> layers = cfg.kind().equals("ridge") ? ridge(train, z, targets, text, training)
        : new MlpHeadTrainer(cfg, log).train(z, targets.vectors(), targets.descOf());
    FeatureHead head = new FeatureHead(mom[0], mom[1], layers);
    long tEval = System.nanoTime();
    JointMetrics metrics = heldOut.isEmpty() ? null : JointMetrics.evaluate(heldOut,
        head.apply(backbone.embed(heldOut.stream().map(EvalItem::image).toList())), text,
        prototypes(train, targets));
    if (metrics != null) {
      log.accept(String.format(Locale.ROOT, "joint head: %s (%.1f s)", metrics.summary(),
          secs(tEval)));
    }
    return write(outDir, head, metrics, backbone, text, train.size(), targets, training, provenance,
        secs(t0));
  }

  private Targets targets(List<TrainExample> train, TextEncoder text) {
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, String> korean = new LinkedHashMap<>();
    int[] descOf = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      TrainExample e = train.get(i);
      descOf[i] = index.computeIfAbsent(e.description(), k -> index.size());
      if (e.descriptionKo() != null) {
        korean.putIfAbsent(e.description(), e.descriptionKo());
      }
    }
    List<String> descriptions = new ArrayList<>(index.keySet());
    List<float[]> en = text.embed(descriptions, TextEncoder.Role.PASSAGE);
    if (cfg.koreanWeight() <= 0) {
      return new Targets(descriptions, descOf, en);
    }
    if (korean.size() != descriptions.size()) {
      throw new BadInputException("joint head: koreanWeight " + cfg.koreanWeight() + " needs a Korean"
          + " description for every TRAIN item, found " + korean.size() + " of " + descriptions.size());
    }
    List<float[]> ko = text.embed(descriptions.stream().map(korean::get).toList(),
        TextEncoder.Role.PASSAGE);
    List<float[]> mixed = new ArrayList<>();
    float w = (float) cfg.koreanWeight();
    for (int i = 0; i < en.size(); i++) {
      float[] v = new float[en.get(i).length];
      for (int j = 0; j < v.length; j++) {
        v[j] = (1 - w) * en.get(i)[j] + w * ko.get(i)[j];
      }
      mixed.add(Vectors.normalizeInPlace(v));
    }
    return new Targets(descriptions, descOf, mixed);
  }

  /** λ by validation success@10 (queries = descriptions) on a seeded part of TRAIN; refit on all. */
  private List<LinearHead> ridge(List<TrainExample> train, List<float[]> z, Targets t,
      TextEncoder text, Map<String, Object> training) {
    long t0 = System.nanoTime();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(cfg.seed()));
    int nVal = (int) Math.round(train.size() * cfg.validationFraction());
    List<Integer> val = order.subList(0, nVal);
    List<Integer> fit = order.subList(nVal, order.size());
    Ridge part = Ridge.of(fit.stream().map(z::get).toList(), targetRows(t, fit));
    List<EvalItem> valItems = val.stream().map(i -> new EvalItem(train.get(i).id(),
        train.get(i).image(), train.get(i).description(), String.valueOf(train.get(i).articleType())))
        .toList();
    double best = -1;
    double bestLambda = cfg.lambdas().get(0);
    Map<String, Double> byLambda = new LinkedHashMap<>();
    try (TextEncoder cached = CachedTextEncoder.inMemory(text)) {
      for (double lambda : cfg.lambdas()) {
        FeatureHead h = new FeatureHead(new float[0], new float[0], List.of(part.solve(lambda)));
        List<float[]> vecs = val.stream().map(i -> h.applyStandardized(z.get(i))).toList();
        double s10 = JointMetrics.evaluate(valItems, vecs, cached).successAt10();
        byLambda.put(String.format(Locale.ROOT, "%.0f", lambda), s10);
        if (s10 > best) {
          best = s10;
          bestLambda = lambda;
        }
      }
    }
    log.accept(String.format(Locale.ROOT, "joint head: ridge validation success@10 by lambda %s -> %.0f"
        + " (%.1f s)", byLambda, bestLambda, secs(t0)));
    training.put("lambdaSearch", byLambda);
    training.put("lambda", bestLambda);
    List<Integer> all = new ArrayList<>(order);
    java.util.Collections.sort(all);
    return List.of(Ridge.of(z, targetRows(t, all)).solve(bestLambda));
  }

  private static List<float[]> targetRows(Targets t, List<Integer> rows) {
    return rows.stream().map(i -> t.vectors().get(t.descOf()[i])).toList();
  }

  /** Article type → unit mean of the TRAIN targets of that type (the card's prototype metric). */
  private static Map<String, float[]> prototypes(List<TrainExample> train, Targets t) {
    List<String> types = train.stream().map(TrainExample::articleType).toList();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      rows.add(i);
    }
    return JointMetrics.prototypes(types, targetRows(t, rows));
  }

  private JointTrainer.Result write(Path outDir, FeatureHead head, JointMetrics metrics,
      ImageEncoder backbone, TextEncoder text, int items, Targets t, Map<String, Object> training,
      Map<String, Object> provenance, double seconds) {
    try {
      Files.createDirectories(outDir);
      Path file = outDir.resolve(HEAD_FILE);
      head.write(file);
      String sha = Hashing.sha256Hex(file);
      String arch = architecture(cfg);
      Map<String, Object> card = JointCard.head("lensbench-joint-effnet-" + cfg.kind() + "-"
          + sha.substring(0, 12), "joint image-text: frozen pretrained image backbone + trained head"
          + " into a frozen text tower", arch, text.id(), t.vectors().get(0).length);
      card.put("imageEncoder", backbone.id());
      card.put("imageSize", 224);
      card.put("headFile", HEAD_FILE);
      card.put("headSha256", sha);
      card.put("headLayers", head.shapes().stream().map(s -> List.of(s[0], s[1])).toList());
      card.put("trainData", Map.of("items", items, "distinctDescriptions", t.descriptions().size(),
          "description", "<gender> <baseColour> <articleType> <usage>"
              + (cfg.koreanWeight() > 0 ? " mixed with its glossary Korean" : "")));
      card.put("provenance", provenance);
      Map<String, Object> hyper = new LinkedHashMap<>();
      hyper.put("config", cfg);
      hyper.putAll(training);
      hyper.put("seconds", seconds);
      card.put("training", hyper);
      JointCard.tail(card, metrics, text.id());
      JointTrainer.writeCard(outDir.resolve(JointTrainer.CARD_FILE), card);
      log.accept("joint head: saved " + card.get("id") + " to " + outDir);
      return new JointTrainer.Result(outDir, card, metrics, List.of());
    } catch (IOException e) {
      throw new InfrastructureException("joint head: could not save into " + outDir + ": "
          + e.getMessage(), e);
    }
  }

  /** The architecture string of a head config (checked when the model opens). */
  static String architecture(HeadConfig cfg) {
    return "efficientnet-lite0+" + (cfg.kind().equals("ridge") ? "ridge" : "mlp" + cfg.hidden()) + "/v1";
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
