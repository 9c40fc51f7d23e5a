package io.lensbench.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxTextEncoderTest {
  @TempDir Path cache;

  static double cos(float[] a, float[] b) {
    return Vectors.dot(a, b);
  }

  @Test
  void miniLmIsNormalisedAndSemantic() {
    try (OnnxTextEncoder enc =
        new OnnxTextEncoder(TextEncoders.spec("all-minilm-l6-v2-q", cache))) {
      assertEquals(384, enc.dimension());
      assertEquals("all-minilm-l6-v2-q", enc.id());
      List<float[]> v =
          enc.embed(List.of("a red summer dress", "crimson dress for women", "laptop charger"),
              TextEncoder.Role.PASSAGE);
      assertEquals(3, v.size());
      assertEquals(1.0, cos(v.get(0), v.get(0)), 1e-4);
      assertTrue(cos(v.get(0), v.get(1)) > cos(v.get(0), v.get(2)) + 0.2,
          "dress/dress " + cos(v.get(0), v.get(1)) + " vs dress/charger " + cos(v.get(0), v.get(2)));
    }
  }

  @Test
  void batchSizeOneIsIndependentOfNeighbours() {
    try (OnnxTextEncoder enc =
        new OnnxTextEncoder(TextEncoders.spec("all-minilm-l6-v2-q", cache))) {
      float[] alone = enc.embed(List.of("navy blue jeans"), TextEncoder.Role.QUERY).get(0);
      List<float[]> many =
          enc.embed(List.of("a much longer text about watches and wallets", "navy blue jeans"),
              TextEncoder.Role.QUERY);
      for (int i = 0; i < alone.length; i++) {
        assertEquals(alone[i], many.get(1)[i], 0f, "dimension " + i);
      }
    }
  }

  @Test
  void bgeUsesClsPoolingAndDiffersFromMean() {
    OnnxTextModelSpec cls = TextEncoders.spec("bge-small-en-v1.5-q", cache);
    assertEquals(Pooling.CLS, cls.pooling());
    OnnxTextModelSpec mean =
        new OnnxTextModelSpec("bge-mean", cls.dir(), Pooling.MEAN, true, "", "", 512, 1);
    try (OnnxTextEncoder a = new OnnxTextEncoder(cls);
        OnnxTextEncoder b = new OnnxTextEncoder(mean)) {
      float[] va = a.embed(List.of("white sports shoes"), TextEncoder.Role.QUERY).get(0);
      float[] vb = b.embed(List.of("white sports shoes"), TextEncoder.Role.QUERY).get(0);
      assertEquals(384, va.length);
      assertTrue(cos(va, vb) < 0.999, "CLS and mean pooling should differ");
      List<float[]> v = a.embed(List.of("white sneakers", "leather handbag"),
          TextEncoder.Role.PASSAGE);
      assertTrue(cos(va, v.get(0)) > cos(va, v.get(1)));
    }
  }

  @Test
  void e5AddsRolePrefixes() {
    OnnxTextModelSpec spec = TextEncoders.spec("e5-small-v2", cache);
    assertEquals("query: ", spec.queryPrefix());
    assertEquals("passage: ", spec.passagePrefix());
    try (OnnxTextEncoder enc = new OnnxTextEncoder(spec)) {
      float[] q = enc.embed(List.of("black watch"), TextEncoder.Role.QUERY).get(0);
      float[] p = enc.embed(List.of("black watch"), TextEncoder.Role.PASSAGE).get(0);
      assertTrue(cos(q, p) < 0.9999, "query and passage prefixes must change the vector");
      assertTrue(cos(q, p) > 0.8, "same text under both roles stays close: " + cos(q, p));
    }
  }

  @Test
  void folderModelReadsConfig() throws Exception {
    Path dir = TextEncoders.spec("all-minilm-l6-v2-q", cache).dir();
    java.nio.file.Path folder = cache.resolve("user-model");
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Files.copy(dir.resolve("model.onnx"), folder.resolve("model.onnx"));
    java.nio.file.Files.copy(dir.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
    java.nio.file.Files.writeString(folder.resolve("lensbench-encoder.json"),
        "{\"id\":\"my-minilm\",\"pooling\":\"mean\",\"queryPrefix\":\"\",\"batchSize\":4}");
    OnnxTextModelSpec spec = TextEncoders.spec(folder.toString(), cache);
    assertEquals("my-minilm", spec.id());
    assertEquals(4, spec.batchSize());
    java.nio.file.Files.writeString(folder.resolve("lensbench-encoder.json"), "{\"pool\":\"x\"}");
    var ex = org.junit.jupiter.api.Assertions.assertThrows(
        io.lensbench.core.BadInputException.class,
        () -> TextEncoders.spec(folder.toString(), cache));
    assertTrue(ex.getMessage().contains("unknown key 'pool'"), ex.getMessage());
  }

  @Test
  void aFolderModelsDefaultIdCarriesItsWeights() throws Exception {
    Path dir = TextEncoders.spec("all-minilm-l6-v2-q", cache).dir();
    Path folder = java.nio.file.Files.createDirectories(cache.resolve("swapped"));
    java.nio.file.Files.copy(dir.resolve("model.onnx"), folder.resolve("model.onnx"));
    java.nio.file.Files.copy(dir.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
    String before = TextEncoders.spec(folder.toString(), cache).id();
    assertTrue(before.matches("onnx:swapped@[0-9a-f]{12}"), before);
    assertEquals(before, TextEncoders.spec(folder.toString(), cache).id(), "same weights, same id");
    java.nio.file.Files.write(folder.resolve("model.onnx"), new byte[] {1, 2, 3});
    String after = TextEncoders.spec(folder.toString(), cache).id();
    assertTrue(!after.equals(before) && after.startsWith("onnx:swapped@"),
        "swapped weights under the same folder name are another model: " + before + " vs " + after);
  }
}
