package io.lensbench.encoders;

import java.nio.file.Path;

/**
 * Everything needed to load an ONNX sentence-embedding model.
 *
 * @param id stable model id (cache keys, reports)
 * @param dir directory holding {@code model.onnx} and {@code tokenizer.json}
 * @param pooling token pooling
 * @param normalize L2-normalise the pooled vector
 * @param queryPrefix prepended to {@link TextEncoder.Role#QUERY} texts ("" for none)
 * @param passagePrefix prepended to {@link TextEncoder.Role#PASSAGE} texts ("" for none)
 * @param maxLength truncation length in tokens
 * @param batchSize texts per ONNX call (1 = reproducible for quantized models, see docs/encoders.md)
 */
public record OnnxTextModelSpec(
    String id,
    Path dir,
    Pooling pooling,
    boolean normalize,
    String queryPrefix,
    String passagePrefix,
    int maxLength,
    int batchSize) {

  public OnnxTextModelSpec {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, found " + batchSize);
    }
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be >= 2, found " + maxLength);
    }
  }

  public OnnxTextModelSpec withBatchSize(int size) {
    return new OnnxTextModelSpec(
        id, dir, pooling, normalize, queryPrefix, passagePrefix, maxLength, size);
  }
}
