package io.lensbench.runner;

import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QuerySet;
import io.lensbench.strategies.QueryPlan;
import io.lensbench.strategies.Strategy;
import java.util.List;

/**
 * Sees what the runner prepared, without changing it: which collection serves each strategy on
 * each store, and the encoded query plans. {@code lensbench bench} uses it to write the fixture
 * its JMH benchmarks measure (the same collections and the same query vectors as the run).
 */
public interface RunObserver {

  /** A strategy's collection is ready on a store (built or reused) and holds {@code count} docs. */
  default void indexed(Strategy strategy, String store, String collection, long count,
      List<Item> corpus) {}

  /** A strategy's queries of one query set are encoded. */
  default void planned(Strategy strategy, QuerySet querySet, List<Query> queries,
      List<QueryPlan> plans) {}
}
