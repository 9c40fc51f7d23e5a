package io.lensbench.rerank;

import io.lensbench.testkit.TestImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The candidate list the LLM reranker tests share: nine catalogue rows, scores descending. */
final class RerankFixture {
  private RerankFixture() {}

  static List<Candidate> nineCandidates(List<TestImages.Row> rows) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      TestImages.Row row = rows.get(i);
      candidates.add(new Candidate(row.id(), row.image(), row.name(), 1.0 - i * 0.05));
    }
    return candidates;
  }

  static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::id).toList();
  }

  /** The fake model's preferred order: the ids reversed. */
  static List<String> reversed(List<String> ids) {
    List<String> r = new ArrayList<>(ids);
    Collections.reverse(r);
    return r;
  }
}
