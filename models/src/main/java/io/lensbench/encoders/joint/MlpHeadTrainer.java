package io.lensbench.encoders.joint;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.util.Pair;
import io.lensbench.encoders.DjlEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains the contrastive MLP head on frozen image features (DJL PyTorch, seeded): standardised
 * features → hidden ReLU layer → text dimension, symmetric InfoNCE against the frozen text
 * vectors of the descriptions (identical descriptions in a batch are all positives, as in {@link
 * JointTrainer}). Seconds per epoch: the backbone never runs here.
 */
final class MlpHeadTrainer {
  private final HeadConfig cfg;
  private final Consumer<String> log;

  MlpHeadTrainer(HeadConfig cfg, Consumer<String> log) {
    this.cfg = cfg;
    this.log = log;
  }

  /**
   * @param x standardised features, one row per TRAIN item
   * @param targets the text vector of each distinct description
   * @param descOf each row's description index
   * @return the two layers (in × hidden, hidden × out), row-major
   */
  List<LinearHead> train(List<float[]> x, List<float[]> targets, int[] descOf) {
    Engine engine = DjlEngines.pyTorch();
    engine.setRandomSeed((int) cfg.seed());
    int d = x.get(0).length;
    int k = targets.get(0).length;
    int n = x.size();
    int b = Math.min(cfg.batchSize(), n);
    int steps = n / b;
    try (Model model = Model.newInstance("joint-mlp-head", Device.cpu(), "PyTorch")) {
      SequentialBlock net = new SequentialBlock()
          .add(Linear.builder().setUnits(cfg.hidden()).build())
          .add(Activation::relu)
          .add(Linear.builder().setUnits(k).build());
      model.setBlock(net);
      CosineTracker lr = CosineTracker.builder().setBaseValue(cfg.learningRate())
          .optFinalValue(cfg.learningRate() / 100).setMaxUpdates(Math.max(1, steps * cfg.epochs()))
          .build();
      DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adamW().optLearningRateTracker(lr)
              .optWeightDecays(cfg.weightDecay()).build())
          .optDevices(new Device[] {Device.cpu()});
      Random rnd = new Random(cfg.seed());
      float[] xb = new float[b * d];
      float[] tb = new float[b * k];
      float[] tg = new float[b * b];
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(b, d));
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
          long t0 = System.nanoTime();
          int[] order = JointTrainer.permutation(n, rnd);
          double sum = 0;
          for (int s = 0; s < steps; s++) {
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) {
              idx[i] = order[s * b + i];
              System.arraycopy(x.get(idx[i]), 0, xb, i * d, d);
              System.arraycopy(targets.get(descOf[idx[i]]), 0, tb, i * k, k);
            }
            JointTrainer.fillTargets(idx, descOf, tg, b);
            try (NDManager bm = trainer.getManager().newSubManager();
                GradientCollector gc = trainer.newGradientCollector()) {
              NDArray out = trainer.forward(new NDList(bm.create(xb, new Shape(b, d))))
                  .singletonOrThrow();
              NDArray loss = JointTrainer.infoNce(out, bm.create(tb, new Shape(b, k)),
                  bm.create(tg, new Shape(b, b)), cfg.logitScale(), b);
              gc.backward(loss);
              sum += loss.getFloat();
            }
            trainer.step();
          }
          log.accept(String.format(Locale.ROOT, "joint head: epoch %d/%d loss %.4f (%.1f s)", epoch,
              cfg.epochs(), sum / Math.max(1, steps), (System.nanoTime() - t0) / 1e9));
        }
      }
      return layers(net, d, cfg.hidden(), k);
    }
  }

  /** DJL stores a Linear weight as out × in; the head wants in × out. */
  private static List<LinearHead> layers(SequentialBlock net, int d, int hidden, int k) {
    List<float[]> arrays = new ArrayList<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      arrays.add(p.getValue().getArray().toFloatArray());
    }
    return List.of(new LinearHead(d, hidden, transpose(arrays.get(0), hidden, d), arrays.get(1)),
        new LinearHead(hidden, k, transpose(arrays.get(2), k, hidden), arrays.get(3)));
  }

  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }
}
