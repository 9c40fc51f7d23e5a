package io.lensbench.stores.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk bytes of a collection in a Milvus server's and Milvus Lite's data folder layouts. */
class CollectionDiskTest {
  @TempDir
  Path data;

  private void file(String path, int bytes) throws IOException {
    Path p = data.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  @Test
  void milvusServerCountsTheCollectionsLogsAndTheIndexFilesOfItsPartitions() throws IOException {
    file("insert_log/11/21/31/100/1", 1000);
    file("insert_log/11/21/31/101/2", 200);
    file("stats_log/11/21/31/100/3", 30);
    file("delta_log/11/21/31/4", 4);
    file("index_files/901/1/21/31/HNSW_1", 5000);
    // another collection (id 12, partition 22): none of it counts
    file("insert_log/12/22/32/100/1", 7000);
    file("index_files/902/1/22/32/HNSW_1", 9000);
    assertEquals(1000 + 200 + 30 + 4 + 5000, CollectionDisk.milvusServer(data, List.of("11")));
    assertEquals(7000 + 9000, CollectionDisk.milvusServer(data, List.of("12")));
    assertEquals(1000 + 200 + 30 + 4 + 5000 + 7000 + 9000, CollectionDisk.milvusServer(data, List.of("11", "12")));
    assertEquals(0, CollectionDisk.milvusServer(data, List.of("13"))); // dropped and collected: nothing left
  }

  @Test
  void milvusLiteCountsTheCollectionsFolder() throws IOException {
    file("collections/items_a/partitions/p0/seg", 321);
    file("collections/items_a/manifest.json", 9);
    file("collections/items_b/manifest.json", 50);
    assertEquals(330, CollectionDisk.milvusLite(data, List.of("items_a")));
  }

  @Test
  void keysCannotNameAPathOutsideTheDataFolder() throws IOException {
    file("secret/file", 10);
    for (String bad : List.of("../secret", "..", "11/../../secret", "/etc", "")) {
      BadInputException e = assertThrows(BadInputException.class, () -> CollectionDisk.milvusServer(data, List.of(bad)));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
      assertThrows(BadInputException.class, () -> CollectionDisk.milvusLite(data, List.of(bad)));
    }
  }
}
