package io.lensbench.stores.embedded;

/** One embedded store process that LensBench installs, starts, checks and stops. */
public interface EmbeddedStore {
  /** "opensearch" or "milvus". */
  String name();

  /**
   * Installs (cached) and starts the store unless it already runs, then waits until it is
   * healthy. Idempotent.
   *
   * @throws io.lensbench.core.InfrastructureException with the cause and the store's last log
   *     lines when it cannot start (port taken, no Java/Python, pip failure, plugin not loaded)
   */
  StoreStatus up();

  /** Stops the process LensBench started (pid file, verified); true when one was stopped. */
  boolean down();

  StoreStatus status();

  /**
   * Bytes on disk of the collection the store files under these keys ({@link
   * io.lensbench.stores.Footprint#storageKeys()}), measured in this store's data folder; empty
   * when the store reports its own disk size or keeps no folder per collection.
   */
  default java.util.OptionalLong collectionDiskBytes(java.util.List<String> storageKeys) {
    return java.util.OptionalLong.empty();
  }
}
