package io.lensbench.captioners;

import java.nio.file.Path;
import java.util.List;

/** Image → text (OCR, attribute captioner, VLM). Results are cached by the caller's cache. */
public interface Captioner extends AutoCloseable {

  /** Stable id including model/version and prompt hash, used in cache keys. */
  String id();

  List<String> caption(List<Path> images);

  @Override
  void close();
}
