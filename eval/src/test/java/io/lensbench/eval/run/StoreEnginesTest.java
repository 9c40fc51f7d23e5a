package io.lensbench.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A run's store engines: recorded, or derived from the version (an old run's "milvus" was Milvus Lite). */
class StoreEnginesTest {
  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void anOldRunsMilvusIsMilvusLite() throws Exception {
    JsonNode old = json("{\"stores\":[{\"name\":\"milvus\",\"uri\":\"http://127.0.0.1:19530\",\"version\":\"milvus_lite-3.2.2\"},"
        + "{\"name\":\"opensearch\",\"uri\":\"http://127.0.0.1:19200\",\"version\":\"2.19.1\"}]}");
    JsonNode filled = StoreEngines.withEngines(old);
    assertEquals("Milvus Lite 3.2.2", filled.at("/stores/0/engine").asText());
    assertEquals("OpenSearch 2.19.1", filled.at("/stores/1/engine").asText());
    assertEquals("", old.at("/stores/0/engine").asText(), "the run's own provenance is not changed");
  }

  @Test
  void theServerAndRecordedEngines() throws Exception {
    assertEquals("Milvus 2.3.5 (server)", StoreEngines.engine(json("{\"name\":\"milvus\",\"version\":\"v2.3.5-lite\"}")));
    assertEquals("Milvus 2.3.5 (server)",
        StoreEngines.engine(json("{\"name\":\"milvus\",\"version\":\"v2.3.5-lite\",\"engine\":\"Milvus 2.3.5 (server)\"}")));
    assertEquals("", StoreEngines.engine(json("{\"name\":\"milvus\"}")));
  }
}
