package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The cheap reranker's logic (cosine re-scoring, stable ties, memoised candidate vectors, mode
 * checks) with two small deterministic encoders defined here: a lexical bag-of-words text
 * encoder and a colour-histogram image encoder. They are real (if simple) feature extractors,
 * not stand-in vectors; the learned encoders (io.lensbench.encoders) plug in the same way.
 */
class EncoderRerankerTest {

  /** Term counts hashed into 256 buckets, L2-normalised. Counts its calls. */
  static final class BagOfWordsEncoder implements TextEncoder {
    final AtomicInteger embedded = new AtomicInteger();

    @Override
    public String id() {
      return "bag-of-words-256";
    }

    @Override
    public int dimension() {
      return 256;
    }

    @Override
    public List<float[]> embed(List<String> texts, Role role) {
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        embedded.incrementAndGet();
        float[] v = new float[256];
        for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty()) {
            v[Math.floorMod(w.hashCode(), 256)] += 1;
          }
        }
        out.add(v);
      }
      return out;
    }

    @Override
    public void close() {}
  }

  /** 4x4x4 RGB histogram of the non-white pixels. Image side only. */
  static final class ColourHistogramEncoder implements JointEncoder {
    @Override
    public String id() {
      return "rgb-histogram-64";
    }

    @Override
    public int dimension() {
      return 64;
    }

    @Override
    public List<float[]> embedImages(List<Path> images) {
      List<float[]> out = new ArrayList<>();
      for (Path p : images) {
        try {
          BufferedImage img = ImageIO.read(p.toFile());
          float[] h = new float[64];
          for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
              int rgb = img.getRGB(x, y);
              int r = (rgb >> 16) & 255;
              int g = (rgb >> 8) & 255;
              int b = rgb & 255;
              if (r > 235 && g > 235 && b > 235) {
                continue;
              }
              h[(r / 64) * 16 + (g / 64) * 4 + b / 64]++;
            }
          }
          out.add(h);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return out;
    }

    @Override
    public List<float[]> embedTexts(List<String> texts) {
      throw new UnsupportedOperationException("image-only feature");
    }

    @Override
    public float[] embedImageText(Path image, String text) {
      return embedImages(List.of(image)).get(0);
    }

    @Override
    public void close() {}
  }

  static Query text(String q) {
    return new Query("q", QueryKind.TEXT, "en", q, null, Map.of(), Set.of());
  }

  @Test
  void textModeRanksByCosineAndKeepsFirstStageOrderOnTies() {
    List<Candidate> cands = List.of(
        new Candidate("1", null, "Puma Men Blue Shoe", 0.9),
        new Candidate("2", null, "Nike Women Red Dress", 0.8),
        new Candidate("3", null, "Adidas Men Red Shoe", 0.7),
        new Candidate("4", null, "Nike Women Blue Dress", 0.6),
        new Candidate("5", null, "Lee Women Green Dress", 0.5));
    BagOfWordsEncoder enc = new BagOfWordsEncoder();
    try (EncoderReranker rr = EncoderReranker.text(enc, null)) {
      RerankResult res = rr.rerank(text("red shoe"), cands);
      // 3 shares "red" and "shoe"; 1 shares "shoe", 2 shares "red" (1 before 2: tie, first-stage
      // order); 4 and 5 share nothing (tie at 0, first-stage order)
      assertEquals(List.of("3", "1", "2", "4", "5"), res.rankingIds());
      assertEquals(List.of("1", "2", "3", "4", "5"),
          res.before().stream().map(h -> h.id()).toList());
      assertEquals(2 / Math.sqrt(2 * 4), res.ranking().get(0).score(), 1e-9);
      assertEquals(0, res.counts().dropped());
      assertEquals(null, res.counts().policy());
      assertEquals("encoder-text", rr.id());
      int after = enc.embedded.get();
      rr.rerank(text("blue dress"), cands);
      assertEquals(after + 1, enc.embedded.get(), "candidate vectors are memoised");
    }
  }

  @Test
  void textModeNeedsQueryTextAndCandidateText() {
    try (EncoderReranker rr = EncoderReranker.text(new BagOfWordsEncoder(), null)) {
      Query img = new Query("q-9", QueryKind.IMAGE, "none", null, Path.of("/x.jpg"), Map.of(),
          Set.of());
      BadInputException e = assertThrows(BadInputException.class,
          () -> rr.rerank(img, List.of(new Candidate("1", null, "a", 1))));
      assertTrue(e.getMessage().contains("query q-9 (kind image)"), e.getMessage());
      BadInputException e2 = assertThrows(BadInputException.class,
          () -> rr.rerank(text("x"), List.of(new Candidate("7", null, null, 1))));
      assertTrue(e2.getMessage().contains("candidate 7 has no text"), e2.getMessage());
    }
  }

  @Test
  void jointModeImageQueryPutsTheIdenticalImageFirst() {
    List<TestImages.Row> rows = TestImages.rows(8);
    List<Candidate> cands = new ArrayList<>();
    for (TestImages.Row r : rows) {
      cands.add(new Candidate(r.id(), r.image(), r.name(), 0));
    }
    TestImages.Row target = rows.get(5);
    Query q = new Query("q-img", QueryKind.IMAGE, "none", null, target.image(), Map.of(),
        Set.of());
    try (EncoderReranker rr = EncoderReranker.joint(new ColourHistogramEncoder(), null)) {
      RerankResult res = rr.rerank(q, cands);
      assertEquals(target.id(), res.rankingIds().get(0));
      assertEquals(1.0, res.ranking().get(0).score(), 1e-6);
      assertEquals(8, res.ranking().size());
      for (int i = 1; i < res.ranking().size(); i++) {
        assertTrue(res.ranking().get(i - 1).score() >= res.ranking().get(i).score());
      }
      assertEquals("encoder-joint", rr.id());
    }
  }
}
