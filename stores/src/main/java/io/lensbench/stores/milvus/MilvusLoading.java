package io.lensbench.stores.milvus;

import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.StoreErrors;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Milvus searches only loaded collections, and after a Milvus restart collections come back
 * released. The first read of a collection in this instance checks the load state and loads when
 * needed; a read that fails on a released collection is loaded and retried once; {@code flush}
 * loads, retrying (load right after flush can fail on Milvus Lite).
 */
final class MilvusLoading {
  private static final int LOAD_ATTEMPTS = 5;

  private final MilvusClientV2 client;
  private final StoreErrors errors;
  private final Duration timeout;
  /** Extra in-memory copies (StoreLayout replicas), or null for the server's default. */
  private final Integer replicas;
  /** Collections whose load state this instance has checked once (load on first use). */
  private final Set<String> checked = ConcurrentHashMap.newKeySet();

  MilvusLoading(MilvusClientV2 client, StoreErrors errors, Duration timeout, Integer replicas) {
    this.client = client;
    this.errors = errors;
    this.timeout = timeout;
    this.replicas = replicas;
  }

  /** Runs a read; when Milvus says the collection is not loaded, loads and retries once. */
  <T> T read(String collection, Supplier<T> action) {
    if (checked.add(collection) && Boolean.FALSE.equals(loadState(collection))) {
      ensureLoaded(collection);
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      if (MilvusConnection.isConnectionFailure(e) || Boolean.TRUE.equals(loadState(collection))) {
        throw e;
      }
      // When the load state itself cannot be read (Milvus Lite after a restart answers with an
      // enum the SDK does not know), loading and retrying once is the safe move: if the load
      // fails, that failure is reported.
      ensureLoaded(collection);
      return action.get();
    }
  }

  /** Loads the collection unless it is loaded, retrying a few times. */
  void ensureLoaded(String collection) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
      try {
        if (Boolean.TRUE.equals(client.getLoadState(GetLoadStateReq.builder().collectionName(collection).build()))) {
          return;
        }
        LoadCollectionReq.LoadCollectionReqBuilder load =
            LoadCollectionReq.builder().collectionName(collection).timeout(timeout.toMillis());
        if (replicas != null) {
          load.numReplicas(replicas + 1);
        }
        client.loadCollection(load.build());
        return;
      } catch (RuntimeException e) {
        if (MilvusConnection.isConnectionFailure(e)) {
          throw errors.wrap(collection, "load", e);
        }
        last = e;
        sleep(200L * (attempt + 1));
      }
    }
    throw errors.wrap(collection, "load (" + LOAD_ATTEMPTS + " attempts)", last);
  }

  /**
   * Waits until the server has indexed every flushed row of the collection's indexes (a Milvus
   * server builds them in the background; until then it searches the rows brute force), at most
   * ten request timeouts; InfrastructureException naming the rows still pending otherwise.
   */
  void awaitIndexed(String collection) {
    long deadline = System.nanoTime() + 10 * timeout.toNanos();
    while (true) {
      List<DescribeIndexResp.IndexDesc> pending = client.describeIndex(
              DescribeIndexReq.builder().collectionName(collection).build())
          .getIndexDescriptions().stream()
          .filter(d -> d.getPendingIndexRows() > 0 || d.getIndexedRows() < d.getTotalRows()).toList();
      if (pending.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        DescribeIndexResp.IndexDesc d = pending.get(0);
        throw errors.wrap(collection, "index build", new IllegalStateException(String.format(Locale.ROOT,
            "expected every row indexed within %d s, found %d of %d indexed on field '%s'",
            10 * timeout.toSeconds(), d.getIndexedRows(), d.getTotalRows(), d.getFieldName())));
      }
      sleep(250);
    }
  }

  /** Forgets the collection (dropped): its next read checks the load state again. */
  void forget(String collection) {
    checked.remove(collection);
  }

  /** TRUE / FALSE, or null when Milvus cannot tell. */
  private Boolean loadState(String collection) {
    try {
      return client.getLoadState(GetLoadStateReq.builder().collectionName(collection).build());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for milvus", e);
    }
  }
}
