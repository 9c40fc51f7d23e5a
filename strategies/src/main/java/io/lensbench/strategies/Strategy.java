package io.lensbench.strategies;

import io.lensbench.datasets.Item;
import io.lensbench.datasets.Query;
import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Filter;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.Metric;
import io.lensbench.stores.RetrievalStore;
import io.lensbench.stores.StoreDocument;
import io.lensbench.stores.VectorField;
import java.util.List;
import java.util.Map;

/**
 * How items are encoded and stored, and how a query is turned into searches on a store. A
 * strategy never talks to a store while encoding: {@link #documents} and {@link #plan} run once
 * per item / query, and the same documents and plans go to every store, so every store sees
 * identical vectors. Only {@link #retrieve} touches a store.
 */
public interface Strategy {

  /** The strategy's id as it appears in cell ids, e.g. {@code joint}, {@code multivector-rrf}. */
  String id();

  /**
   * Everything that determines the indexed content besides the items: strategy type, parameters,
   * model ids, index settings. Hashed (with the items) into the collection's content hash.
   */
  String fingerprint();

  /** Short token naming the encoder(s), used in collection names, e.g. {@code minilm-q}. */
  String encoderTag();

  /** Model ids this strategy uses (for provenance). */
  List<String> modelIds();

  /** The collection layout on a store. */
  CollectionSchema schema(String collection, Map<String, String> properties);

  /** Encodes a batch of items into documents, in order. */
  List<StoreDocument> documents(List<Item> items);

  /** Encodes one query into the searches to run (the "encode" part of a query's latency). */
  QueryPlan plan(Query query);

  /** The layout of a strategy storing one cosine-compared vector per item. */
  static CollectionSchema singleVectorSchema(String collection, String field, int dimension,
      IndexSpec index, Map<String, String> properties) {
    return new CollectionSchema(collection,
        List.of(new VectorField(field, dimension, Metric.COSINE, index)), List.of(), List.of(),
        properties);
  }

  /** Runs a plan on one store: the "search" and "fuse" parts of a query's latency. */
  default Retrieval retrieve(
      RetrievalStore store, String collection, QueryPlan plan, int k, Filter filter) {
    return SearchExecutor.execute(store, collection, plan, k, filter);
  }
}
