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
}
