package io.lensbench.runner;

import io.lensbench.datasets.DataRoot;
import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.fashion.FashionBuilder;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.datasets.fashion.KaggleFashionLoader;
import io.lensbench.encoders.joint.JointModels;
import io.lensbench.encoders.joint.JointTrainingConfig;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.nio.file.Path;

/**
 * Real parts for the end-to-end tests: the embedded stores, the fashion dataset built from the
 * shared Kaggle slice (default source, a few queries per set) and a joint model trained briefly on
 * its TRAIN items. Each step fails naming its precondition.
 */
final class EndToEndFixture {
  private EndToEndFixture() {}

  /** Starts the embedded stores unless they run; returns their endpoints. */
  static EmbeddedStores.Endpoints stores() {
    try {
      return EmbeddedStores.ensureRunning();
    } catch (RuntimeException e) {
      throw new AssertionError("precondition: the embedded stores must start (./lensbench stores up): "
          + e.getMessage(), e);
    }
  }

  /** Builds the fashion dataset (default source, maxQueries per set) into dir. */
  static Path buildDataset(Path dir, int maxQueries) {
    Path source;
    try {
      source = DataRoot.fromEnvironment(null).locate("fashion-kaggle-default", KaggleFashionLoader.ITEMS);
    } catch (RuntimeException e) {
      throw new AssertionError("precondition: the Kaggle fashion source data (LENSBENCH_DATA): "
          + e.getMessage(), e);
    }
    new FashionBuilder(new FashionBuilder.Options("fashion-kaggle-default", source, dir, 42L,
        maxQueries, 0.3, false, false), Glossary.load(), m -> {}).build();
    return dir;
  }

  /** Trains a joint model for {@code epochs} epochs on the dataset's TRAIN items into dir. */
  static Path trainJoint(Path datasetDir, Path dir, int epochs) {
    return JointModels.trainIfMissing(DatasetLoader.load(datasetDir),
        JointTrainingConfig.defaults().withEpochs(epochs), dir, m -> {});
  }
}
