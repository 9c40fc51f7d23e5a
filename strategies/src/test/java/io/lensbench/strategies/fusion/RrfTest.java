package io.lensbench.strategies.fusion;

import io.lensbench.core.Ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RrfTest {
  private static List<SearchHit> list(String... ids) {
    // scores are deliberately odd: RRF must ignore them
    SearchHit[] hits = new SearchHit[ids.length];
    for (int i = 0; i < ids.length; i++) {
      hits[i] = new SearchHit(ids[i], -i * 7.0);
    }
    return List.of(hits);
  }

  @Test
  void fusesByReciprocalRankWithHandComputedScores() {
    // A = [a, b, c], B = [b, d, a], k = 60
    // a = 1/61 + 1/63, b = 1/61 + 1/62, c = 1/63, d = 1/62
    List<SearchHit> fused = new Rrf(60).fuse(List.of(list("a", "b", "c"), list("b", "d", "a")), 10);
    assertEquals(List.of("b", "a", "d", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-15);
    assertEquals(1.0 / 61 + 1.0 / 63, fused.get(1).score(), 1e-15);
    assertEquals(1.0 / 62, fused.get(2).score(), 1e-15);
    assertEquals(1.0 / 63, fused.get(3).score(), 1e-15);
  }

  @Test
  void cutsToK() {
    List<SearchHit> fused = new Rrf(60).fuse(List.of(list("a", "b", "c"), list("b", "d", "a")), 2);
    assertEquals(List.of("b", "a"), fused.stream().map(SearchHit::id).toList());
  }

  @Test
  void smallKRewardsTopRanksMore() {
    // k = 0: a = 1/1 + 1/3 = 1.3333, b = 1/2 + 1/1 = 1.5 → b first; c = 1/3, d = 1/2
    List<SearchHit> fused = new Rrf(0).fuse(List.of(list("a", "b", "c"), list("b", "d", "a")), 10);
    assertEquals(List.of("b", "a", "d", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(1.5, fused.get(0).score(), 1e-15);
    assertEquals(4.0 / 3.0, fused.get(1).score(), 1e-15);
  }

  @Test
  void weightsScaleEachListsContribution() {
    // weights 1 and 3: a = 1/61 + 3/63, b = 1/62 + 3/61, d = 3/62, c = 1/63
    List<SearchHit> fused =
        new Rrf(60, List.of(1.0, 3.0)).fuse(List.of(list("a", "b", "c"), list("b", "d", "a")), 10);
    assertEquals(List.of("b", "a", "d", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(1.0 / 62 + 3.0 / 61, fused.get(0).score(), 1e-15);
    assertEquals(3.0 / 62, fused.get(2).score(), 1e-15);
  }

  @Test
  void tiesBreakByIdDescendingUtf8LikeTrecEval() {
    // "9" > "10" by bytes; both have 1/61
    List<SearchHit> fused = new Rrf(60).fuse(List.of(list("10"), list("9")), 10);
    assertEquals(List.of("9", "10"), fused.stream().map(SearchHit::id).toList());
  }

  @Test
  void scoresEqualAsFloatsAreTiesLikeInTrecEval() {
    // 0.1 + 1e-12 and 0.1 differ as doubles but not as floats: the tie goes to the larger id
    List<SearchHit> sorted = Ranking.sortAndCut(
        List.of(new SearchHit("a", 0.1 + 1e-12), new SearchHit("b", 0.1)), 0);
    assertEquals(List.of("b", "a"), sorted.stream().map(SearchHit::id).toList());
  }

  @Test
  void duplicateInOneListCountsOnceAtBestRank() {
    List<SearchHit> fused = new Rrf(60).fuse(List.of(list("a", "a")), 10);
    assertEquals(1, fused.size());
    assertEquals(1.0 / 61, fused.get(0).score(), 1e-15);
  }

  @Test
  void rejectsWrongNumberOfWeights() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new Rrf(60, List.of(1.0)).fuse(List.of(list("a"), list("b")), 10));
    assertEquals("rrf: expected one weight per list (2 lists), found 1 weights", e.getMessage());
  }
}
