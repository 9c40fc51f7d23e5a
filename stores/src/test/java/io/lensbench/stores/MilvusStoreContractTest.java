package io.lensbench.stores;

/** The store contract against a real Milvus (Milvus Lite by default). */
class MilvusStoreContractTest extends RetrievalStoreContract {
  @Override
  protected StoreKind kind() {
    return StoreKind.MILVUS;
  }

  @Override
  protected boolean koreanMorphology() {
    return true; // Korean analysed with Lucene Nori before Milvus's standard tokenizer
  }
}
