package io.lensbench.strategies.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lensbench.core.SearchHit;
import io.lensbench.strategies.fusion.WeightedSum.Normalization;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSumTest {
  // cosine list: a 0.9, b 0.7, c 0.5 → min-max a 1, b 0.5, c 0
  private static final List<SearchHit> DENSE =
      List.of(new SearchHit("a", 0.9), new SearchHit("b", 0.7), new SearchHit("c", 0.5));
  // BM25 list: b 12, d 8, a 4 → min-max b 1, d 0.5, a 0
  private static final List<SearchHit> BM25 =
      List.of(new SearchHit("b", 12), new SearchHit("d", 8), new SearchHit("a", 4));

  @Test
  void minMaxThenWeightsWithHandComputedScores() {
    // weights 0.6 / 0.4: a = 0.6, b = 0.3 + 0.4 = 0.7, c = 0, d = 0.2
    List<SearchHit> fused =
        new WeightedSum(List.of(0.6, 0.4), Normalization.MIN_MAX).fuse(List.of(DENSE, BM25), 10);
    assertEquals(List.of("b", "a", "d", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(0.7, fused.get(0).score(), 1e-12);
    assertEquals(0.6, fused.get(1).score(), 1e-12);
    assertEquals(0.2, fused.get(2).score(), 1e-12);
    assertEquals(0.0, fused.get(3).score(), 1e-12);
  }

  @Test
  void weightsChangeTheWinner() {
    // weights 0.9 / 0.1: a = 0.9, b = 0.45 + 0.1 = 0.55, d = 0.05, c = 0
    List<SearchHit> fused =
        new WeightedSum(List.of(0.9, 0.1), Normalization.MIN_MAX).fuse(List.of(DENSE, BM25), 10);
    assertEquals(List.of("a", "b", "d", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(0.55, fused.get(1).score(), 1e-12);
  }

  @Test
  void withoutNormalisationBm25Dominates() {
    // raw: a = 0.9 + 4 = 4.9, b = 0.7 + 12 = 12.7, c = 0.5, d = 8
    List<SearchHit> fused =
        new WeightedSum(List.of(1.0, 1.0), Normalization.NONE).fuse(List.of(DENSE, BM25), 10);
    assertEquals(List.of("b", "d", "a", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(12.7, fused.get(0).score(), 1e-12);
  }

  @Test
  void zScore() {
    // dense: mean 0.7, sd sqrt(0.08/3) = 0.163299 → a +1.224745, b 0, c −1.224745
    // bm25: mean 8, sd sqrt(32/3) = 3.265986 → b +1.224745, d 0, a −1.224745
    // equal weights: a = 0, b = 1.224745, c = −1.224745, d = 0; tie a/d broken by id desc → d, a
    List<SearchHit> fused =
        new WeightedSum(List.of(1.0, 1.0), Normalization.Z_SCORE).fuse(List.of(DENSE, BM25), 10);
    assertEquals(List.of("b", "d", "a", "c"), fused.stream().map(SearchHit::id).toList());
    assertEquals(Math.sqrt(1.5), fused.get(0).score(), 1e-12);
    assertEquals(-Math.sqrt(1.5), fused.get(3).score(), 1e-12);
  }

  @Test
  void constantListMapsToOne() {
    List<SearchHit> flat = List.of(new SearchHit("x", 3.0), new SearchHit("y", 3.0));
    List<SearchHit> fused =
        new WeightedSum(List.of(0.5), Normalization.MIN_MAX).fuse(List.of(flat), 10);
    assertEquals(List.of("y", "x"), fused.stream().map(SearchHit::id).toList());
    assertEquals(0.5, fused.get(0).score(), 1e-15);
  }
}
