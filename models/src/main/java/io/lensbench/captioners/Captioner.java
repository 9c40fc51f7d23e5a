package io.lensbench.captioners;

import java.nio.file.Path;
import java.util.List;

/** Image → text (OCR, attribute captioner, VLM). Results are cached by the caller's cache. */
public interface Captioner extends AutoCloseable {

  /** Stable id including model/version and prompt hash, used in cache keys. */
  String id();

  List<String> caption(List<Path> images);

  /** SHA-256 of the prompt (captioners without a prompt return ""); part of the cache key. */
  default String promptHash() {
    return "";
  }

  /**
   * Decoding parameters in a canonical form (e.g. {@code temperature=0;max_tokens=256}), part of
   * the cache key; "" when not applicable.
   */
  default String decodingParams() {
    return "";
  }

  @Override
  void close();
}
