package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.core.BadInputException;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreConfig;
import io.lensbench.stores.StoreId;
import io.lensbench.stores.Stores;
import java.nio.file.Path;

/** Shared trial setup: the fixture written by {@code lensbench bench}, and checked store access. */
final class Fixtures {
  /** System property naming the fixture file; {@code lensbench bench} passes it to every fork. */
  static final String FIXTURE_PROPERTY = "lensbench.bench.fixture";

  private Fixtures() {}

  static BenchFixture load() {
    String p = System.getProperty(FIXTURE_PROPERTY);
    if (p == null || p.isBlank()) {
      throw new BadInputException(
          "-D" + FIXTURE_PROPERTY + " is not set: run the benchmarks through `lensbench bench`");
    }
    return BenchFixture.read(Path.of(p));
  }

  /**
   * Connects to the store (at the address the run used) and checks that the collection exists and holds the expected number of
   * documents: benchmarks never build indexes, they only measure them.
   */
  static RetrievalStore openChecked(BenchFixture.Cell cell) {
    StoreId id = StoreId.of(cell.store());
    RetrievalStore store = Stores.open(id,
        StoreConfig.forStore(id, System.getenv()).withEndpoint(id.kind(), cell.uri()));
    if (!store.exists(cell.collection())) {
      store.close();
      throw new BadInputException(
          "store " + cell.store() + ": collection " + cell.collection()
              + " does not exist; run `lensbench bench` (it builds the indexes first)");
    }
    long n = store.count(cell.collection());
    if (n != cell.count()) {
      store.close();
      throw new BadInputException(
          "store " + cell.store() + ": collection " + cell.collection() + " holds " + n
              + " documents, the fixture expects " + cell.count());
    }
    return store;
  }
}
