package io.lensbench.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

  @Test
  void defaultsAreTheEmbeddedStores() {
    StoreConfig c = StoreConfig.defaults();
    assertEquals("http://127.0.0.1:19730", c.milvus().uri());
    assertEquals(List.of("http://127.0.0.1:19200"), c.opensearch().urls());
    assertTrue(c.milvus().isEmbedded());
    assertTrue(c.opensearch().isEmbedded());
    assertEquals(StoreConfig.DEFAULT_BATCH_SIZE, c.batchSize());
    assertEquals(c, StoreConfig.fromEnvironment(Map.of()));
    StoreConfig lite = StoreConfig.forStore(StoreId.of("milvus-lite"), Map.of("LENSBENCH_MILVUS_TOKEN", "t"));
    assertEquals("http://127.0.0.1:19530", lite.milvus().uri());
    assertTrue(lite.milvus().isEmbedded());
    assertEquals(null, lite.milvus().token(), "the LENSBENCH_MILVUS_* credentials are the server's");
    assertEquals(c, StoreConfig.forStore(StoreId.of("milvus"), Map.of()));
    assertEquals(List.of("http://127.0.0.1:19200", "http://127.0.0.1:19201", "http://127.0.0.1:19202"),
        StoreConfig.fromEnvironment(Map.of("LENSBENCH_OPENSEARCH_NODES", "3")).opensearch().urls());
  }

  @Test
  void environmentOverridesEverySetting() {
    StoreConfig c =
        StoreConfig.fromEnvironment(
            Map.of(
                "LENSBENCH_MILVUS_URI", "https://in03-abc.zillizcloud.com/",
                "LENSBENCH_MILVUS_TOKEN", "tok-123",
                "LENSBENCH_MILVUS_USER", "root",
                "LENSBENCH_MILVUS_PASSWORD", "Milvus-pw",
                "LENSBENCH_OPENSEARCH_URL", "https://os1:9200, https://os2:9200",
                "LENSBENCH_OPENSEARCH_USER", "admin",
                "LENSBENCH_OPENSEARCH_PASSWORD", "os-pw",
                "LENSBENCH_OPENSEARCH_INSECURE", "true",
                "LENSBENCH_OPENSEARCH_TRUSTSTORE", "/etc/ssl/ts.p12",
                "LENSBENCH_STORE_BATCH_SIZE", "64"));
    assertEquals("https://in03-abc.zillizcloud.com", c.milvus().uri());
    assertEquals("tok-123", c.milvus().token().reveal());
    assertEquals("root", c.milvus().user());
    assertEquals("Milvus-pw", c.milvus().password().reveal());
    assertFalse(c.milvus().isEmbedded());
    assertEquals(List.of("https://os1:9200", "https://os2:9200"), c.opensearch().urls());
    assertEquals("admin", c.opensearch().user());
    assertEquals("os-pw", c.opensearch().password().reveal());
    assertTrue(c.opensearch().insecure());
    assertEquals(Path.of("/etc/ssl/ts.p12"), c.opensearch().trustStore());
    assertFalse(c.opensearch().isEmbedded());
    assertEquals(64, c.batchSize());
  }

  @Test
  void embeddedPortsMoveTheDefaults() {
    StoreConfig c =
        StoreConfig.fromEnvironment(Map.of("LENSBENCH_MILVUS_PORT", "29530", "LENSBENCH_OPENSEARCH_PORT", "29200"));
    assertEquals("http://127.0.0.1:29530", c.milvus().uri());
    assertEquals("http://127.0.0.1:29531", StoreConfig.forStore(StoreId.of("milvus-lite"),
        Map.of("LENSBENCH_MILVUS_LITE_PORT", "29531")).milvus().uri());
    assertEquals(List.of("http://127.0.0.1:29200"), c.opensearch().urls());
    assertThrows(BadInputException.class, () -> StoreConfig.fromEnvironment(Map.of("LENSBENCH_MILVUS_PORT", "0")));
  }

  @Test
  void withEndpointReplacesOneStoreKeepingCredentials() {
    StoreConfig base = StoreConfig.fromEnvironment(Map.of("LENSBENCH_MILVUS_TOKEN", "t", "LENSBENCH_OPENSEARCH_USER", "u"));
    StoreConfig m = base.withEndpoint(StoreKind.MILVUS, "https://zilliz:443");
    assertEquals("https://zilliz:443", m.milvus().uri());
    assertEquals("t", m.milvus().token().reveal());
    assertEquals(base.opensearch(), m.opensearch());
    StoreConfig o = base.withEndpoint(StoreKind.of("OpenSearch"), "https://a:9200,https://b:9200");
    assertEquals(List.of("https://a:9200", "https://b:9200"), o.opensearch().urls());
    assertEquals("u", o.opensearch().user());
    assertEquals(base, base.withEndpoint(StoreKind.MILVUS, null));
    assertThrows(BadInputException.class, () -> base.withEndpoint(StoreKind.of("solr"), "http://x:1"));
  }

  @Test
  void anExperimentsStoreEntryAppliesUriAndTimeout() {
    StoreConfig base = StoreConfig.fromEnvironment(Map.of("LENSBENCH_OPENSEARCH_USER", "u", "LENSBENCH_MILVUS_TOKEN", "t"));
    StoreConfig o = base.forExperiment(StoreKind.OPENSEARCH, "http://os1:9200, http://os2:9200,http://os3:9200", 90);
    assertEquals(List.of("http://os1:9200", "http://os2:9200", "http://os3:9200"), o.opensearch().urls(),
        "a multi-URL uri reaches the client as several URLs");
    assertEquals("http://os1:9200,http://os2:9200,http://os3:9200", o.address(StoreKind.OPENSEARCH));
    assertEquals("u", o.opensearch().user());
    assertEquals(Duration.ofSeconds(90), o.requestTimeout());
    assertEquals(base.connectTimeout(), o.connectTimeout());
    assertEquals(base.milvus(), o.milvus());
    StoreConfig m = base.forExperiment(StoreKind.MILVUS, "https://zilliz:443", null);
    assertEquals("https://zilliz:443", m.address(StoreKind.MILVUS));
    assertEquals("t", m.milvus().token().reveal());
    assertEquals(base.requestTimeout(), m.requestTimeout());
    assertEquals(base, base.forExperiment(StoreKind.OPENSEARCH, null, null));
  }

  @Test
  void credentialsNeverAppearInToString() {
    StoreConfig c =
        StoreConfig.fromEnvironment(
            Map.of(
                "LENSBENCH_MILVUS_TOKEN", "tok-SECRET-1",
                "LENSBENCH_MILVUS_PASSWORD", "pw-SECRET-2",
                "LENSBENCH_OPENSEARCH_PASSWORD", "pw-SECRET-3"));
    String s = c.toString();
    assertFalse(s.contains("SECRET"), s);
    assertTrue(s.contains("****"), s);
    assertNull(Secret.ofNullable("  "));
  }

  @Test
  void badValuesAreRejectedNamingTheSetting() {
    BadInputException batch =
        assertThrows(BadInputException.class, () -> StoreConfig.fromEnvironment(Map.of("LENSBENCH_STORE_BATCH_SIZE", "many")));
    assertTrue(batch.getMessage().contains("LENSBENCH_STORE_BATCH_SIZE"), batch.getMessage());
    BadInputException zero =
        assertThrows(BadInputException.class, () -> StoreConfig.defaults().withBatchSize(0));
    assertTrue(zero.getMessage().contains("found 0"), zero.getMessage());
    BadInputException scheme =
        assertThrows(BadInputException.class, () -> StoreConfig.fromEnvironment(Map.of("LENSBENCH_MILVUS_URI", "grpc://x:19530")));
    assertTrue(scheme.getMessage().contains("LENSBENCH_MILVUS_URI") && scheme.getMessage().contains("grpc://x:19530"), scheme.getMessage());
    BadInputException userInfo =
        assertThrows(BadInputException.class,
            () -> StoreConfig.fromEnvironment(Map.of("LENSBENCH_OPENSEARCH_URL", "https://admin:hunter2@os:9200")));
    assertFalse(userInfo.getMessage().contains("hunter2"), userInfo.getMessage());
    BadInputException insecure =
        assertThrows(BadInputException.class, () -> StoreConfig.fromEnvironment(Map.of("LENSBENCH_OPENSEARCH_INSECURE", "maybe")));
    assertTrue(insecure.getMessage().contains("LENSBENCH_OPENSEARCH_INSECURE"), insecure.getMessage());
  }

  @Test
  void unknownStoreNameIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> Stores.open("elastic", StoreConfig.defaults()));
    assertTrue(e.getMessage().contains("elastic") && e.getMessage().contains("milvus"), e.getMessage());
  }

  @Test
  void schemaChecksRejectWhatEitherStoreCannotHold() {
    String where = "test collection 'x'";
    VectorField v = new VectorField("v", 4, Metric.COSINE, IndexSpec.flat());
    assertThrows(BadInputException.class, () -> SchemaChecks.checkCollectionName("test", "Has-Upper"));
    assertThrows(BadInputException.class, () -> SchemaChecks.checkSchema(where,
        new CollectionSchema("x", List.of(v, v), List.of(), List.of(), Map.of())));
    assertThrows(BadInputException.class, () -> SchemaChecks.checkSchema(where,
        new CollectionSchema("x", List.of(new VectorField("id", 4, Metric.L2, IndexSpec.flat())), List.of(), List.of(), Map.of())));
    BadInputException lang = assertThrows(BadInputException.class, () -> SchemaChecks.checkSchema(where,
        new CollectionSchema("x", List.of(v), List.of(new TextField("t", "fr")), List.of(), Map.of())));
    assertTrue(lang.getMessage().contains("'fr'") && lang.getMessage().contains("[en, ko]"), lang.getMessage());
    BadInputException hnsw = assertThrows(BadInputException.class, () -> SchemaChecks.checkSchema(where,
        new CollectionSchema("x", List.of(new VectorField("h", 4, Metric.IP, IndexSpec.hnsw(1, 10, 10))), List.of(), List.of(), Map.of())));
    assertTrue(hnsw.getMessage().contains("m=1"), hnsw.getMessage());
    BadInputException nan = assertThrows(BadInputException.class,
        () -> SchemaChecks.checkVector(where, v, new float[] {0, Float.NaN, 0, 0}));
    assertTrue(nan.getMessage().contains("index 1"), nan.getMessage());
  }
}
