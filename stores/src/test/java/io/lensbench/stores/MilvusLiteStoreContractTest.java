package io.lensbench.stores;

/** The store contract against Milvus Lite ({@code milvus-lite}, the embedded Milvus Lite 3.2.2 by default). */
class MilvusLiteStoreContractTest extends RetrievalStoreContract {
  @Override
  protected StoreId store() {
    return StoreId.of(StoreId.MILVUS_LITE);
  }

  @Override
  protected boolean koreanMorphology() {
    return true; // Korean analysed with Lucene Nori before Milvus's standard tokenizer
  }
}
