package io.lensbench.stores.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StoresConfigTest {

  @Test
  void defaultsAreTheFixedPorts() {
    StoresConfig c = StoresConfig.from(new Properties(), Map.of());
    assertEquals(19200, c.openSearchHttpPort());
    assertEquals(19300, c.openSearchTransportPort());
    assertEquals(19730, c.milvusPort());
    assertEquals(19530, c.milvusLitePort());
    assertEquals(1, c.openSearchNodes());
    assertEquals("lensbench", c.serviceUser());
    assertEquals(Duration.ofSeconds(180), c.startTimeout());
    assertEquals("512m", c.openSearchHeap());
    assertEquals(c.home().resolve("opensearch"), c.openSearchInstanceDir());
    assertEquals(c.home().resolve("milvus-server"), c.milvusInstanceDir());
    assertEquals(c.home().resolve("venv"), c.venvDir());
    assertEquals(c.home().resolve("opensearch-node3"), c.openSearchNodeDir(2));
    assertEquals(c.home().resolve("install").resolve("milvus-2.3.5"), c.milvusInstallDir());
  }

  @Test
  void environmentMovesPortsAndInstanceFolders() {
    StoresConfig c = StoresConfig.from(new Properties(),
        Map.of("LENSBENCH_OPENSEARCH_PORT", "29200", "LENSBENCH_MILVUS_PORT", "29730",
            "LENSBENCH_MILVUS_LITE_PORT", "29530", "LENSBENCH_OPENSEARCH_NODES", "3"));
    assertEquals(29200, c.openSearchHttpPort());
    assertEquals(29300, c.openSearchTransportPort(), "transport follows HTTP + 100");
    assertEquals(29730, c.milvusPort());
    assertEquals(29530, c.milvusLitePort());
    assertEquals(3, c.openSearchNodes());
    assertEquals(c.home().resolve("opensearch-29200"), c.openSearchInstanceDir());
    assertEquals(c.home().resolve("opensearch-29200-node2"), c.openSearchNodeDir(1));
    assertEquals(c.home().resolve("milvus-server-29730"), c.milvusInstanceDir());
  }

  @Test
  void systemPropertiesWinOverEnvironment() {
    Properties p = new Properties();
    p.setProperty("lensbench.milvus.port", "29531");
    p.setProperty("lensbench.opensearch.transport.port", "29999");
    StoresConfig c = StoresConfig.from(p, Map.of("LENSBENCH_MILVUS_PORT", "29530"));
    assertEquals(29531, c.milvusPort());
    assertEquals(29999, c.openSearchTransportPort());
  }

  @Test
  void badValuesAreBadInputNamingTheSetting() {
    BadInputException notNumber = assertThrows(BadInputException.class,
        () -> StoresConfig.from(new Properties(), Map.of("LENSBENCH_MILVUS_PORT", "19530x")));
    assertTrue(notNumber.getMessage().contains("LENSBENCH_MILVUS_PORT"), notNumber.getMessage());
    assertTrue(notNumber.getMessage().contains("19530x"), notNumber.getMessage());
    BadInputException outOfRange = assertThrows(BadInputException.class,
        () -> StoresConfig.from(new Properties(), Map.of("LENSBENCH_OPENSEARCH_PORT", "70000")));
    assertTrue(outOfRange.getMessage().contains("70000"), outOfRange.getMessage());
    BadInputException heap = assertThrows(BadInputException.class,
        () -> StoresConfig.from(new Properties(), Map.of("LENSBENCH_OPENSEARCH_HEAP", "lots")));
    assertTrue(heap.getMessage().contains("'lots'"), heap.getMessage());
    BadInputException clash = assertThrows(BadInputException.class,
        () -> StoresConfig.from(new Properties(), Map.of("LENSBENCH_MILVUS_PORT", "19200")));
    assertTrue(clash.getMessage().contains("must differ"), clash.getMessage());
    BadInputException overlap = assertThrows(BadInputException.class, () -> StoresConfig.from(new Properties(),
        Map.of("LENSBENCH_MILVUS_PORT", "19195", "LENSBENCH_OPENSEARCH_NODES", "2")));
    assertTrue(overlap.getMessage().contains("overlaps"), overlap.getMessage());
    BadInputException nodes = assertThrows(BadInputException.class,
        () -> StoresConfig.from(new Properties(), Map.of("LENSBENCH_OPENSEARCH_NODES", "12")));
    assertTrue(nodes.getMessage().contains("1..9"), nodes.getMessage());
  }

  @Test
  void nodeLogsAreDiagnosed() {
    assertTrue(EmbeddedOpenSearch.diagnose("java.net.BindException: Address already in use")
        .contains("port"));
    assertTrue(EmbeddedOpenSearch.diagnose("IllegalStateException: jar hell!").contains("plugin"));
    assertTrue(EmbeddedOpenSearch.diagnose("UnsupportedClassVersionError: class file version 65")
        .contains("plugin"));
    assertEquals("", EmbeddedOpenSearch.diagnose("[INFO ] started"));
  }
}
