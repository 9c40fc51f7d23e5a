package io.lensbench.runner;

import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.Stores;
import java.time.Duration;
import java.util.List;

/**
 * Opens the experiment's stores: the environment's store config (addresses, credentials), with
 * the experiment's {@code uri} and request timeout applied.
 */
final class StoreFactory {
  private final Environment env;
  private final Closer closer;

  StoreFactory(Environment env, Closer closer) {
    this.env = env;
    this.closer = closer;
  }

  RetrievalStore open(Experiment.StoreSpec spec) {
    return closer.track(Stores.open(spec.name(), config(spec)));
  }

  /** The address a store spec resolves to (for provenance; never with credentials). */
  String address(Experiment.StoreSpec spec) {
    StoreConfig cfg = config(spec);
    return spec.name().equals("milvus") ? cfg.milvus().uri() : String.join(",", cfg.opensearch().urls());
  }

  StoreConfig config(Experiment.StoreSpec spec) {
    StoreConfig cfg = StoreConfig.fromEnvironment(env.variables());
    if (spec.uri() != null) {
      cfg = spec.name().equals("milvus")
          ? cfg.withMilvus(new StoreConfig.MilvusConfig(spec.uri(), cfg.milvus().token(),
              cfg.milvus().user(), cfg.milvus().password(), cfg.milvus().database()))
          : cfg.withOpenSearch(new StoreConfig.OpenSearchConfig(List.of(spec.uri()),
              cfg.opensearch().user(), cfg.opensearch().password(), cfg.opensearch().insecure(),
              cfg.opensearch().trustStore(), cfg.opensearch().trustStorePassword()));
    }
    if (spec.requestTimeoutSeconds() != null) {
      cfg = cfg.withTimeouts(cfg.connectTimeout(), Duration.ofSeconds(spec.requestTimeoutSeconds()));
    }
    return cfg;
  }
}
