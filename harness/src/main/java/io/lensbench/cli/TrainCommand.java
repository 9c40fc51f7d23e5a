package io.lensbench.cli;

import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.encoders.joint.FineTuneTrainer;
import io.lensbench.encoders.joint.JointMetrics;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointTrainer;
import io.lensbench.encoders.joint.JointTrainingConfig;
import io.lensbench.encoders.joint.JointVariant;
import io.lensbench.encoders.pretrained.ModelPreparation;
import io.lensbench.runner.Environment;
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

  /** A joint image–text model variant (frozen text tower, trained image side). */
  @Command(
      name = "joint",
      mixinStandardHelpOptions = true,
      description = {
        "Trains a joint image-text model on the dataset's TRAIN items, evaluates it on TEST items"
            + " (English and Korean attribute queries) and writes its folder + model-card.json.",
        "Variants: cnn-minilm (small CNN vs MiniLM, English only: the baseline), cnn-use (the CNN"
            + " vs USE multilingual), effnet-ridge / effnet-mlp (frozen EfficientNet-Lite0 + ridge /"
            + " contrastive MLP head into USE), fused (cnn-use + effnet-mlp), effnet-finetune"
            + " (EfficientNet-Lite0 fine-tuned end to end from the ridge head: slow on CPU, never run"
            + " by the demo); default = the demo's default joint model.",
        "Maps images onto catalogue attributes only (no style, pattern, brand)."
      })
  static final class Joint implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Built dataset folder.")
    Path dataset;

    @Option(names = "--variant", defaultValue = "default",
        description = "Which joint model: cnn-minilm, cnn-use, effnet-ridge, effnet-mlp, fused, effnet-finetune or default (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--finetune-epochs", defaultValue = "1",
        description = "Epochs of effnet-finetune (default: ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(names = "--max-batches", defaultValue = "0",
        description = "Batches per epoch of effnet-finetune, for timing (default: 0, whole epochs).")
    int maxBatches;

    @Option(names = "--epochs", defaultValue = "7", description = "CNN epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "CNN batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--out", description = "Model folder (default: a folder under LENSBENCH_HOME/models/joint named by the dataset, the variant and a hash of the dataset checksum, the configuration and the towers).")
    Path out;

    @Option(names = "--force", description = "Retrain even when the folder holds a trained model.")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (epochs < 1 || batchSize < 2 || fineTuneEpochs < 1 || maxBatches < 0) {
        throw new io.lensbench.core.BadInputException(String.format(Locale.ROOT,
            "--epochs, --finetune-epochs expected >= 1, --batch-size >= 2, --max-batches >= 0,"
                + " found %d, %d, %d and %d", epochs, fineTuneEpochs, batchSize, maxBatches));
      }
      JointVariant v = JointVariant.parse(variant);
      Dataset ds = DatasetLoader.load(dataset);
      if (v != JointVariant.CNN_MINILM) {
        ModelPreparation.ensure(Environment.system().home(), System.getenv(), line -> {
          err.println(line);
          err.flush();
        });
      }
      JointTrainingConfig cfg =
          JointTrainingConfig.defaults().withEpochs(epochs).withBatchSize(batchSize);
      Path dir = out != null ? out : JointModels.dir(ds, v, cfg);
      PrintWriter o = spec.commandLine().getOut();
      if (!force && JointModels.isTrained(dir)) {
        o.println("joint model already trained: " + dir + " (use --force to retrain)");
        o.flush();
        return 0;
      }
      FineTuneTrainer.Config tune = FineTuneTrainer.Config.defaults().withEpochs(fineTuneEpochs)
          .withMaxBatches(maxBatches);
      JointTrainer.Result r = JointModels.train(ds, v, cfg, tune, dir, line -> {
        err.println(line);
        err.flush();
      });
      JointMetrics m = r.metrics();
      o.println("model: " + r.card().get("id"));
      o.println("folder: " + dir);
      if (m != null) {
        String prototypes = Double.isNaN(m.typeTop1Prototype()) ? "n/a"
            : String.format(Locale.ROOT, "%.4f", m.typeTop1Prototype());
        o.println(String.format(Locale.ROOT,
            "held-out (%d items, %d attribute queries): success@10 %.4f (chance %.4f), MRR %.4f"
                + " (chance %.4f), image->articleType top-1 %.4f (chance %.4f; text prototypes"
                + " %s)",
            m.numItems(), m.numQueries(), m.successAt10(), m.chanceSuccessAt10(), m.mrr(),
            m.chanceMrr(), m.typeTop1(), m.chanceTypeTop1(), prototypes));
        m.translated().forEach((label, t) -> o.println(String.format(Locale.ROOT,
            "held-out, queries in %s: success@10 %.4f, MRR %.4f (same chance)", label,
            t.successAt10(), t.mrr())));
      }
      o.flush();
      return 0;
    }
  }
}
