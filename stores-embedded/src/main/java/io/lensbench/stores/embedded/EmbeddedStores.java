package io.lensbench.stores.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OpenSearch node and Milvus Lite server together: what {@code lensbench stores up |
 * down | status} drives, and what tests call from {@code @BeforeAll}:
 *
 * <pre>{@code
 * @BeforeAll
 * static void stores() {
 *   EmbeddedStores.ensureRunning(); // quick when both are already healthy
 * }
 * }</pre>
 */
public final class EmbeddedStores {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStores.class);

  private final StoresConfig config;
  private final EmbeddedOpenSearch openSearch;
  private final EmbeddedMilvus milvus;

  public EmbeddedStores(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.openSearch = new EmbeddedOpenSearch(config, log);
    this.milvus = new EmbeddedMilvus(config, log);
  }

  /**
   * Starts both stores (configured from system properties and environment, see {@link
   * StoresConfig#from}) unless they already run and are healthy. Safe to call from many test
   * classes and JVMs at once: a file lock serialises the starts.
   *
   * @return the OpenSearch URL and Milvus URI to connect to
   * @throws io.lensbench.core.InfrastructureException naming the cause when a store cannot start
   */
  public static Endpoints ensureRunning() {
    EmbeddedStores stores = new EmbeddedStores(StoresConfig.fromEnvironment(), LOG::info);
    stores.up();
    return stores.endpoints();
  }

  public StoresConfig config() {
    return config;
  }

  public EmbeddedOpenSearch openSearch() {
    return openSearch;
  }

  public EmbeddedMilvus milvus() {
    return milvus;
  }

  public List<EmbeddedStore> all() {
    return List.of(openSearch, milvus);
  }

  public Endpoints endpoints() {
    return new Endpoints(openSearch.url(), milvus.uri());
  }

  /** Starts every store (idempotent); returns their status once healthy. */
  public List<StoreStatus> up() {
    List<StoreStatus> out = new ArrayList<>();
    for (EmbeddedStore s : all()) {
      out.add(s.up());
    }
    return out;
  }

  /** Stops the store processes LensBench started; returns how many were stopped. */
  public int down() {
    int stopped = 0;
    for (EmbeddedStore s : all()) {
      if (s.down()) {
        stopped++;
      }
    }
    return stopped;
  }

  public List<StoreStatus> status() {
    List<StoreStatus> out = new ArrayList<>();
    for (EmbeddedStore s : all()) {
      out.add(s.status());
    }
    return out;
  }

  /**
   * Where clients connect.
   *
   * @param openSearchUrl e.g. {@code http://127.0.0.1:19200}
   * @param milvusUri e.g. {@code http://127.0.0.1:19530}
   */
  public record Endpoints(String openSearchUrl, String milvusUri) {}
}
