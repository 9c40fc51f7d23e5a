package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The store contract against the Milvus server ({@code milvus}; the embedded Milvus 2.3.5 by
 * default, where several vector fields, BM25 and hybrid search go through the adapter's
 * fallbacks).
 */
class MilvusStoreContractTest extends RetrievalStoreContract {
  @Override
  protected StoreId store() {
    return StoreId.of(StoreKind.MILVUS);
  }

  @Override
  protected boolean koreanMorphology() {
    return true; // Korean analysed with Lucene Nori before Milvus's standard tokenizer
  }

  @Test
  void fallbacksAreNamed() {
    try (RetrievalStore s = Stores.open(store(), baseConfig())) {
      if (s.serverVersion().startsWith("v2.3")) {
        assertTrue(s.engine().equals("Milvus 2.3.5 (server)"), s.engine());
        assertTrue(s.fallbacks().stream().anyMatch(f -> f.startsWith("BM25: scored client-side")), s.fallbacks().toString());
        assertTrue(s.fallbacks().stream().anyMatch(f -> f.startsWith("store-native hybrid search")), s.fallbacks().toString());
      }
    }
  }
}
