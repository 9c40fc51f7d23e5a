package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lensbench.stores.StoreConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An experiment's store entry reaches the store client as the validator accepted it. */
class StoreSpecConfigTest {

  @Test
  void aMultiUrlOpenSearchUriReachesTheClientAsSeveralUrls() {
    Experiment.StoreSpec spec = new Experiment.StoreSpec("opensearch", "http://os1:9200,http://os2:9200", 30);
    StoreFactory stores = new StoreFactory(new Environment(java.util.Map.of()), new Closer(System.err));
    StoreConfig c = stores.config(spec);
    assertEquals(List.of("http://os1:9200", "http://os2:9200"), c.opensearch().urls());
    assertEquals(Duration.ofSeconds(30), c.requestTimeout());
    assertEquals("http://os1:9200,http://os2:9200", stores.address(spec));
  }

  @Test
  void aStoreOfOneKindUnderItsOwnNameGetsThatKindsEndpoint() {
    Experiment.StoreSpec spec = new Experiment.StoreSpec("milvus-lite", "http://127.0.0.1:29530", null);
    StoreFactory stores = new StoreFactory(new Environment(java.util.Map.of()), new Closer(System.err));
    assertEquals("http://127.0.0.1:29530", stores.config(spec).milvus().uri());
  }
}
