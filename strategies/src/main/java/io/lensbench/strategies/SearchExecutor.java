package io.lensbench.strategies;

import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.HybridRequest.Bm25;
import io.lensbench.stores.HybridRequest.Knn;
import io.lensbench.stores.HybridRequest.SubSearch;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.core.SearchHit;
import io.lensbench.strategies.fusion.Fusion;
import io.lensbench.core.Ranking;
import io.lensbench.strategies.fusion.Rrf;
import io.lensbench.strategies.fusion.WeightedSum;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link QueryPlan} on a store: single search, client-side fusion or native hybrid. */
public final class SearchExecutor {
  private SearchExecutor() {}

  public static Retrieval execute(
      RetrievalStore store, String collection, QueryPlan plan, int k, Filter filter) {
    if (plan.isEmpty()) {
      return new Retrieval(List.of(), 0, 0);
    }
    int depth = Math.max(k, plan.candidates());
    FusionSpec fusion = plan.fusion();
    if (plan.searches().size() == 1) {
      long t0 = System.nanoTime();
      List<SearchHit> hits = Ranking.sortAndCut(
          run(store, collection, withDepth(plan.searches().get(0), depth), k, filter), k);
      return new Retrieval(hits, ms(t0), 0);
    }
    if (fusion.mode().isNative()) {
      long t0 = System.nanoTime();
      List<SearchHit> hits =
          Ranking.sortAndCut(store.hybrid(collection, hybridRequest(plan, k, filter)), k);
      return new Retrieval(hits, ms(t0), 0);
    }
    List<SubSearch> subs = new ArrayList<>(plan.searches().size());
    for (SubSearch s : plan.searches()) {
      subs.add(withDepth(s, depth));
    }
    long t0 = System.nanoTime();
    List<List<SearchHit>> lists = new ArrayList<>(subs.size());
    for (SubSearch s : subs) {
      lists.add(run(store, collection, s, depth, filter));
    }
    double searchMs = ms(t0);
    long t1 = System.nanoTime();
    Fusion f =
        fusion.mode() == FusionSpec.Mode.RRF
            ? new Rrf(fusion.rrfK(), plan.weights())
            : new WeightedSum(plan.weights(), fusion.normalization());
    List<SearchHit> hits = f.fuse(lists, k);
    return new Retrieval(hits, searchMs, ms(t1));
  }

  /**
   * The store-native hybrid request for a plan whose fusion is native: every sub-search at depth
   * {@code max(k, candidates)}, the plan's RRF constant or weights as the store's ranker.
   */
  public static HybridRequest hybridRequest(QueryPlan plan, int k, Filter filter) {
    int depth = Math.max(k, plan.candidates());
    List<SubSearch> subs = new ArrayList<>(plan.searches().size());
    for (SubSearch s : plan.searches()) {
      subs.add(withDepth(s, depth));
    }
    HybridRequest.Ranker ranker =
        plan.fusion().mode() == FusionSpec.Mode.NATIVE_RRF
            ? new HybridRequest.Rrf(plan.fusion().rrfK())
            : new HybridRequest.Weighted(plan.weights());
    return new HybridRequest(subs, ranker, k, filter);
  }

  /** One sub-search through the store client alone (no sorting, cutting or fusion). */
  public static List<SearchHit> run(
      RetrievalStore store, String collection, SubSearch s, int k, Filter filter) {
    if (s instanceof Knn knn) {
      return store.knn(collection, knn.field(), knn.vector(), k, filter);
    }
    Bm25 bm25 = (Bm25) s;
    return store.bm25(collection, bm25.field(), bm25.text(), k, filter);
  }

  /** The same sub-search at another depth. */
  public static SubSearch withDepth(SubSearch s, int depth) {
    if (s instanceof Knn knn) {
      return new Knn(knn.field(), knn.vector(), depth);
    }
    Bm25 b = (Bm25) s;
    return new Bm25(b.field(), b.text(), depth);
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }
}
