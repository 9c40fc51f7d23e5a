package io.lensbench.runner;

import io.lensbench.core.InfrastructureException;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.strategies.Strategy;
import java.util.Locale;

/**
 * Builds one collection from a run's corpus, streamed: documents are encoded (or, for
 * vector-model distractors, drawn) a batch at a time while the store indexes the previous batch,
 * at most {@value #DEPTH} batches waiting — so memory does not grow with the corpus. Used by
 * {@code bench scale} for every index configuration it sweeps.
 */
public final class StreamingIndex {
  /** Encoded batches waiting for the store at most (back-pressure on the encoders). */
  static final int DEPTH = 2;

  private StreamingIndex() {}

  /**
   * Drops, creates, fills and flushes {@code schema}'s collection on {@code store} with {@code
   * selection}'s corpus as {@code strategy} encodes it; InfrastructureException when the store
   * then counts another number of documents. {@code indexed} hears the size of every batch stored.
   */
  public static IndexBuild build(RetrievalStore store, Strategy strategy, CollectionSchema schema,
      RunSelection selection, int batchSize, java.util.function.IntConsumer indexed) {
    long started = System.nanoTime();
    store.drop(schema.name());
    store.create(schema);
    CorpusDocuments docs = new CorpusDocuments(selection.corpus(), selection.distractors(), strategy,
        schema, batchSize);
    BatchPipeline.Timing timing = new BatchPipeline<>(docs, DEPTH)
        .run(batch -> {
          store.upsert(schema.name(), batch);
          indexed.accept(batch.size());
        });
    long flushing = System.nanoTime();
    store.flush(schema.name());
    double flushSeconds = (System.nanoTime() - flushing) / 1e9;
    long n = store.count(schema.name());
    if (n != selection.corpusSize()) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "store %s, collection %s: expected %d documents after indexing, found %d",
          store.name(), schema.name(), selection.corpusSize(), n));
    }
    long distractors = selection.distractors() == null ? 0 : selection.distractors().count();
    return new IndexBuild(store.name(), strategy.id(), schema.name(), false, n, distractors,
        (System.nanoTime() - started) / 1e9, timing.produceSeconds(), timing.consumeSeconds(),
        flushSeconds, docs.provenance());
  }
}
