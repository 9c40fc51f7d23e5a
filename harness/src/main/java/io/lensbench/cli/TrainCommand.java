package io.lensbench.cli;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.joint.JointMetrics;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointTrainer;
import io.lensbench.encoders.joint.JointTrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains models LensBench ships itself: {@code lensbench train joint --dataset DIR}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains models LensBench builds itself.",
    subcommands = {TrainCommand.Joint.class})
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The joint image–text model (frozen MiniLM text tower + CNN image tower, InfoNCE). */
  @Command(
      name = "joint",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the joint image-text model on the dataset's TRAIN items (LiT-style: frozen text"
            + " encoder, small CNN image tower, symmetric InfoNCE, DJL PyTorch), evaluates it on"
            + " TEST items and writes parameters + model-card.json.",
        "Maps images onto catalogue attributes only (no style, pattern, brand; no Korean)."
      })
  static final class Joint implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Built dataset folder.")
    Path dataset;

    @Option(names = "--epochs", defaultValue = "7", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--out", description = "Model folder (default: models/joint/<dataset>-<hash of checksum and config> "
        + "under LENSBENCH_HOME).")
    Path out;

    @Option(names = "--force", description = "Retrain even when the folder holds a trained model.")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (epochs < 1 || batchSize < 2) {
        throw new io.lensbench.core.BadInputException(String.format(Locale.ROOT,
            "--epochs expected >= 1 and --batch-size >= 2, found %d and %d", epochs, batchSize));
      }
      Dataset ds = DatasetLoader.load(dataset);
      JointTrainingConfig cfg =
          JointTrainingConfig.defaults().withEpochs(epochs).withBatchSize(batchSize);
      Path dir = out != null ? out : JointModels.defaultDir(ds, cfg, TextEncoders.DEFAULT_ID);
      PrintWriter o = spec.commandLine().getOut();
      if (!force && JointModels.isTrained(dir)) {
        o.println("joint model already trained: " + dir + " (use --force to retrain)");
        o.flush();
        return 0;
      }
      JointModels.Inputs in = JointModels.fromDataset(ds);
      JointTrainer.Result r;
      try (TextEncoder text = TextEncoders.open(TextEncoders.DEFAULT_ID)) {
        r = new JointTrainer(cfg, line -> {
          err.println(line);
          err.flush();
        }).checkpointEachEpoch(true).train(in.train(), in.heldOut(), text, dir, in.provenance());
      }
      JointMetrics m = r.metrics();
      o.println("model: " + r.card().get("id"));
      o.println("folder: " + dir);
      if (m != null) {
        o.println(String.format(Locale.ROOT,
            "held-out (%d items, %d attribute queries): success@10 %.4f (chance %.4f), MRR %.4f"
                + " (chance %.4f), image->articleType top-1 %.4f (chance %.4f; text prototypes"
                + " %.4f)",
            m.numItems(), m.numQueries(), m.successAt10(), m.chanceSuccessAt10(), m.mrr(),
            m.chanceMrr(), m.typeTop1(), m.chanceTypeTop1(), m.typeTop1Prototype()));
      }
      o.flush();
      return 0;
    }
  }
}
