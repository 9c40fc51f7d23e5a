package io.lensbench.runner;

import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.Stores;

/**
 * Opens the experiment's stores: the environment's store config (addresses, credentials), with
 * the experiment's {@code uri} (comma-separated URLs allowed) and request timeout applied by
 * {@link StoreConfig#forExperiment}.
 */
final class StoreFactory {
  private final Environment env;
  private final Closer closer;

  StoreFactory(Environment env, Closer closer) {
    this.env = env;
    this.closer = closer;
  }

  RetrievalStore open(Experiment.StoreSpec spec) {
    return closer.track(Stores.open(StoreId.of(spec.name()).kind(), config(spec)));
  }

  /** The address a store spec resolves to (for provenance; never with credentials). */
  String address(Experiment.StoreSpec spec) {
    return config(spec).address(StoreId.of(spec.name()).kind());
  }

  StoreConfig config(Experiment.StoreSpec spec) {
    return StoreConfig.fromEnvironment(env.variables())
        .forExperiment(StoreId.of(spec.name()).kind(), spec.uri(), spec.requestTimeoutSeconds());
  }
}
