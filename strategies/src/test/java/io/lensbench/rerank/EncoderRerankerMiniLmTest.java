package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.encoders.OnnxTextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.testkit.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap reranker with the real MiniLM text encoder (ONNX, shipped in a Maven jar). */
class EncoderRerankerMiniLmTest {

  @Test
  void aProductNameQueryPutsThatProductFirst(@TempDir Path tmp) {
    List<TestImages.Row> rows = TestImages.rows(12);
    List<Candidate> cands = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      cands.add(new Candidate(rows.get(i).id(), rows.get(i).image(), rows.get(i).name(),
          1.0 - i * 0.01));
    }
    TestImages.Row target = rows.get(7);
    try (OnnxTextEncoder enc = new OnnxTextEncoder(
            TextEncoders.spec(TextEncoders.DEFAULT_ID, tmp.resolve("models")));
        EncoderReranker rr = EncoderReranker.text(enc, null)) {
      Query q = new Query("q-name", QueryKind.TEXT, "en", target.name(), null, Map.of(),
          Set.of());
      RerankResult res = rr.rerank(q, cands);
      assertEquals(target.id(), res.rankingIds().get(0), "exact name ranks its item first");
      assertEquals(1.0, res.ranking().get(0).score(), 1e-3, "cosine of identical texts");
      assertEquals(12, new HashSet<>(res.rankingIds()).size(), "a permutation of the candidates");
      for (int i = 1; i < res.ranking().size(); i++) {
        assertTrue(res.ranking().get(i - 1).score() >= res.ranking().get(i).score());
      }
    }
  }
}
