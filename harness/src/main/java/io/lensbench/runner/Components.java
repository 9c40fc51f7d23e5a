package io.lensbench.runner;

import io.lensbench.captioners.Captioner;
import io.lensbench.datasets.Dataset;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.stores.RetrievalStore;
import java.util.Map;

/**
 * Where the runner gets its real parts for one loaded dataset: store adapters, encoders,
 * captioners, reranker, metrics scorer. Everything it opens it closes in {@link #close()}.
 * Failures are {@link io.lensbench.core.BadInputException} (unknown id) or
 * {@link io.lensbench.core.InfrastructureException} (store down, model weights missing).
 */
public interface Components extends AutoCloseable {

  Dataset dataset();

  /** The dataset's distractors when it is a grown dataset (docs/scale.md). */
  default java.util.Optional<io.lensbench.datasets.grow.Distractors> distractors() {
    return io.lensbench.datasets.grow.Distractors.of(dataset());
  }

  /** An open, reachable store; throws InfrastructureException naming it when it is down. */
  RetrievalStore store(Experiment.StoreSpec spec);

  /** The address a store spec resolves to (for provenance; never with credentials). */
  String storeAddress(Experiment.StoreSpec spec);

  TextEncoder textEncoder(String id);

  JointEncoder jointEncoder(String id);

  /** Image → text: an image captioner ({@code attribute}, {@code vlm}) or OCR ({@code tesseract}). */
  Captioner captioner(String id);

  /** Null when {@code spec} is null. */
  RerankStage reranker(Experiment.RerankerSpec spec);

  CellScorer scorer(long seed);

  /**
   * Where runs on this machine keep their cross-process locks (collections being built or
   * searched), e.g. {@code <home>/locks}.
   */
  java.nio.file.Path lockDir();

  /** Model card for provenance (id, source, licence, weights hash, …); at least {"id": id}. */
  Map<String, Object> modelCard(String id);

  @Override
  void close();
}
