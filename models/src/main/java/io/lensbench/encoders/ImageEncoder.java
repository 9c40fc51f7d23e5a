package io.lensbench.encoders;

import java.nio.file.Path;
import java.util.List;

/** Image → feature vector (an image backbone, e.g. EfficientNet-Lite0's pooled features). */
public interface ImageEncoder extends AutoCloseable {

  /** Stable model id with its weights fingerprint, e.g. {@code efficientnet-lite0@<sha12>}. */
  String id();

  int dimension();

  /** One vector per image, in order; batching does not change a vector. */
  List<float[]> embed(List<Path> images);

  @Override
  void close();
}
