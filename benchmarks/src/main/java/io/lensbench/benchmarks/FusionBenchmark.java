package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreKind;
import io.lensbench.core.SearchHit;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.SearchExecutor;
import io.lensbench.strategies.fusion.Fusion;
import io.lensbench.strategies.fusion.Rrf;
import io.lensbench.strategies.fusion.WeightedSum;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Client-side fusion cost on real result lists: at trial setup the multi-vector ring's
 * sub-searches are run once against a store; the benchmark then fuses those lists only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FusionBenchmark {

  @Param({"multivector-rrf"})
  public String strategy;

  @Param({StoreKind.MILVUS_ID})
  public String store;

  @Param({"rrf", "weighted"})
  public String fusion;

  @Param({"10"})
  public int k;

  private List<List<List<SearchHit>>> inputs;
  private Fusion fuser;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    BenchFixture fixture = Fixtures.load();
    BenchFixture.Cell cell = fixture.cell(strategy, store);
    inputs = new ArrayList<>();
    int width = 1;
    try (RetrievalStore client = Fixtures.openChecked(cell)) {
      for (BenchFixture.RingQuery q : fixture.ring(strategy)) {
        QueryPlan plan = q.plan();
        int depth = Math.max(k, plan.candidates());
        List<List<SearchHit>> lists = new ArrayList<>();
        for (HybridRequest.SubSearch s : plan.searches()) {
          lists.add(SearchExecutor.run(client, cell.collection(), s, depth, Filter.NONE));
        }
        width = Math.max(width, lists.size());
        inputs.add(lists);
      }
    }
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      weights.add(1.0);
    }
    fuser =
        fusion.equals("rrf")
            ? new Rrf(Rrf.DEFAULT_K)
            : new WeightedSum(weights, WeightedSum.Normalization.MIN_MAX);
  }

  @Benchmark
  public List<SearchHit> fuse() {
    List<List<SearchHit>> lists = inputs.get(next++ % inputs.size());
    if (fuser instanceof WeightedSum && lists.size() < ((WeightedSum) fuser).weights().size()) {
      return new WeightedSum(
              ((WeightedSum) fuser).weights().subList(0, lists.size()),
              WeightedSum.Normalization.MIN_MAX)
          .fuse(lists, k);
    }
    return fuser.fuse(lists, k);
  }
}
