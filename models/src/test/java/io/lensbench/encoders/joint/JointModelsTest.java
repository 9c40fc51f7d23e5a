package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JointModelsTest {
  static Item item(String id, String type, String colour) {
    return new Item(id, Path.of("/img/" + id + ".jpg"), Map.of("name_en", "x"),
        Map.of("gender", "Men", "baseColour", colour, "articleType", type, "usage", "Casual"));
  }

  static Dataset dataset(Map<String, Split> splits, String checksum) {
    Map<String, Item> items = new LinkedHashMap<>();
    items.put("1", item("1", "Tshirts", "Blue"));
    items.put("2", item("2", "Watches", "Black"));
    items.put("3", item("3", "Tshirts", "Red"));
    items.put("4", new Item("4", null, Map.of(), Map.of("articleType", "Socks")));
    return new Dataset("fashion", Path.of("/data/fashion"), items, List.of(), splits, checksum,
        Map.of());
  }

  @Test
  void trainOnTrainHoldOutTest() {
    Dataset ds = dataset(Map.of("1", Split.TRAIN, "2", Split.TRAIN, "3", Split.TEST, "4",
        Split.TRAIN), "abc");
    JointModels.Inputs in = JointModels.fromDataset(ds);
    assertEquals(2, in.train().size(), "item 4 has no image");
    assertEquals("Men Blue Tshirts Casual", in.train().get(0).description());
    assertEquals("Tshirts", in.train().get(0).articleType());
    assertEquals(1, in.heldOut().size());
    assertEquals("Men Red Tshirts", in.heldOut().get(0).query());
    assertEquals(Map.of("ko", "남성 레드 티셔츠", "ko_everyday", "남자 빨간색 반팔티"),
        in.heldOut().get(0).translations());
    assertTrue(in.train().get(0).descriptionKo().startsWith("남성 블루 티셔츠 "),
        in.train().get(0).descriptionKo());
    assertEquals("abc", in.provenance().get("datasetChecksum"));
  }

  @Test
  void noSplitIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> JointModels.fromDataset(dataset(Map.of(), "abc")));
    assertTrue(e.getMessage().contains("no TRAIN/TEST split"), e.getMessage());
  }

  @Test
  void everyVariantHasItsOwnFolderAndTheBaselineKeepsItsOldOne() {
    io.lensbench.encoders.pretrained.Prepared.models();
    Dataset ds = dataset(Map.of("1", Split.TRAIN), "abc");
    assertEquals(JointModels.defaultDir(ds, JointTrainingConfig.defaults(),
        io.lensbench.encoders.TextEncoders.DEFAULT_ID), JointModels.dir(ds, JointVariant.CNN_MINILM));
    java.util.Set<Path> dirs = new java.util.HashSet<>();
    for (JointVariant v : JointVariant.values()) {
      assertTrue(dirs.add(JointModels.dir(ds, v)), v.id());
    }
    assertEquals(JointModels.dir(ds, JointVariant.DEFAULT), JointModels.dir(ds,
        JointVariant.parse("default")));
    assertThrows(BadInputException.class, () -> JointVariant.parse("clip"));
  }

  @Test
  void aGrownCopyUsesItsBaseModelsForEveryVariant() {
    io.lensbench.encoders.pretrained.Prepared.models();
    Map<String, Split> s = Map.of("1", Split.TRAIN);
    Dataset base = dataset(s, "abc");
    Dataset b = dataset(s, "def");
    Dataset grown = new Dataset("fashion", Path.of("/data/scale/fashion-1M"), base.items(), List.of(), s,
        "grown-own-checksum", Map.of("grownFrom", Map.of("checksum", "abc")));
    for (JointVariant v : JointVariant.values()) {
      // once, the variants were keyed by the grown copy's own checksum: bench scale found no model
      assertEquals(JointModels.dir(base, v), JointModels.dir(grown, v), v.id());
      assertNotEquals(JointModels.dir(b, v), JointModels.dir(grown, v), v.id());
    }
  }

  @Test
  void defaultDirDependsOnDataAndConfig() {
    Map<String, Split> s = Map.of("1", Split.TRAIN);
    JointTrainingConfig cfg = JointTrainingConfig.defaults();
    Path a = JointModels.defaultDir(dataset(s, "abc"), cfg, "m");
    assertEquals(a, JointModels.defaultDir(dataset(s, "abc"), cfg, "m"));
    assertNotEquals(a, JointModels.defaultDir(dataset(s, "abd"), cfg, "m"));
    assertNotEquals(a, JointModels.defaultDir(dataset(s, "abc"), cfg.withEpochs(3), "m"));
    assertTrue(a.getFileName().toString().startsWith("fashion-"));
    assertFalse(JointModels.isTrained(a.resolve("nowhere")));
  }

  @Test
  void anInterruptedCnnCheckpointIsNotReusedAsTrained(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(JointTrainer.PARAMS_NAME + "-0000.params"), new byte[] {1});
    Path card = dir.resolve(JointTrainer.CARD_FILE);
    Files.writeString(card, "{\"epochsCompleted\": 4, \"training\": {\"epochs\": 7}}");
    assertFalse(JointModels.isTrained(dir));
    Files.writeString(card, "{\"epochsCompleted\": 7, \"training\": {\"epochs\": 7}}");
    assertTrue(JointModels.isTrained(dir));
  }
}
