package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.stores.milvus.MilvusStoreProvider;
import io.lensbench.stores.opensearch.OpenSearchStoreProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Store kinds, instance names and the provider of each kind. */
class StoreIdentityTest {

  @Test
  void kindsHaveTheirIds() {
    assertEquals(List.of("milvus", "opensearch"), StoreKind.ids());
    assertEquals("'milvus' or 'opensearch'", StoreKind.choices());
    assertEquals(StoreKind.MILVUS, StoreKind.of(" Milvus "));
    assertEquals(StoreKind.MILVUS_ID, StoreKind.MILVUS.id());
    assertEquals(StoreKind.OPENSEARCH_ID, StoreKind.OPENSEARCH.id());
    BadInputException e = assertThrows(BadInputException.class, () -> StoreKind.of("solr"));
    assertTrue(e.getMessage().contains("'solr'") && e.getMessage().contains("[milvus, opensearch]"), e.getMessage());
  }

  @Test
  void anInstanceNameNamesItsKind() {
    assertEquals(new StoreId("milvus", StoreKind.MILVUS), StoreId.of("milvus"));
    assertEquals(new StoreId("milvus-lite", StoreKind.MILVUS), StoreId.of("milvus-lite"));
    assertEquals(new StoreId("opensearch-3nodes", StoreKind.OPENSEARCH), StoreId.of("opensearch-3nodes"));
    assertEquals(StoreId.of("opensearch"), StoreId.of(StoreKind.OPENSEARCH));
    for (String bad : new String[] {"milvusx", "milvus-", "Milvus", "elastic", "", "opensearch.a"}) {
      assertEquals(Optional.empty(), StoreId.find(bad), bad);
    }
    assertEquals(Optional.empty(), StoreId.find(null));
    BadInputException e = assertThrows(BadInputException.class, () -> StoreId.of("elastic"));
    assertTrue(e.getMessage().contains("'elastic'") && e.getMessage().contains("'milvus' or 'opensearch'"), e.getMessage());
    // an explicit kind: the name need not start with it
    assertEquals(StoreKind.OPENSEARCH, new StoreId("cluster-a", StoreKind.OPENSEARCH).kind());
    assertThrows(BadInputException.class, () -> new StoreId("Cluster A", StoreKind.OPENSEARCH));
  }

  @Test
  void eachKindHasOneProviderOnTheClassPath() {
    assertEquals(MilvusStoreProvider.class, Stores.provider(StoreKind.MILVUS).getClass());
    assertEquals(OpenSearchStoreProvider.class, Stores.provider(StoreKind.OPENSEARCH).getClass());
    for (StoreKind k : StoreKind.values()) {
      assertEquals(k, Stores.provider(k).kind());
    }
  }
}
