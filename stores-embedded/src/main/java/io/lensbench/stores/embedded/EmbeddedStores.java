package io.lensbench.stores.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stores together — OpenSearch (one node or a cluster), the Milvus server and Milvus
 * Lite: what {@code lensbench stores up | down | status} drives, and what tests call from {@code
 * @BeforeAll}:
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
  private final EmbeddedMilvusServer milvus;
  private final EmbeddedMilvusLite milvusLite;

  public EmbeddedStores(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.openSearch = new EmbeddedOpenSearch(config, log);
    this.milvus = new EmbeddedMilvusServer(config, log);
    this.milvusLite = new EmbeddedMilvusLite(config, log);
  }

  /**
   * Starts every store (configured from system properties and environment, see {@link
   * StoresConfig#from}) unless it already runs and is healthy. Safe to call from many test
   * classes and JVMs at once: a file lock serialises the starts.
   *
   * @return where clients connect
   * @throws io.lensbench.core.InfrastructureException naming the cause when a store cannot start
   */
  public static Endpoints ensureRunning() {
    EmbeddedStores stores = new EmbeddedStores(StoresConfig.fromEnvironment(), LOG::info);
    stores.up();
    return stores.endpoints();
  }

  /** {@link #ensureRunning()} for the named stores only ("opensearch", "milvus", "milvus-lite"). */
  public static Endpoints ensureRunning(java.util.Collection<String> names) {
    EmbeddedStores stores = new EmbeddedStores(StoresConfig.fromEnvironment(), LOG::info);
    for (EmbeddedStore s : stores.all()) {
      if (names.contains(s.name())) {
        s.up();
      }
    }
    return stores.endpoints();
  }

  public StoresConfig config() {
    return config;
  }

  public EmbeddedOpenSearch openSearch() {
    return openSearch;
  }

  public EmbeddedMilvusServer milvus() {
    return milvus;
  }

  public EmbeddedMilvusLite milvusLite() {
    return milvusLite;
  }

  /** Every store, in start order. */
  public List<EmbeddedStore> all() {
    return List.of(openSearch, milvus, milvusLite);
  }

  public Endpoints endpoints() {
    return new Endpoints(String.join(",", openSearch.urls()), milvus.uri(), milvusLite.uri());
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
   * @param openSearchUrl e.g. {@code http://127.0.0.1:19200} (every node's URL, comma-separated)
   * @param milvusUri the Milvus server, e.g. {@code http://127.0.0.1:19730}
   * @param milvusLiteUri Milvus Lite, e.g. {@code http://127.0.0.1:19530}
   */
  public record Endpoints(String openSearchUrl, String milvusUri, String milvusLiteUri) {}
}
