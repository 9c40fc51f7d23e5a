package io.lensbench.stores;

/** The store contract against a real OpenSearch node (k-NN Lucene engine, nori). */
class OpenSearchStoreContractTest extends RetrievalStoreContract {
  @Override
  protected StoreId store() {
    return StoreId.of(StoreKind.OPENSEARCH);
  }

  @Override
  protected boolean koreanMorphology() {
    return true;
  }
}
