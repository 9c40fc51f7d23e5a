package io.lensbench.encoders;

import java.util.List;

/** Text → dense vector (L2-normalised unless the model says otherwise). */
public interface TextEncoder extends AutoCloseable {

  /** Whether a text is a query or a passage (e5 needs "query: " / "passage: " prefixes). */
  enum Role {
    QUERY,
    PASSAGE
  }

  /** Stable model id used in cache keys and reports, e.g. {@code all-minilm-l6-v2-q}. */
  String id();

  int dimension();

  /** Embeds texts in order; batches internally. */
  List<float[]> embed(List<String> texts, Role role);

  @Override
  void close();
}
