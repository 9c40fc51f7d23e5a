package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lensbench.eval.run.CellId;
import io.lensbench.core.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerUnitTest {
  private static final String MINIMAL =
      "schemaVersion: 1\ndataset: {name: fashion}\nstores: [{name: milvus}]\nstrategies: [{type: joint}]\n";

  @Test
  void rerankedHeadThenFirstStageTailWithStrictlyDecreasingScores() {
    List<SearchHit> first = List.of(new SearchHit("a", 0.9), new SearchHit("b", 0.8),
        new SearchHit("c", 0.7), new SearchHit("d", 0.6));
    List<SearchHit> head = List.of(new SearchHit("c", 5), new SearchHit("a", 2), new SearchHit("b", 1));
    List<SearchHit> merged = CellExecutor.mergeReranked(head, first, 3);
    assertEquals(List.of("c", "a", "b", "d"), merged.stream().map(SearchHit::id).toList());
    assertEquals(List.of(4.0, 3.0, 2.0, 1.0), merged.stream().map(SearchHit::score).toList());
  }

  @Test
  void aHeadHitThePolicyLeftOutIsLostButTheTailStays() {
    // strict: the reranker's list is the head; fail-open would have appended "a" itself
    List<SearchHit> first = List.of(new SearchHit("a", 0.9), new SearchHit("b", 0.8),
        new SearchHit("c", 0.7));
    List<SearchHit> merged = CellExecutor.mergeReranked(List.of(new SearchHit("b", 1)), first, 2);
    assertEquals(List.of("b", "c"), merged.stream().map(SearchHit::id).toList());
  }

  @Test
  void configHashIgnoresTheOutputButNotTheContent() {
    Experiment a = ExperimentValidator.resolve(ExperimentReader.parse(MINIMAL + "output: x\n", "a", false),
        Overrides.NONE, "a");
    Experiment b = ExperimentValidator.resolve(ExperimentReader.parse(MINIMAL + "output: y\n", "b", false),
        Overrides.NONE, "b");
    Experiment c = ExperimentValidator.resolve(ExperimentReader.parse(MINIMAL + "k: 10\n", "c", false),
        Overrides.NONE, "c");
    assertEquals(ConfigHash.of(a), ConfigHash.of(b));
    assertNotEquals(ConfigHash.of(a), ConfigHash.of(c));
  }

  @Test
  void cellIdsFollowTheNamingRule() {
    assertEquals("fashion.text-en.multivector-rrf.milvus",
        new CellId("fashion", "text-en", "multivector-rrf", "milvus", null).toString());
    assertEquals("fashion.image.joint.opensearch.llm-listwise",
        new CellId("fashion", "image", "joint", "opensearch", "llm-listwise").toString());
  }
}
