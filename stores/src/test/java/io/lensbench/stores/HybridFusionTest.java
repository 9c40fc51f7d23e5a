package io.lensbench.stores;

import io.lensbench.core.SearchHit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HybridFusionTest {
  private static final double EPS = 1e-12;

  @Test
  void rrfSumsReciprocalRanksStartingAtOne() {
    List<SearchHit> a = List.of(new SearchHit("x", 0.9), new SearchHit("y", 0.8));
    List<SearchHit> b = List.of(new SearchHit("y", 7.0), new SearchHit("z", 3.0));
    List<SearchHit> fused = HybridFusion.rrf(List.of(a, b), 60, 10);
    assertEquals(List.of("y", "x", "z"), fused.stream().map(SearchHit::id).toList());
    assertEquals(1.0 / 62 + 1.0 / 61, fused.get(0).score(), EPS);
    assertEquals(1.0 / 61, fused.get(1).score(), EPS);
    assertEquals(1.0 / 62, fused.get(2).score(), EPS);
    assertEquals(2, HybridFusion.rrf(List.of(a, b), 60, 2).size());
  }

  @Test
  void weightedUsesMilvusNormalisation() {
    assertEquals(1.0, HybridFusion.normalise(HybridFusion.ScoreKind.COSINE, 1.0), EPS);
    assertEquals(0.0, HybridFusion.normalise(HybridFusion.ScoreKind.COSINE, -1.0), EPS);
    assertEquals(0.5, HybridFusion.normalise(HybridFusion.ScoreKind.IP, 0.0), EPS);
    assertEquals(1.0, HybridFusion.normalise(HybridFusion.ScoreKind.L2, -0.0), EPS);
    assertEquals(0.5, HybridFusion.normalise(HybridFusion.ScoreKind.L2, -1.0), EPS); // 1 - 2·atan(1)/π
    assertEquals(0.0, HybridFusion.normalise(HybridFusion.ScoreKind.BM25, 0.0), EPS);
    List<SearchHit> vec = List.of(new SearchHit("x", 1.0), new SearchHit("y", 0.0));
    List<SearchHit> txt = List.of(new SearchHit("y", 1.0));
    List<SearchHit> fused =
        HybridFusion.weighted(List.of(vec, txt),
            List.of(HybridFusion.ScoreKind.COSINE, HybridFusion.ScoreKind.BM25), List.of(0.7, 0.3), 10);
    assertEquals("x", fused.get(0).id());
    assertEquals(0.7, fused.get(0).score(), EPS);
    assertEquals(0.7 * 0.5 + 0.3 * 0.5, fused.get(1).score(), EPS); // 2·atan(1)/π = 0.5
  }
}
