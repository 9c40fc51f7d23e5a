package io.lensbench.runner;

import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.Stores;

/**
 * Opens the experiment's stores: the environment's store config for the store's name (addresses,
 * credentials; {@code milvus-lite} is Milvus Lite), with the experiment's {@code uri}
 * (comma-separated URLs allowed), request timeout, shards and replicas applied.
 */
final class StoreFactory {
  private final Environment env;
  private final Closer closer;

  StoreFactory(Environment env, Closer closer) {
    this.env = env;
    this.closer = closer;
  }

  RetrievalStore open(Experiment.StoreSpec spec) {
    return closer.track(Stores.open(StoreId.of(spec.name()), config(spec)));
  }

  /** The address a store spec resolves to (for provenance; never with credentials). */
  String address(Experiment.StoreSpec spec) {
    return config(spec).address(StoreId.of(spec.name()).kind());
  }

  /** The store's configuration: its name's defaults ({@link StoreConfig#forStore}), the spec applied. */
  StoreConfig config(Experiment.StoreSpec spec) {
    StoreId id = StoreId.of(spec.name());
    return StoreConfig.forStore(id, env.variables())
        .forExperiment(id.kind(), spec.uri(), spec.requestTimeoutSeconds())
        .withLayout(spec.layout());
  }
}
