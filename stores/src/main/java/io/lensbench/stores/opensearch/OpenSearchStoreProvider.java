package io.lensbench.stores.opensearch;

import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import io.lensbench.stores.StoreProvider;

/** The {@link StoreProvider} of {@link StoreKind#OPENSEARCH}: {@link OpenSearchStore}. */
public final class OpenSearchStoreProvider implements StoreProvider {
  @Override
  public StoreKind kind() {
    return StoreKind.OPENSEARCH;
  }

  @Override
  public RetrievalStore open(StoreId id, StoreConfig config) {
    return OpenSearchStore.open(id, config);
  }
}
