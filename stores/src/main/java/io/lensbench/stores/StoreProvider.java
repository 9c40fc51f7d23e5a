package io.lensbench.stores;

/**
 * Opens the {@link RetrievalStore} of one {@link StoreKind}. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.lensbench.stores.StoreProvider}),
 * one per kind; {@link Stores#open} picks the one for the kind asked for.
 */
public interface StoreProvider {
  StoreKind kind();

  /**
   * Connects with the part of {@code config} for this kind, as the store named {@code id}; the
   * caller closes the store.
   *
   * @throws io.lensbench.core.InfrastructureException when the store does not answer
   */
  RetrievalStore open(StoreId id, StoreConfig config);
}
