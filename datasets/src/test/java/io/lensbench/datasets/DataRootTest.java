package io.lensbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {
  @TempDir Path tmp;

  private Path source(Path root, String name) throws Exception {
    Files.createDirectories(root.resolve(name));
    Files.writeString(root.resolve(name).resolve("items.csv"), "id\n");
    return root.resolve(name);
  }

  @Test
  void lookupOrderIsFlagThenEnvThenSharedThenData() throws Exception {
    Path project = tmp.resolve("work/project");
    Files.createDirectories(project.resolve("sub"));
    Files.writeString(project.resolve("lensbench"), "");
    Files.writeString(project.resolve("pom.xml"), "");
    Path shared = source(tmp.resolve("work/shared/datasets"), "src1");
    Path local = source(project.resolve("sub/data"), "src1");
    Path env = source(tmp.resolve("env"), "src1");
    Path flag = source(tmp.resolve("flag"), "src1");
    Path wd = project.resolve("sub");
    assertEquals(flag, new DataRoot(tmp.resolve("flag"), Map.of(DataRoot.ENV, env.getParent().toString()), wd).locate("src1", "items.csv"));
    assertEquals(env, new DataRoot(null, Map.of(DataRoot.ENV, env.getParent().toString()), wd).locate("src1", "items.csv"));
    assertEquals(shared.toAbsolutePath().normalize(), new DataRoot(null, Map.of(), wd).locate("src1", "items.csv"));
    Files.delete(shared.resolve("items.csv"));
    assertEquals(local, new DataRoot(null, Map.of(), wd).locate("src1", "items.csv"));
  }

  @Test
  void missingSourceListsEveryPlaceLooked() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new DataRoot(null, Map.of(DataRoot.ENV, tmp.resolve("nowhere").toString()), tmp).locate("fashion-kaggle-9k", "items.csv"));
    assertTrue(e.getMessage().contains("data source 'fashion-kaggle-9k' not found"), e.getMessage());
    assertTrue(e.getMessage().contains(tmp.resolve("nowhere/fashion-kaggle-9k/items.csv") + "  (from LENSBENCH_DATA)"), e.getMessage());
    assertTrue(e.getMessage().contains(tmp.resolve("data/fashion-kaggle-9k/items.csv") + "  (from ./data)"), e.getMessage());
  }

  @Test
  void explicitFlagIsNeverPassedOver() throws Exception {
    Path env = source(tmp.resolve("env"), "s");
    BadInputException e = assertThrows(BadInputException.class,
        () -> new DataRoot(tmp.resolve("flag"), Map.of(DataRoot.ENV, env.getParent().toString()), tmp).locate("s", "items.csv"));
    assertTrue(e.getMessage().contains("(from --data)"), e.getMessage());
  }
}
