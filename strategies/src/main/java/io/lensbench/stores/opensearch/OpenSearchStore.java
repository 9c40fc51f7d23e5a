package io.lensbench.stores.opensearch;

import io.lensbench.stores.StoreConfig;

/** Placeholder; replaced by the real adapter. */
public final class OpenSearchStore {
  private OpenSearchStore() {}

  public static io.lensbench.stores.RetrievalStore open(StoreConfig config) {
    throw new UnsupportedOperationException("not yet");
  }
}
