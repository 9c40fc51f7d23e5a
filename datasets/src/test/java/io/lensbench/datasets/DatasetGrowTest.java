package io.lensbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.grow.DatasetGrower;
import io.lensbench.datasets.grow.DistractorMode;
import io.lensbench.datasets.grow.DistractorRecipe;
import io.lensbench.datasets.grow.Distractors;
import io.lensbench.datasets.grow.ItemCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** datasets grow: real items, queries and qrels kept byte for byte; distractors seeded, streamed, labelled. */
class DatasetGrowTest {
  @TempDir Path tmp;

  private Path grow(Path base, String out, long to, long seed, DistractorMode mode) {
    Path dir = tmp.resolve(out);
    new DatasetGrower(new DatasetGrower.Options(base, dir, to, seed, mode, "test", "test"), m -> { }).grow();
    return dir;
  }

  @Test
  void augmentedDistractorsAreSeededAndTheRealDataUnchanged() throws Exception {
    Fixture f = new Fixture(tmp.resolve("base"));
    Path a = grow(f.dir, "a", 20, 7, DistractorMode.AUGMENTED);
    Path b = grow(f.dir, "b", 20, 7, DistractorMode.AUGMENTED);
    Path c = grow(f.dir, "c", 20, 8, DistractorMode.AUGMENTED);
    for (String rel : List.of("corpus.jsonl", "qrels/q.qrels", "queries/q.jsonl", "splits.tsv")) {
      assertArrayEquals(Files.readAllBytes(f.dir.resolve(rel)), Files.readAllBytes(a.resolve(rel)), rel);
    }
    assertArrayEquals(Files.readAllBytes(a.resolve("dataset.json")), Files.readAllBytes(b.resolve("dataset.json")));
    assertArrayEquals(Files.readAllBytes(a.resolve("images/distractors/distractor-0000016.jpg")),
        Files.readAllBytes(b.resolve("images/distractors/distractor-0000016.jpg")));
    Dataset ga = DatasetLoader.load(a);
    Dataset gc = DatasetLoader.load(c);
    assertNotEquals(ga.checksum(), gc.checksum(), "another seed is another dataset");
    assertEquals(3, ga.items().size(), "distractors are not corpus items");
    Distractors d = Distractors.of(ga).orElseThrow();
    assertEquals(17, d.count());
    Item first = d.item(0);
    assertEquals("distractor-0000000", first.id());
    assertTrue(Files.isRegularFile(first.image()));
    assertTrue(first.attributes().isEmpty());
    assertTrue(ga.card().get("distractors").toString().contains(DistractorRecipe.LABEL));
  }

  @Test
  void vectorModelDistractorsStreamTheSameItemsAgain() throws Exception {
    Fixture f = new Fixture(tmp.resolve("base"));
    Dataset g = DatasetLoader.load(grow(f.dir, "v", 1_003, 42, DistractorMode.VECTOR_MODEL));
    Distractors d = Distractors.of(g).orElseThrow();
    assertEquals(1_000, d.count());
    List<Item> streamed = new ArrayList<>();
    Iterator<List<Item>> batches = d.batches(64);
    batches.forEachRemaining(streamed::addAll);
    assertEquals(1_000, streamed.size());
    assertEquals(d.item(999).texts(), streamed.get(999).texts());
    assertNull(streamed.get(5).image());
    assertTrue(streamed.get(5).text("name", "en").startsWith("item"));
    assertEquals(64, g.checksum().length());
    assertNotEquals(g.checksum(), g.baseChecksum());
  }

  @Test
  void refusesSizesBelowTheRealItemsAndGrowingAGrownDataset() throws Exception {
    Fixture f = new Fixture(tmp.resolve("base"));
    BadInputException small = assertThrows(BadInputException.class,
        () -> grow(f.dir, "s", 2, 1, DistractorMode.VECTOR_MODEL));
    assertTrue(small.getMessage().contains("expected at least the 3 real items"), small.getMessage());
    Path grown = grow(f.dir, "g", 5, 1, DistractorMode.VECTOR_MODEL);
    BadInputException again = assertThrows(BadInputException.class,
        () -> grow(grown, "gg", 9, 1, DistractorMode.VECTOR_MODEL));
    assertTrue(again.getMessage().contains("is itself grown"), again.getMessage());
    assertEquals(1_000_000L, ItemCount.parse("1M", "--to"));
    assertEquals("100k", ItemCount.format(100_000));
  }

  @Test
  void vectorModelGrowthIsByteIdenticalForOneSeedAndNoDistractorIsEverJudged() throws Exception {
    Fixture f = new Fixture(tmp.resolve("base"));
    Path a = grow(f.dir, "a", 500, 11, DistractorMode.VECTOR_MODEL);
    Path b = grow(f.dir, "b", 500, 11, DistractorMode.VECTOR_MODEL);
    for (String rel : List.of("dataset.json", DatasetGrower.RECIPE_FILE, "corpus.jsonl", "qrels/q.qrels")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(rel)), Files.readAllBytes(b.resolve(rel)), rel);
    }
    Dataset g = DatasetLoader.load(a);
    Distractors d = Distractors.of(g).orElseThrow();
    List<Item> all = new ArrayList<>();
    d.batches(100).forEachRemaining(all::addAll);
    Dataset again = DatasetLoader.load(b);
    List<Item> allAgain = new ArrayList<>();
    Distractors.of(again).orElseThrow().batches(7).forEachRemaining(allAgain::addAll);
    assertEquals(all.stream().map(it -> it.id() + it.texts()).toList(),
        allAgain.stream().map(it -> it.id() + it.texts()).toList(), "the same distractors, however streamed");
    java.util.Set<String> real = new java.util.HashSet<>();
    real.addAll(g.items().keySet());
    for (QuerySet qs : g.querySets()) {
      for (String q : qs.qrels().queryIds()) {
        for (String doc : qs.qrels().forQuery(q).keySet()) {
          assertTrue(!DistractorRecipe.isDistractor(doc) && real.contains(doc), "judged document " + doc);
        }
      }
    }
    assertTrue(all.stream().allMatch(it -> DistractorRecipe.isDistractor(it.id()) && !real.contains(it.id())));
  }
}
