package io.lensbench.stores.milvus;

import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.StoreKind;
import io.lensbench.stores.StoreProvider;

/** The {@link StoreProvider} of {@link StoreKind#MILVUS}: {@link MilvusStore}. */
public final class MilvusStoreProvider implements StoreProvider {
  @Override
  public StoreKind kind() {
    return StoreKind.MILVUS;
  }

  @Override
  public RetrievalStore open(StoreId id, StoreConfig config) {
    return MilvusStore.open(id, config);
  }
}
