package io.lensbench.stores;

import io.lensbench.core.SearchHit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Milvus's hybrid-search rankers, reproduced for stores that run the sub-searches but cannot fuse
 * them natively (OpenSearch without the neural-search plugin, Milvus before 2.4). Same formulas as Milvus so fused
 * scores mean the same on both stores:
 *
 * <ul>
 *   <li>RRF: score(d) = Σ over sub-searches containing d of 1 / (k + rank), rank starting at 1.
 *   <li>Weighted: score(d) = Σ w_i · norm_i(score_i(d)) with Milvus's normalisation per kind of
 *       score: cosine (1 + s) / 2; inner product ½ + atan(s)/π; L2 1 − 2·atan(d²)/π (d² the
 *       squared distance, i.e. the negated contract score); BM25 2·atan(s)/π.
 * </ul>
 *
 * Ties keep first-seen order (sub-search order, then rank).
 */
public final class HybridFusion {
  private HybridFusion() {}

  /** What a sub-search's scores are, for weighted normalisation. */
  public enum ScoreKind {
    COSINE,
    IP,
    L2,
    BM25;

    public static ScoreKind of(Metric m) {
      return switch (m) {
        case COSINE -> COSINE;
        case IP -> IP;
        case L2 -> L2;
      };
    }
  }

  /**
   * The sub-searches' hit lists (in order) fused with the request's ranker: what a store without
   * native hybrid search returns for {@link RetrievalStore#hybrid}.
   */
  public static List<SearchHit> fuse(List<CheckedSearch> searches, List<List<SearchHit>> lists,
      HybridRequest.Ranker ranker, int k) {
    if (ranker instanceof HybridRequest.Rrf rrf) {
      return rrf(lists, rrf.k(), k);
    }
    List<ScoreKind> kinds = new ArrayList<>();
    for (CheckedSearch s : searches) {
      kinds.add(s instanceof CheckedSearch.Knn knn ? ScoreKind.of(knn.field().metric()) : ScoreKind.BM25);
    }
    return weighted(lists, kinds, ((HybridRequest.Weighted) ranker).weights(), k);
  }

  public static List<SearchHit> rrf(List<List<SearchHit>> lists, int rrfK, int k) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (List<SearchHit> list : lists) {
      for (int r = 0; r < list.size(); r++) {
        scores.merge(list.get(r).id(), 1.0 / (rrfK + r + 1), Double::sum);
      }
    }
    return top(scores, k);
  }

  public static List<SearchHit> weighted(
      List<List<SearchHit>> lists, List<ScoreKind> kinds, List<Double> weights, int k) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < lists.size(); i++) {
      double w = weights.get(i);
      ScoreKind kind = kinds.get(i);
      for (SearchHit h : lists.get(i)) {
        scores.merge(h.id(), w * normalise(kind, h.score()), Double::sum);
      }
    }
    return top(scores, k);
  }

  /** Milvus's normalisation of one contract score into [0, 1]. */
  public static double normalise(ScoreKind kind, double score) {
    return switch (kind) {
      case COSINE -> (1.0 + score) * 0.5;
      case IP -> 0.5 + Math.atan(score) / Math.PI;
      case L2 -> 1.0 - 2.0 * Math.atan(-score) / Math.PI;
      case BM25 -> 2.0 * Math.atan(score) / Math.PI;
    };
  }

  private static List<SearchHit> top(Map<String, Double> scores, int k) {
    List<SearchHit> all = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> all.add(new SearchHit(id, s)));
    // stable sort: ties keep first-seen order
    all.sort((a, b) -> Double.compare(b.score(), a.score()));
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }
}
