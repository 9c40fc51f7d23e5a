package io.lensbench.stores;

/** The store contract against a real OpenSearch node (k-NN Lucene engine, nori). */
class OpenSearchStoreContractTest extends RetrievalStoreContract {
  @Override
  protected StoreKind kind() {
    return StoreKind.OPENSEARCH;
  }

  @Override
  protected boolean koreanMorphology() {
    return true;
  }
}
