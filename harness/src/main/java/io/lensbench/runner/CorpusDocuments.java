package io.lensbench.runner;

import io.lensbench.datasets.Item;
import io.lensbench.datasets.grow.DistractorMode;
import io.lensbench.datasets.grow.Distractors;
import io.lensbench.runner.distractors.VectorModels;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.StoreDocument;
import io.lensbench.strategies.Strategy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A strategy's documents for a run's corpus, one batch at a time and never all together: the real
 * items through the strategy's encoders, then the distractors — augmented ones through the same
 * encoders, vector-model ones drawn from {@link VectorModels} fitted on the real batches just
 * streamed. Iterating again yields the same documents in the same order.
 */
public final class CorpusDocuments implements Iterator<List<StoreDocument>> {
  private final List<Item> real;
  private final Distractors distractors;
  private final Strategy strategy;
  private final int batchSize;
  private final VectorModels models;
  private final Iterator<List<Item>> distractorBatches;
  private int realNext;
  private long distractorNext;

  /**
   * @param distractors null for none
   * @param schema the strategy's collection schema (vector-model distractors fill its fields)
   */
  public CorpusDocuments(List<Item> real, Distractors distractors, Strategy strategy,
      CollectionSchema schema, int batchSize) {
    this.real = real;
    this.distractors = distractors;
    this.strategy = strategy;
    this.batchSize = batchSize;
    boolean modelled = distractors != null
        && distractors.recipe().mode() == DistractorMode.VECTOR_MODEL;
    this.models = modelled ? new VectorModels(distractors.recipe(), schema) : null;
    this.distractorBatches = distractors == null ? null : distractors.batches(batchSize);
  }

  /** Documents in all (real and distractors). */
  public long size() {
    return real.size() + (distractors == null ? 0 : distractors.count());
  }

  @Override
  public boolean hasNext() {
    return realNext < real.size() || (distractorBatches != null && distractorBatches.hasNext());
  }

  @Override
  public List<StoreDocument> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (realNext < real.size()) {
      List<Item> batch = real.subList(realNext, Math.min(real.size(), realNext + batchSize));
      realNext += batch.size();
      List<StoreDocument> docs = strategy.documents(batch);
      if (models != null) {
        models.observe(docs);
      }
      return docs;
    }
    List<Item> batch = distractorBatches.next();
    long first = distractorNext;
    distractorNext += batch.size();
    if (models == null) {
      return strategy.documents(batch);
    }
    models.fit();
    List<StoreDocument> docs = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      docs.add(models.document(batch.get(i), first + i));
    }
    return docs;
  }

  /**
   * Where the distractors' vectors came from, for the run's provenance (null without
   * distractors): the mode and, for vector-model distractors, every field's fitted model.
   */
  public Map<String, Object> provenance() {
    if (distractors == null) {
      return null;
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("mode", distractors.recipe().mode().wireName());
    m.put("count", distractors.count());
    m.put("vectors", models == null
        ? "encoded by the strategy's own encoders, like the real items"
        : "drawn from the models below, not from the encoders");
    if (models != null) {
      m.put("models", models.summary());
    }
    return m;
  }
}
