package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.TextEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains LensBench's joint image–text model, LiT-style: the text tower is a frozen {@link
 * TextEncoder}; the {@link ImageTower} CNN learns to put each TRAIN image next to the text
 * embedding of its catalogue description, with a symmetric InfoNCE loss at a fixed logit scale
 * (identical descriptions in a batch are all positives). DJL PyTorch engine, seeded.
 */
public final class JointTrainer {
  public static final String PARAMS_NAME = "image-tower";
  public static final String CARD_FILE = "model-card.json";

  private final JointTrainingConfig cfg;
  private final Consumer<String> log;

  public JointTrainer(JointTrainingConfig cfg, Consumer<String> log) {
    this.cfg = cfg;
    this.log = log;
  }

  private boolean checkpointEachEpoch;

  /**
   * Evaluate and save after every epoch (the card records {@code epochsCompleted}), so an
   * interrupted long run still leaves a usable model. The cosine schedule still spans all epochs.
   */
  public JointTrainer checkpointEachEpoch(boolean on) {
    this.checkpointEachEpoch = on;
    return this;
  }

  /** Result: the model folder and its card (as written). */
  public record Result(Path dir, Map<String, Object> card, JointMetrics metrics, List<Double> loss) {}

  /**
   * Trains, evaluates on heldOut and writes {@code image-tower-0000.params} + {@code
   * model-card.json} into outDir.
   *
   * @param provenance dataset name, checksum, split description etc. copied into the card
   */
  public Result train(
      List<TrainExample> train,
      List<EvalItem> heldOut,
      TextEncoder text,
      Path outDir,
      Map<String, Object> provenance) {
    if (train.size() < 2) {
      throw new BadInputException(
          "joint training: expected at least 2 TRAIN items, found " + train.size());
    }
    Set<String> ids = new HashSet<>();
    for (TrainExample e : train) {
      if (!ids.add(e.id())) {
        throw new BadInputException("joint training: duplicate TRAIN item id '" + e.id() + "'");
      }
    }
    int size = cfg.imageSize();
    long t0 = System.nanoTime();

    // frozen text tower: one vector per distinct description
    Map<String, Integer> descIndex = new LinkedHashMap<>();
    int[] descOf = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      descOf[i] = descIndex.computeIfAbsent(train.get(i).description(), k -> descIndex.size());
    }
    List<float[]> descVecs = text.embed(new ArrayList<>(descIndex.keySet()), TextEncoder.Role.PASSAGE);
    int dim = text.dimension();
    log.accept(String.format(Locale.ROOT, "joint: %d TRAIN items, %d distinct descriptions"
        + " embedded with %s (%.1f s)", train.size(), descIndex.size(), text.id(), secs(t0)));

    List<byte[]> pixels = loadImages(train.stream().map(TrainExample::image).toList(), "TRAIN");
    String dataHash = dataHash(train, pixels);

    Engine engine = DjlEngines.pyTorch();
    engine.setRandomSeed((int) cfg.seed());
    int n = train.size();
    int b = Math.min(cfg.batchSize(), n);
    int steps = n / b; // drop the incomplete last batch
    int totalSteps = Math.max(1, steps * cfg.epochs());
    List<Double> lossPerEpoch = new ArrayList<>();
    List<Double> secondsPerEpoch = new ArrayList<>();
    try (Model model = Model.newInstance("joint-image-tower", Device.cpu(), "PyTorch")) {
      model.setBlock(ImageTower.build(dim));
      CosineTracker lr =
          CosineTracker.builder()
              .setBaseValue(cfg.learningRate())
              .optFinalValue(cfg.finalLearningRate())
              .setMaxUpdates(totalSteps)
              .build();
      Optimizer opt =
          Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays(cfg.weightDecay()).build();
      DefaultTrainingConfig tc =
          new DefaultTrainingConfig(Loss.l2Loss()) // unused: the InfoNCE loss is computed below
              .optOptimizer(opt)
              .optDevices(new Device[] {Device.cpu()});
      List<String> trainTypes = new ArrayList<>();
      List<float[]> trainVecs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        trainTypes.add(train.get(i).articleType());
        trainVecs.add(descVecs.get(descOf[i]));
      }
      final Map<String, float[]> protos = JointMetrics.prototypes(trainTypes, trainVecs);
      final List<byte[]> hp = heldOut.isEmpty() ? List.of()
          : loadImages(heldOut.stream().map(EvalItem::image).toList(), "held-out");
      java.util.function.IntFunction<Result> checkpoint = epochsDone -> {
        try {
          JointMetrics metrics = null;
          if (!heldOut.isEmpty()) {
            List<float[]> hv = ImageTowerRunner.embed(model, hp, size, 256);
            metrics = JointMetrics.evaluate(heldOut, hv, text, protos);
            log.accept(String.format(Locale.ROOT, "joint: held-out %d items, %d queries: success@10"
                    + " %.3f (chance %.4f), MRR %.3f (chance %.4f), type top-1 %.3f over %d types"
                    + " (text prototypes: %.3f)",
                metrics.numItems(), metrics.numQueries(), metrics.successAt10(),
                metrics.chanceSuccessAt10(), metrics.mrr(), metrics.chanceMrr(), metrics.typeTop1(),
                metrics.numTypes(), metrics.typeTop1Prototype()));
          }
          Files.createDirectories(outDir);
          // DJL numbers params files by the "Epoch" property (else it increments on every save);
          // pin it so the folder always holds exactly one image-tower-0000.params
          model.setProperty("Epoch", "0");
          model.save(outDir, PARAMS_NAME);
          Path params = outDir.resolve(PARAMS_NAME + "-0000.params");
          if (!Files.isRegularFile(params)) {
            throw new InfrastructureException("joint training: expected " + params
                + " after saving, found nothing");
          }
          String paramsHash = Hashing.sha256Hex(params);
          Map<String, Object> card = new LinkedHashMap<>();
          card.put("schemaVersion", 1);
          card.put("id", "lensbench-joint-cnn" + size + "-" + paramsHash.substring(0, 12));
          card.put("kind", "joint image-text, LiT-style (frozen text tower, trained image tower)");
          card.put("architecture", ImageTower.ARCHITECTURE);
          card.put("textEncoder", text.id());
          card.put("dimension", dim);
          card.put("imageSize", size);
          card.put("paramsFile", params.getFileName().toString());
          card.put("paramsSha256", paramsHash);
          card.put("engine", "DJL " + ai.djl.engine.Engine.getDjlVersion() + " PyTorch "
              + engine.getVersion() + " (cpu)");
          card.put("trainData", Map.of("items", n, "distinctDescriptions", descIndex.size(),
              "sha256", dataHash, "description", "<gender> <baseColour> <articleType> <usage>"));
          card.put("provenance", provenance);
          Map<String, Object> hyper = new LinkedHashMap<>();
          hyper.put("epochs", cfg.epochs());
          hyper.put("batchSize", b);
          hyper.put("optimizer", "AdamW");
          hyper.put("learningRate", cfg.learningRate());
          hyper.put("finalLearningRate", cfg.finalLearningRate());
          hyper.put("schedule", "cosine over " + totalSteps + " steps");
          hyper.put("weightDecay", cfg.weightDecay());
          hyper.put("loss", "symmetric InfoNCE, fixed logit scale, identical texts are all positives");
          hyper.put("logitScale", cfg.logitScale());
          hyper.put("augmentation", "horizontal flip, shift ±" + cfg.maxShift() + " px (white fill)");
          hyper.put("seed", cfg.seed());
          card.put("training", hyper);
          card.put("epochsCompleted", epochsDone);
          card.put("lossPerEpoch", List.copyOf(lossPerEpoch));
          card.put("secondsPerEpoch", List.copyOf(secondsPerEpoch));
          card.put("heldOut", metrics == null ? null : metrics.toMap());
          card.put("limitations", JointCard.limitations(text.id()));
          card.put("trainedAt", Instant.now().toString());
          writeCard(outDir.resolve(CARD_FILE), card);
          log.accept(String.format(Locale.ROOT, "joint: saved %s to %s (total %.1f s)", card.get("id"),
              outDir, secs(t0)));
          return new Result(outDir, card, metrics, List.copyOf(lossPerEpoch));
        } catch (IOException e) {
          throw new InfrastructureException("joint training: could not save into " + outDir + ": "
              + e.getMessage(), e);
        }
      };
      Random rnd = new Random(cfg.seed());
      Result result = null;
      float[] textFlat = new float[b * dim];
      float[] chw = new float[b * 3 * size * size];
      float[] target = new float[b * b];
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(b, 3, size, size));
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
          long te = System.nanoTime();
          int[] order = permutation(n, rnd);
          double sum = 0;
          for (int s = 0; s < steps; s++) {
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) {
              idx[i] = order[s * b + i];
              ImagePixels.toChw(pixels.get(idx[i]), size, chw, i * 3 * size * size, rnd,
                  cfg.maxShift());
              System.arraycopy(descVecs.get(descOf[idx[i]]), 0, textFlat, i * dim, dim);
            }
            fillTargets(idx, descOf, target, b);
            try (NDManager bm = trainer.getManager().newSubManager()) {
              NDArray x = bm.create(chw, new Shape(b, 3, size, size));
              NDArray t = bm.create(textFlat, new Shape(b, dim));
              NDArray tg = bm.create(target, new Shape(b, b));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray img = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = infoNce(img, t, tg, cfg.logitScale(), b);
                gc.backward(loss);
                sum += loss.getFloat();
              }
              trainer.step();
            }
          }
          double mean = sum / Math.max(1, steps);
          lossPerEpoch.add(mean);
          secondsPerEpoch.add(secs(te));
          log.accept(String.format(Locale.ROOT, "joint: epoch %d/%d loss %.4f (%.1f s)", epoch,
              cfg.epochs(), mean, secs(te)));
          if (checkpointEachEpoch || epoch == cfg.epochs()) {
            result = checkpoint.apply(epoch);
          }
        }
      }
      return result;
    }
  }

  static void writeCard(Path file, Map<String, Object> card) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), card);
  }

  /** Symmetric InfoNCE with soft targets (rows of tg sum to 1). */
  static NDArray infoNce(NDArray img, NDArray text, NDArray tg, float scale, int b) {
    NDArray norm = img.pow(2).sum(new int[] {1}, true).add(1e-12f).sqrt();
    NDArray imgN = img.div(norm);
    NDArray logits = imgN.matMul(text.transpose()).mul(scale);
    NDArray li = logits.logSoftmax(1);
    NDArray lt = logits.logSoftmax(0);
    return tg.mul(li).sum().add(tg.mul(lt).sum()).neg().div(2f * b);
  }

  static void fillTargets(int[] idx, int[] descOf, float[] target, int b) {
    for (int i = 0; i < b; i++) {
      int count = 0;
      for (int j = 0; j < b; j++) {
        if (descOf[idx[i]] == descOf[idx[j]]) {
          count++;
        }
      }
      for (int j = 0; j < b; j++) {
        target[i * b + j] = descOf[idx[i]] == descOf[idx[j]] ? 1f / count : 0f;
      }
    }
  }

  static int[] permutation(int n, Random rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private List<byte[]> loadImages(List<Path> files, String what) {
    long t0 = System.nanoTime();
    List<byte[]> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      out.add(ImagePixels.load(files.get(i), cfg.imageSize()));
      if ((i + 1) % 2000 == 0) {
        log.accept(String.format(Locale.ROOT, "joint: decoded %d/%d %s images", i + 1,
            files.size(), what));
      }
    }
    log.accept(String.format(Locale.ROOT, "joint: decoded %d %s images (%.1f s)", files.size(),
        what, secs(t0)));
    return out;
  }

  private static String dataHash(List<TrainExample> train, List<byte[]> pixels) {
    MessageDigest md = Hashing.sha256();
    for (int i = 0; i < train.size(); i++) {
      md.update(train.get(i).id().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(train.get(i).description().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(pixels.get(i));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The catalogue description the image tower learns to match. */
  public static String describe(Map<String, String> attributes) {
    List<String> parts = new ArrayList<>();
    for (String k : List.of("gender", "baseColour", "articleType", "usage")) {
      String v = attributes.get(k);
      if (v != null && !v.isBlank() && !v.equalsIgnoreCase("NA")) {
        parts.add(v.trim());
      }
    }
    return String.join(" ", parts);
  }

  /** The attribute query an item answers: "<gender> <baseColour> <articleType>". */
  public static String attributeQuery(Map<String, String> attributes) {
    List<String> parts = new ArrayList<>();
    for (String k : List.of("gender", "baseColour", "articleType")) {
      String v = attributes.get(k);
      if (v != null && !v.isBlank()) {
        parts.add(v.trim());
      }
    }
    return String.join(" ", parts);
  }

  static Map<String, Object> readCard(Path file) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), HashMap.class);
      return m;
    } catch (IOException e) {
      throw new BadInputException("joint model card " + file + ": unreadable (" + e.getMessage()
          + ")", e);
    }
  }
}
