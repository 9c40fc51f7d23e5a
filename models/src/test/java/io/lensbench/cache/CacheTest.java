package io.lensbench.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.captioners.CachedCaptioner;
import io.lensbench.captioners.Captioner;
import io.lensbench.captioners.OcrCaptioner;
import io.lensbench.captioners.OcrCaptionerTestSupport;
import io.lensbench.testkit.FakeEmbeddingsServer;
import io.lensbench.encoders.OpenAiEmbeddingsEncoder;
import io.lensbench.encoders.CachedTextEncoder;
import io.lensbench.encoders.TextEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {
  @TempDir Path root;

  @Test
  void warmTextRerunMakesNoModelCalls() throws Exception {
    try (FakeEmbeddingsServer server = new FakeEmbeddingsServer()) {
      List<String> texts = List.of("red dress", "blue jeans", "red dress", "watch");
      List<float[]> cold;
      try (CachedTextEncoder enc = new CachedTextEncoder(
          new OpenAiEmbeddingsEncoder(OpenAiEmbeddingsEncoder.Config.of(server.baseUrl(), "m")),
          root)) {
        cold = enc.embed(texts, TextEncoder.Role.PASSAGE);
      }
      assertEquals(3, server.inputs(), "3 distinct texts embedded once each");
      try (CachedTextEncoder enc = new CachedTextEncoder(
          new OpenAiEmbeddingsEncoder(OpenAiEmbeddingsEncoder.Config.of(server.baseUrl(), "m")),
          root)) {
        List<float[]> warm = enc.embed(texts, TextEncoder.Role.PASSAGE);
        assertEquals(3, server.inputs(), "warm rerun must not call the model");
        for (int i = 0; i < texts.size(); i++) {
          assertArrayEquals(cold.get(i), warm.get(i));
        }
        enc.embed(List.of("red dress"), TextEncoder.Role.QUERY);
        assertEquals(4, server.inputs(), "the role is part of the key");
      }
      try (CachedTextEncoder enc = new CachedTextEncoder(
          new OpenAiEmbeddingsEncoder(OpenAiEmbeddingsEncoder.Config.of(server.baseUrl(), "m2")),
          root)) {
        enc.embed(List.of("red dress"), TextEncoder.Role.PASSAGE);
        assertEquals(5, server.inputs(), "the model id is part of the key");
      }
    }
  }

  @Test
  void inMemoryCacheEncodesEachTextOnceAndLeavesTheDelegateOpen() throws Exception {
    try (FakeEmbeddingsServer server = new FakeEmbeddingsServer();
        TextEncoder inner = new OpenAiEmbeddingsEncoder(
            OpenAiEmbeddingsEncoder.Config.of(server.baseUrl(), "m"))) {
      TextEncoder memo = CachedTextEncoder.inMemory(inner);
      List<float[]> first = memo.embed(List.of("a", "b", "a"), TextEncoder.Role.PASSAGE);
      assertEquals(2, server.inputs());
      assertArrayEquals(first.get(1), memo.embed(List.of("b"), TextEncoder.Role.PASSAGE).get(0));
      assertEquals(2, server.inputs(), "a memory hit makes no call");
      memo.close();
      inner.embed(List.of("c"), TextEncoder.Role.PASSAGE);
      assertEquals(3, server.inputs(), "closing the memory cache leaves the delegate open");
    }
  }

  /** Counts calls reaching the real OCR captioner. */
  static final class Counting implements Captioner {
    final Captioner inner;
    final AtomicInteger images = new AtomicInteger();
    final String decoding;

    Counting(Captioner inner, String decoding) {
      this.inner = inner;
      this.decoding = decoding;
    }

    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public String decodingParams() {
      return decoding;
    }

    @Override
    public List<String> caption(List<Path> imgs) {
      images.addAndGet(imgs.size());
      return inner.caption(imgs);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @Test
  void warmCaptionRerunMakesNoCaptionerCalls() throws Exception {
    Path a = OcrCaptionerTestSupport.render(root.resolve("a.png"), List.of("SIZE 42"));
    Path b = OcrCaptionerTestSupport.render(root.resolve("b.png"), List.of("Cotton"));
    Counting first = new Counting(new OcrCaptioner(), "psm=3");
    List<String> cold;
    try (CachedCaptioner c = new CachedCaptioner(first, root)) {
      cold = c.caption(List.of(a, b, a));
    }
    assertEquals(2, first.images.get(), "the repeated image is captioned once");
    assertTrue(cold.get(0).contains("42"), cold.get(0));
    Counting second = new Counting(new OcrCaptioner(), "psm=3");
    try (CachedCaptioner c = new CachedCaptioner(second, root)) {
      assertEquals(cold, c.caption(List.of(a, b, a)));
    }
    assertEquals(0, second.images.get(), "warm rerun must not call the captioner");
    Counting third = new Counting(new OcrCaptioner(), "psm=6");
    try (CachedCaptioner c = new CachedCaptioner(third, root)) {
      c.caption(List.of(a));
    }
    assertEquals(1, third.images.get(), "decoding parameters are part of the key");
  }
}
