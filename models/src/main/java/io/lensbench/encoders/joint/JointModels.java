package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Split;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dataset-level entry points for the joint model: TRAIN/TEST inputs from a loaded {@link
 * Dataset}, a default model folder keyed by dataset checksum + training config, and
 * train-once-then-reuse for the demo.
 */
public final class JointModels {
  private JointModels() {}

  /** Trainer inputs taken from a dataset: TRAIN items train, TEST items are held out. */
  public record Inputs(List<TrainExample> train, List<EvalItem> heldOut,
      Map<String, Object> provenance) {}

  public static Inputs fromDataset(Dataset ds) {
    if (ds.splits().isEmpty()) {
      throw new BadInputException("dataset '" + ds.name() + "' (" + ds.root() + ") has no"
          + " TRAIN/TEST split; the joint model trains on TRAIN items only");
    }
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
          train.add(new TrainExample(it.id(), it.image(), d, a.get("articleType")));
        }
      } else if (s == Split.TEST && a.get("articleType") != null) {
        held.add(new EvalItem(it.id(), it.image(), JointTrainer.attributeQuery(a),
            a.get("articleType")));
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

  /** {@code LensBenchHome/models/joint/<dataset>-<sha12(checksum, config, text encoder)>}. */
  public static Path defaultDir(Dataset ds, JointTrainingConfig cfg, String textEncoderId) {
    String key = Hashing.sha256Hex(ds.baseChecksum() + "|" + cfg + "|" + textEncoderId + "|"
        + ImageTower.ARCHITECTURE).substring(0, 12);
    String slug = ds.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
    return LensBenchHome.resolve().resolve("models").resolve("joint").resolve(slug + "-" + key);
  }

  /** Whether dir holds a complete trained model. */
  public static boolean isTrained(Path dir) {
    return Files.isRegularFile(dir.resolve(JointTrainer.CARD_FILE))
        && Files.isRegularFile(dir.resolve(JointTrainer.PARAMS_NAME + "-0000.params"));
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
}
