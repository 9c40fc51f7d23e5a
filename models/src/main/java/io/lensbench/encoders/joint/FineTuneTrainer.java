package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.Model;
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
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.DjlEngines;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.RgbImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * Fine-tunes EfficientNet-Lite0 end to end with a linear projection into the frozen text tower's
 * space (DJL PyTorch): every convolution and the projection are trained with symmetric InfoNCE
 * against the description vectors, starting from the prepared ImageNet weights and from the ridge
 * head (its standardisation folded into the projection), so the first step is already a good
 * model. Expensive on CPU: every step runs the whole network forward and backward on 224 × 224
 * images. Not part of the demo or CI; the card records seconds (wall and process CPU) per batch.
 */
public final class FineTuneTrainer {
  public static final String PARAMS_NAME = "finetuned";
  public static final String ARCHITECTURE = "efficientnet-lite0-finetuned+linear/v1";

  /**
   * @param maxBatches stop each epoch after this many batches (0 = the whole epoch): timing runs
   */
  public record Config(int epochs, int batchSize, float learningRate, float weightDecay,
      float logitScale, long seed, int maxBatches) {
    public static Config defaults() {
      return new Config(1, 32, 1e-4f, 1e-4f, 33.3f, 42L, 0);
    }

    public Config withEpochs(int n) {
      return new Config(n, batchSize, learningRate, weightDecay, logitScale, seed, maxBatches);
    }

    public Config withMaxBatches(int n) {
      return new Config(epochs, batchSize, learningRate, weightDecay, logitScale, seed, n);
    }
  }

  private final Config cfg;
  private final Consumer<String> log;

  public FineTuneTrainer(Config cfg, Consumer<String> log) {
    this.cfg = cfg;
    this.log = log;
  }

  /** Packed RGB 224 × 224 → NCHW floats 0..255, optionally mirrored left-right. */
  static float[] nchw(byte[] rgb, boolean flip) {
    int s = EfficientNetLite0.SIZE;
    int plane = s * s;
    float[] out = new float[3 * plane];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        int src = (y * s + (flip ? s - 1 - x : x)) * 3;
        int dst = y * s + x;
        out[dst] = rgb[src] & 0xff;
        out[plane + dst] = rgb[src + 1] & 0xff;
        out[2 * plane + dst] = rgb[src + 2] & 0xff;
      }
    }
    return out;
  }

  /**
   * @param backboneDir the prepared EfficientNet-Lite0 folder (folded weights, id)
   * @param ridgeDir a trained effnet-ridge folder (initial projection)
   */
  public JointTrainer.Result train(List<TrainExample> train, List<EvalItem> heldOut,
      Path backboneDir, Path ridgeDir, TextEncoder text, Path outDir, Map<String, Object> provenance) {
    if (train.size() < cfg.batchSize()) {
      throw new BadInputException("fine-tuning: expected at least " + cfg.batchSize()
          + " TRAIN items, found " + train.size());
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] descOf = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      descOf[i] = index.computeIfAbsent(train.get(i).description(), k -> index.size());
    }
    List<float[]> targets = text.embed(new ArrayList<>(index.keySet()), TextEncoder.Role.PASSAGE);
    DjlEngines.pyTorch().setRandomSeed((int) cfg.seed());
    LiteBackbone backbone = LiteBackbone.fromFolder(backboneDir);
    Map<String, Object> timing = new LinkedHashMap<>();
    try (Model model = Model.newInstance("joint-finetuned", Device.cpu(), "PyTorch")) {
      FineTunedNet net = FineTunedNet.build(backbone, targets.get(0).length);
      model.setBlock(net.block());
      int b = cfg.batchSize();
      int steps = train.size() / b;
      int run = cfg.maxBatches() > 0 ? Math.min(steps, cfg.maxBatches()) : steps;
      CosineTracker lr = CosineTracker.builder().setBaseValue(cfg.learningRate())
          .optFinalValue(cfg.learningRate() / 10).setMaxUpdates(Math.max(1, run * cfg.epochs()))
          .build();
      DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adamW().optLearningRateTracker(lr)
              .optWeightDecays(cfg.weightDecay()).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(b, 3, EfficientNetLite0.SIZE, EfficientNetLite0.SIZE));
        backbone.load(backboneDir.resolve("folded-weights.bin"));
        net.loadProjection(FeatureHead.read(ridgeDir.resolve(HeadTrainer.HEAD_FILE),
            List.of(new int[] {EfficientNetLite0.DIMENSION, targets.get(0).length})));
        Random rnd = new Random(cfg.seed());
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
          epoch(trainer, train, targets, descOf, rnd, run, epoch, timing, steps);
        }
      }
      JointMetrics metrics = heldOut.isEmpty() ? null : JointMetrics.evaluate(heldOut,
          net.embed(model.getNDManager(), heldOut.stream().map(EvalItem::image).toList()), text);
      return save(model, outDir, metrics, text, backboneDir, ridgeDir, train.size(), timing, provenance);
    }
  }

  private void epoch(Trainer trainer, List<TrainExample> train, List<float[]> targets, int[] descOf,
      Random rnd, int run, int epoch, Map<String, Object> timing, int steps) {
    int b = cfg.batchSize();
    int k = targets.get(0).length;
    int plane = 3 * EfficientNetLite0.SIZE * EfficientNetLite0.SIZE;
    int[] order = JointTrainer.permutation(train.size(), rnd);
    float[] x = new float[b * plane];
    float[] t = new float[b * k];
    float[] tg = new float[b * b];
    long wall0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    double sum = 0;
    for (int s = 0; s < run; s++) {
      int[] idx = new int[b];
      for (int i = 0; i < b; i++) {
        idx[i] = order[s * b + i];
        byte[] rgb = RgbImage.read(train.get(idx[i]).image()).resized(EfficientNetLite0.SIZE);
        System.arraycopy(nchw(rgb, rnd.nextBoolean()), 0, x, i * plane, plane);
        System.arraycopy(targets.get(descOf[idx[i]]), 0, t, i * k, k);
      }
      JointTrainer.fillTargets(idx, descOf, tg, b);
      try (NDManager bm = trainer.getManager().newSubManager();
          GradientCollector gc = trainer.newGradientCollector()) {
        NDArray out = trainer.forward(new NDList(bm.create(x, new Shape(b, 3, EfficientNetLite0.SIZE,
            EfficientNetLite0.SIZE)))).singletonOrThrow();
        NDArray loss = JointTrainer.infoNce(out, bm.create(t, new Shape(b, k)),
            bm.create(tg, new Shape(b, b)), cfg.logitScale(), b);
        gc.backward(loss);
        sum += loss.getFloat();
      }
      trainer.step();
      if ((s + 1) % 10 == 0 || s + 1 == run) {
        log.accept(String.format(Locale.ROOT, "joint fine-tune: epoch %d batch %d/%d loss %.4f,"
            + " %.1f s/batch wall, %.1f s/batch CPU, load %s", epoch, s + 1, steps, sum / (s + 1),
            (System.nanoTime() - wall0) / 1e9 / (s + 1), (processCpuNanos() - cpu0) / 1e9 / (s + 1),
            loadAverage()));
      }
    }
    double wall = (System.nanoTime() - wall0) / 1e9 / run;
    double cpu = (processCpuNanos() - cpu0) / 1e9 / run;
    timing.put("batchesPerEpoch", steps);
    timing.put("batchesRun", run);
    timing.put("secondsPerBatchWall", wall);
    timing.put("secondsPerBatchCpu", cpu);
    timing.put("epochSecondsWallEstimate", wall * steps);
    timing.put("loadAverageAtEnd", loadAverage());
  }

  private JointTrainer.Result save(Model model, Path outDir, JointMetrics metrics, TextEncoder text,
      Path backboneDir, Path ridgeDir, int items, Map<String, Object> timing,
      Map<String, Object> provenance) {
    try {
      Files.createDirectories(outDir);
      model.setProperty("Epoch", "0");
      model.save(outDir, PARAMS_NAME);
      Path params = outDir.resolve(PARAMS_NAME + "-0000.params");
      String sha = Hashing.sha256Hex(params);
      Map<String, Object> card = JointCard.head("lensbench-joint-effnet-finetuned-"
          + sha.substring(0, 12), "joint image-text: EfficientNet-Lite0 fine-tuned end to end with a"
          + " linear projection into a frozen text tower", ARCHITECTURE, text.id(),
          ((Number) JointTrainer.readCard(ridgeDir.resolve(JointTrainer.CARD_FILE))
              .get("dimension")).intValue());
      card.put("imageEncoder", EfficientNetLite0.idOf(backboneDir));
      card.put("imageSize", EfficientNetLite0.SIZE);
      card.put("paramsFile", params.getFileName().toString());
      card.put("paramsSha256", sha);
      card.put("initialProjection", JointTrainer.readCard(ridgeDir.resolve(JointTrainer.CARD_FILE))
          .get("id"));
      card.put("trainData", Map.of("items", items, "description",
          "<gender> <baseColour> <articleType> <usage>"));
      card.put("provenance", provenance);
      Map<String, Object> hyper = new LinkedHashMap<>();
      hyper.put("config", cfg);
      hyper.put("augmentation", "horizontal flip");
      hyper.put("timing", timing);
      card.put("training", hyper);
      JointCard.tail(card, metrics, text.id());
      JointTrainer.writeCard(outDir.resolve(JointTrainer.CARD_FILE), card);
      return new JointTrainer.Result(outDir, card, metrics, List.of());
    } catch (IOException e) {
      throw new InfrastructureException("fine-tuning: could not save into " + outDir + ": "
          + e.getMessage(), e);
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0L;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.1f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
