package io.lensbench.runner;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.LockFile;
import io.lensbench.datasets.Dataset;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.strategies.Strategy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes sure a strategy's collection exists on a store with exactly the run's corpus: a
 * collection whose content hash (strategy fingerprint + dataset checksum + corpus) matches is
 * reused, anything else is dropped and rebuilt from the strategy's documents, streamed: a batch
 * is encoded while the store indexes the previous one ({@link BatchPipeline}, {@link
 * CorpusDocuments}), so memory does not grow with the corpus. Documents needed by a second store
 * come again through the encoders' caches.
 */
final class IndexManager {
  /** Collection property holding the content hash. */
  static final String CONTENT_HASH = "contentHash";

  private final Dataset dataset;
  private final RunSelection selection;
  private final int batchSize;
  private final boolean reindex;
  private final PrintStream err;
  private final java.util.Set<String> rebuiltThisRun = new java.util.HashSet<>();
  private final List<IndexBuild> builds = new ArrayList<>();

  IndexManager(Dataset dataset, RunSelection selection, int batchSize, boolean reindex,
      PrintStream err) {
    this.dataset = dataset;
    this.selection = selection;
    this.batchSize = batchSize;
    this.reindex = reindex;
    this.err = err;
  }

  /**
   * {@code lb_<dataset>_<type>_<encoder>_<hash8>}: readable, valid on Milvus and OpenSearch, and
   * distinct for every (indexed content, corpus) so strategies indexing the same content (the
   * multi-vector fusion variants) share one collection.
   */
  String collectionName(String type, Strategy strategy) {
    String enc = sanitize(strategy.encoderTag());
    if (enc.length() > 40) {
      enc = enc.substring(0, 40);
    }
    String h = Hashing.sha256Hex(strategy.fingerprint() + "\n" + selection.itemsHash()).substring(0, 8);
    return "lb_" + sanitize(dataset.name()) + "_" + type + "_" + enc + "_" + h;
  }

  private static String sanitize(String s) {
    String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return x.replaceAll("^_+|_+$", "");
  }

  /** What the collection must hold: strategy, dataset, corpus and (unless default) the store layout. */
  private String contentHash(Strategy strategy, String layoutTag) {
    return Hashing.sha256Hex(strategy.fingerprint() + "\n" + dataset.checksum() + "\n" + selection.itemsHash()
        + (layoutTag.isEmpty() ? "" : "\nlayout " + layoutTag));
  }

  /**
   * Makes the collection ready and returns a shared lease on it, held while the run searches it:
   * another run on this machine cannot drop or rebuild it meanwhile (a rebuild takes the lock
   * exclusively and waits for every search lease to end). A collection built with another
   * layout (shards, replicas; {@code layoutTag}, "" for the store's defaults) is rebuilt.
   */
  LockFile lease(RetrievalStore store, Strategy strategy, String collection, Path lockFile, String layoutTag) {
    try {
      return leaseOrThrow(store, strategy, collection, lockFile, contentHash(strategy, layoutTag));
    } catch (InfrastructureException e) {
      throw failed(store, collection, e.getMessage(), e);
    } catch (LensBenchException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(store, collection, e.toString(), e);
    }
  }

  private LockFile leaseOrThrow(RetrievalStore store, Strategy strategy, String collection,
      Path lockFile, String hash) {
    // --reindex rebuilds each collection once per run, however many strategies share it
    boolean rebuild = reindex && rebuiltThisRun.add(store.name() + "/" + collection);
    for (int attempt = 0; attempt < 3; attempt++) {
      LockFile shared = wait(lockFile, true, store, collection);
      if (!rebuild && matches(store, collection, hash)) {
        err.printf(Locale.ROOT, "index %s/%s: reusing (content hash %s, %d items)%n",
            store.name(), collection, hash.substring(0, 12), selection.corpusSize());
        builds.add(new IndexBuild(store.name(), strategy.id(), collection, true,
            selection.corpusSize(), distractorCount(), 0, 0, 0, 0, null));
        store.flush(collection); // loads it (a restarted Milvus brings collections back unloaded)
        return shared;
      }
      shared.close();
      try (LockFile exclusive = wait(lockFile, false, store, collection)) {
        if (rebuild || !matches(store, collection, hash)) {
          build(store, strategy, collection, hash);
        }
      }
      rebuild = false;
      shared = wait(lockFile, true, store, collection);
      if (matches(store, collection, hash)) {
        store.flush(collection);
        return shared;
      }
      shared.close(); // another run rebuilt it with other content between our build and our lease
    }
    throw new InfrastructureException(String.format(Locale.ROOT,
        "store %s, collection %s: other LensBench runs keep rebuilding it with other content; "
            + "run them one after the other", store.name(), collection));
  }

  private LockFile wait(Path lockFile, boolean shared, RetrievalStore store, String collection) {
    Optional<LockFile> now = shared ? LockFile.tryShared(lockFile) : LockFile.tryExclusive(lockFile);
    if (now.isPresent()) {
      return now.get();
    }
    err.printf(Locale.ROOT, "index %s/%s: waiting for another LensBench run using it (%s)%n",
        store.name(), collection, lockFile);
    return shared ? LockFile.shared(lockFile) : LockFile.exclusive(lockFile);
  }

  /**
   * The collection exists with this content hash and the whole corpus. One that describes but
   * cannot be counted (left by a store killed while indexing it) is not reusable: it is rebuilt,
   * and a store that is really down fails the rebuild's first call instead.
   */
  private boolean matches(RetrievalStore store, String collection, String contentHash) {
    Optional<CollectionSchema> existing = store.describe(collection);
    if (existing.isEmpty() || !contentHash.equals(existing.get().properties().get(CONTENT_HASH))) {
      return false;
    }
    try {
      return store.count(collection) == selection.corpusSize();
    } catch (InfrastructureException e) {
      err.printf(Locale.ROOT, "index %s/%s: cannot be counted (%s); rebuilding it%n", store.name(), collection,
          e.getMessage());
      return false;
    }
  }

  private void build(RetrievalStore store, Strategy strategy, String collection, String contentHash) {
    Map<String, String> props = new TreeMap<>();
    props.put(CONTENT_HASH, contentHash);
    props.put("lensbenchItems", Long.toString(selection.corpusSize()));
    CollectionSchema schema = strategy.schema(collection, props);
    try (Progress p = new Progress(err, "index " + store.name() + "/" + collection, selection.corpusSize())) {
      builds.add(StreamingIndex.build(store, strategy, schema, selection, batchSize, p::step));
    }
  }

  private long distractorCount() {
    return selection.distractors() == null ? 0 : selection.distractors().count();
  }

  /** Every collection this manager made ready, in order (built or reused). */
  List<IndexBuild> builds() {
    return List.copyOf(builds);
  }

  private static InfrastructureException failed(RetrievalStore store, String collection,
      String why, Exception cause) {
    return new InfrastructureException(String.format(Locale.ROOT,
        "store %s, collection %s: indexing failed: %s", store.name(), collection, why), cause);
  }
}
