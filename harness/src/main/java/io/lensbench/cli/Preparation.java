package io.lensbench.cli;

import io.lensbench.datasets.AtomicDirectory;
import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.NativeLayout;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointVariant;
import io.lensbench.encoders.pretrained.ModelPreparation;
import io.lensbench.runner.Environment;
import io.lensbench.runner.Experiment;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command that runs an experiment on a fresh machine prepares first, each step reusing
 * what an earlier run left: the embedded stores it names, the fashion dataset, the pretrained
 * models and the joint image–text models it names. Shared by {@code demo} and {@code bench scale}.
 */
final class Preparation {
  private final Environment env;
  private final PrintStream err;

  Preparation(Environment env, PrintStream err) {
    this.env = env;
    this.err = err;
  }

  /** Starts the embedded stores (those without a uri) the experiment names. */
  void stores(Experiment e) {
    List<String> embedded = e.stores().stream()
        .filter(s -> s.uri() == null).map(Experiment.StoreSpec::name).toList();
    err.println("      " + embedded + ": " + EmbeddedStores.ensureRunning(embedded));
  }

  /**
   * Builds the fashion dataset at {@code dir} from {@code source} under the data root when there
   * is none there — or, with {@code rebuildStale}, when the one there is from another source or an
   * older builder — and loads it.
   */
  Dataset fashion(Path dir, String source, Path dataRoot, boolean rebuildStale) {
    boolean present = Files.isRegularFile(dir.resolve(NativeLayout.CARD));
    if (present && (!rebuildStale || FashionBuilder.isCurrent(dir, source))) {
      err.println("      reusing the built dataset");
    } else {
      if (present) {
        err.println("      rebuilding: the dataset there is from another source or an older builder");
      }
      Path sourceDir = DataRoot.fromEnvironment(dataRoot).locate(source, KaggleFashionLoader.ITEMS);
      AtomicDirectory.build(dir, "dataset folder " + dir, NativeLayout.CARD,
          tmp -> new FashionBuilder(
                  new FashionBuilder.Options(source, sourceDir, tmp, 42, 150, 0.3, false, true),
                  Glossary.load(),
                  m -> err.println("      " + m))
              .build());
    }
    return DatasetLoader.load(dir);
  }

  /** The pretrained models (USE multilingual v3, EfficientNet-Lite0), prepared once. */
  void pretrained() {
    ModelPreparation.ensure(env.home(), env.variables(), m -> err.println("      " + m));
  }

  /** Trains, on the dataset's TRAIN split, each joint model the experiment names that is missing. */
  void jointModels(Dataset dataset, Experiment e) {
    for (JointVariant v : jointVariants(e)) {
      JointModels.trainIfMissing(dataset, v, m -> err.println("      " + m));
    }
  }

  /** The joint variants the experiment uses (its default joint model and every strategy's). */
  static Set<JointVariant> jointVariants(Experiment e) {
    Set<JointVariant> out = new LinkedHashSet<>();
    JointVariant.find(e.models().joint()).ifPresent(out::add);
    for (Experiment.StrategySpec s : e.strategies()) {
      if (s.jointEncoder() != null) {
        JointVariant.find(s.jointEncoder()).ifPresent(out::add);
      }
    }
    return out;
  }
}
