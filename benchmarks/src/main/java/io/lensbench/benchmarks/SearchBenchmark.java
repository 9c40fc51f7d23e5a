package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.stores.Filter;
import io.lensbench.stores.HybridRequest;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreKind;
import io.lensbench.core.SearchHit;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Retrieval;
import io.lensbench.strategies.SearchExecutor;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Search latency per strategy × store × k with pre-encoded query vectors (no model in the loop).
 *
 * <ul>
 *   <li>{@link #raw}: the store calls alone — each sub-search of the plan through the store client
 *       (or the store's native hybrid call), no sorting, cutting or fusion;
 *   <li>{@link #harness}: the harness's query path minus encoding — {@link SearchExecutor}, i.e.
 *       the same store calls plus tie-ordering, cutting and client-side fusion. harness / raw is
 *       the harness's own overhead (goal ≤ 5 %).
 * </ul>
 *
 * The same benchmark in {@code Mode.Throughput} at 1, 2, 4, 8 threads is the concurrency sweep
 * (QPS from wall time, summed over threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

  @Param({"joint"})
  public String strategy;

  @Param({StoreKind.MILVUS_ID, StoreKind.OPENSEARCH_ID})
  public String store;

  @Param({"10"})
  public int k;

  private RetrievalStore client;
  private String collection;
  private QueryPlan[] ring;

  /** Each thread walks the seeded ring from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Thread.currentThread().getId() * 7919 % 1_000_003);
    }
  }

  @Setup(Level.Trial)
  public void connect() {
    BenchFixture fixture = Fixtures.load();
    BenchFixture.Cell cell = fixture.cell(strategy, store);
    client = Fixtures.openChecked(cell);
    collection = cell.collection();
    List<BenchFixture.RingQuery> queries = fixture.ring(strategy);
    ring = new QueryPlan[queries.size()];
    for (int i = 0; i < ring.length; i++) {
      ring[i] = queries.get(i).plan();
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (client != null) {
      client.close();
    }
  }

  private QueryPlan nextPlan(Cursor c) {
    QueryPlan p = ring[Math.floorMod(c.next, ring.length)];
    c.next++;
    return p;
  }

  @Benchmark
  public Object raw(Cursor c) {
    QueryPlan plan = nextPlan(c);
    int depth = Math.max(k, plan.candidates());
    if (plan.searches().size() > 1 && plan.fusion().mode().isNative()) {
      return client.hybrid(collection, SearchExecutor.hybridRequest(plan, k, Filter.NONE));
    }
    int d = plan.searches().size() == 1 ? k : depth;
    List<List<SearchHit>> lists = new ArrayList<>(plan.searches().size());
    for (HybridRequest.SubSearch s : plan.searches()) {
      lists.add(SearchExecutor.run(client, collection, s, d, Filter.NONE));
    }
    return lists;
  }

  @Benchmark
  public Retrieval harness(Cursor c) {
    return SearchExecutor.execute(client, collection, nextPlan(c), k, Filter.NONE);
  }
}
