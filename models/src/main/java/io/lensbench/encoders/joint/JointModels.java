package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Split;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.ShopperKorean;
import io.lensbench.encoders.CachedImageEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.PretrainedModels;
import io.lensbench.encoders.pretrained.UseTextEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dataset-level entry points for the joint models: TRAIN/TEST inputs from a loaded {@link
 * Dataset} (held-out queries in English, glossary Korean and everyday Korean), a model folder per
 * {@link JointVariant} keyed by dataset checksum, configuration and the weights of the frozen
 * towers, and train-once-then-reuse for the demo.
 */
public final class JointModels {
  /** The fused model's members and weights. */
  static final List<JointVariant> FUSED_MEMBERS = List.of(JointVariant.CNN_USE, JointVariant.EFFNET_MLP);
  static final double[] FUSED_WEIGHTS = {0.5, 0.5};

  private JointModels() {}

  /** Trainer inputs taken from a dataset: TRAIN items train, TEST items are held out. */
  public record Inputs(List<TrainExample> train, List<EvalItem> heldOut,
      Map<String, Object> provenance) {}

  public static Inputs fromDataset(Dataset ds) {
    if (ds.splits().isEmpty()) {
      throw new BadInputException("dataset '" + ds.name() + "' (" + ds.root() + ") has no"
          + " TRAIN/TEST split; the joint model trains on TRAIN items only");
    }
    Glossary glossary = Glossary.load();
    ShopperKorean shopper = ShopperKorean.load();
    List<TrainExample> train = new ArrayList<>();
    List<EvalItem> held = new ArrayList<>();
    for (Item it : ds.items().values()) {
      if (it.image() == null) {
        continue;
      }
      Map<String, String> a = it.attributes();
      Split s = ds.splits().get(it.id());
      if (s == Split.TRAIN) {
        String d = JointTrainer.describe(a);
        if (!d.isBlank()) {
          train.add(new TrainExample(it.id(), it.image(), d, a.get("articleType"),
              phrase(a, List.of("gender", "baseColour", "articleType", "usage"), glossary::has,
                  glossary::ko)));
        }
      } else if (s == Split.TEST && a.get("articleType") != null) {
        held.add(new EvalItem(it.id(), it.image(), JointTrainer.attributeQuery(a),
            a.get("articleType"), translations(a, glossary, shopper)));
      }
    }
    if (train.size() < 2) {
      throw new BadInputException("dataset '" + ds.name() + "': expected TRAIN items with images"
          + " and attributes (gender, baseColour, articleType, usage), found " + train.size());
    }
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("dataset", ds.name());
    prov.put("datasetRoot", ds.root().toString());
    prov.put("datasetChecksum", ds.checksum());
    prov.put("split", "TRAIN items train (" + train.size() + "), TEST items held out ("
        + held.size() + ")");
    return new Inputs(train, held, prov);
  }

  /** The held-out query in glossary Korean ({@code ko}) and everyday Korean ({@code ko_everyday}). */
  private static Map<String, String> translations(Map<String, String> a, Glossary glossary,
      ShopperKorean shopper) {
    List<String> fields = List.of("gender", "baseColour", "articleType");
    Map<String, String> t = new LinkedHashMap<>();
    String ko = phrase(a, fields, glossary::has, glossary::ko);
    String everyday = phrase(a, fields, shopper::has, shopper::ko);
    if (ko != null) {
      t.put("ko", ko);
    }
    if (everyday != null) {
      t.put("ko_everyday", everyday);
    }
    return t;
  }

  /** The attribute values in another vocabulary, space-joined; null when a term is missing. */
  private static String phrase(Map<String, String> a, List<String> fields,
      java.util.function.BiPredicate<String, String> has,
      java.util.function.BinaryOperator<String> word) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      String v = a.get(f);
      if (v == null || v.isBlank() || v.equalsIgnoreCase("NA")) {
        continue;
      }
      if (!has.test(f, v.trim())) {
        return null;
      }
      parts.add(word.apply(f, v.trim()));
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** {@code LensBenchHome/models/joint/<dataset>-<sha12(checksum, config, text encoder)>}. */
  public static Path defaultDir(Dataset ds, JointTrainingConfig cfg, String textEncoderId) {
    String key = Hashing.sha256Hex(ds.baseChecksum() + "|" + cfg + "|" + textEncoderId + "|"
        + ImageTower.ARCHITECTURE).substring(0, 12);
    return jointRoot().resolve(slug(ds) + "-" + key);
  }

  /** The folder of a variant trained on the dataset (the CNN baseline keeps its old folder). */
  public static Path dir(Dataset ds, JointVariant v) {
    return dir(ds, v, JointTrainingConfig.defaults());
  }

  /** {@link #dir(Dataset, JointVariant)} with the CNN variants' training configuration. */
  public static Path dir(Dataset ds, JointVariant v, JointTrainingConfig cnn) {
    return switch (v) {
      case CNN_MINILM -> defaultDir(ds, cnn, TextEncoders.DEFAULT_ID);
      case CNN_USE -> defaultDir(ds, cnn, useId());
      case EFFNET_RIDGE, EFFNET_MLP -> variantDir(ds, v, headConfig(v) + "|" + useId() + "|"
          + EfficientNetLite0.idOf(prepared().model(PretrainedModels.EFFICIENTNET)));
      case FUSED -> variantDir(ds, v, FUSED_MEMBERS.stream().map(m -> dir(ds, m).getFileName()
          .toString()).toList() + "|" + java.util.Arrays.toString(FUSED_WEIGHTS));
      case EFFNET_FINETUNE -> variantDir(ds, v, dir(ds, JointVariant.EFFNET_RIDGE).getFileName()
          + "|" + FineTuneTrainer.Config.defaults());
    };
  }

  /** Keyed by the base dataset's checksum, like {@link #defaultDir}: a grown copy uses its base's models. */
  private static Path variantDir(Dataset ds, JointVariant v, String config) {
    String key = Hashing.sha256Hex(ds.baseChecksum() + "|" + v.id() + "|" + config).substring(0, 12);
    return jointRoot().resolve(slug(ds) + "-" + v.id() + "-" + key);
  }

  static HeadConfig headConfig(JointVariant v) {
    return v == JointVariant.EFFNET_RIDGE ? HeadConfig.ridge() : HeadConfig.mlp();
  }

  private static Path jointRoot() {
    return LensBenchHome.resolve().resolve("models").resolve("joint");
  }

  private static String slug(Dataset ds) {
    return ds.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
  }

  private static PretrainedModels prepared() {
    return PretrainedModels.require(LensBenchHome.resolve());
  }

  private static String useId() {
    return UseTextEncoder.idOf(prepared().model(PretrainedModels.USE));
  }

  /**
   * Whether dir holds a complete model of any LensBench kind. A CNN checkpoint left by an
   * interrupted training (fewer epochs completed than its training asked for) is not complete:
   * it is usable, but never reused in place of the finished model.
   */
  public static boolean isTrained(Path dir) {
    Path card = dir.resolve(JointTrainer.CARD_FILE);
    if (!Files.isRegularFile(card)) {
      return false;
    }
    Map<String, Object> c = JointTrainer.readCard(card);
    if (Files.isRegularFile(dir.resolve(JointTrainer.PARAMS_NAME + "-0000.params"))) {
      return !(c.get("epochsCompleted") instanceof Number done
          && c.get("training") instanceof Map<?, ?> t && t.get("epochs") instanceof Number asked
          && done.intValue() < asked.intValue());
    }
    return Files.isRegularFile(dir.resolve(HeadTrainer.HEAD_FILE))
        || Files.isRegularFile(dir.resolve(FineTuneTrainer.PARAMS_NAME + "-0000.params"))
        || c.get("members") != null;
  }

  /** Trains into dir (default text encoder) unless a trained model is already there. */
  public static Path trainIfMissing(Dataset ds, JointTrainingConfig cfg, Path dir,
      Consumer<String> log) {
    if (isTrained(dir)) {
      log.accept("joint: reusing trained model in " + dir);
      return dir;
    }
    Inputs in = fromDataset(ds);
    try (TextEncoder text = TextEncoders.open(TextEncoders.DEFAULT_ID)) {
      new JointTrainer(cfg, log).train(in.train(), in.heldOut(), text, dir, in.provenance());
    }
    return dir;
  }

  /** The variant's folder, trained first (with what it builds on) when missing. */
  public static Path trainIfMissing(Dataset ds, JointVariant v, Consumer<String> log) {
    Path dir = dir(ds, v);
    if (isTrained(dir)) {
      log.accept("joint " + v.id() + ": reusing " + dir);
      return dir;
    }
    train(ds, v, JointTrainingConfig.defaults(), dir, log);
    return dir;
  }

  /** Trains a variant into dir (a fused model first trains its missing members). */
  public static JointTrainer.Result train(Dataset ds, JointVariant v, JointTrainingConfig cnn,
      Path dir, Consumer<String> log) {
    return train(ds, v, cnn, FineTuneTrainer.Config.defaults(), dir, log);
  }

  /**
   * {@link #train(Dataset, JointVariant, JointTrainingConfig, Path, Consumer)} with the
   * fine-tuning configuration (used by {@code effnet-finetune} only).
   */
  public static JointTrainer.Result train(Dataset ds, JointVariant v, JointTrainingConfig cnn,
      FineTuneTrainer.Config fineTune, Path dir, Consumer<String> log) {
    Inputs in = fromDataset(ds);
    switch (v) {
      case CNN_MINILM, CNN_USE -> {
        String textId = v == JointVariant.CNN_MINILM ? TextEncoders.DEFAULT_ID : useId();
        try (TextEncoder text = TextEncoders.open(textId)) {
          return new JointTrainer(cnn, log).checkpointEachEpoch(true)
              .train(in.train(), in.heldOut(), text, dir, in.provenance());
        }
      }
      case EFFNET_RIDGE, EFFNET_MLP -> {
        Path home = LensBenchHome.resolve();
        try (TextEncoder text = TextEncoders.open(useId());
            ImageEncoder net = new CachedImageEncoder(EfficientNetLite0.open(
                prepared().model(PretrainedModels.EFFICIENTNET)), home.resolve("cache"))) {
          return new HeadTrainer(headConfig(v), log)
              .train(in.train(), in.heldOut(), net, text, dir, in.provenance());
        }
      }
      case EFFNET_FINETUNE -> {
        Path ridge = trainIfMissing(ds, JointVariant.EFFNET_RIDGE, log);
        try (TextEncoder text = TextEncoders.open(useId())) {
          return new FineTuneTrainer(fineTune, log).train(in.train(), in.heldOut(),
              prepared().model(PretrainedModels.EFFICIENTNET), ridge, text, dir, in.provenance());
        }
      }
      default -> {
        FUSED_MEMBERS.forEach(m -> trainIfMissing(ds, m, log));
        return FusedJointEncoder.build(FUSED_MEMBERS.stream().map(m -> dir(ds, m)).toList(),
            FUSED_WEIGHTS, in.heldOut(), dir, in.provenance(), log);
      }
    }
  }
}
