package io.lensbench.encoders.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java USE encoder (DJL tokenizer + ONNX Runtime) against Python onnxruntime: the preparation
 * wrote ids and vectors of English, Korean and mixed texts computed by Python (reference.json);
 * Java must reproduce the ids exactly and the vectors to cosine ≥ 0.9999.
 */
class UseTextEncoderTest {
  static PretrainedModels models;
  static UseTextEncoder use;

  @BeforeAll
  static void open() {
    models = Prepared.models();
    use = UseTextEncoder.open(models.model(PretrainedModels.USE));
  }

  @AfterAll
  static void close() {
    use.close();
  }

  @Test
  void equalsPythonOnnxRuntimeOnEnglishKoreanAndMixedTexts() throws Exception {
    JsonNode ref = new ObjectMapper().readTree(
        models.model(PretrainedModels.USE).resolve("reference.json").toFile());
    Map<String, Double> minCos = new TreeMap<>();
    for (JsonNode item : ref.path("items")) {
      String text = item.path("text").asText();
      long[] pyIds = new ObjectMapper().convertValue(item.path("ids"), long[].class);
      assertArrayEquals(pyIds, use.tokenIds(text), "token ids of '" + text + "'");
      float[] py = new ObjectMapper().convertValue(item.path("vector"), float[].class);
      double cos = Vectors.cosine(py, use.embed(List.of(text), TextEncoder.Role.QUERY).get(0));
      minCos.merge(item.path("group").asText(), cos, Math::min);
      assertTrue(cos >= 0.9999, "cos " + cos + " for '" + text + "'");
    }
    System.out.println("USE Java vs Python onnxruntime, min cosine by group: " + minCos);
    assertEquals(List.of("edge", "en", "ko", "mixed"), List.copyOf(minCos.keySet()));
  }

  @Test
  void oneTextPerCallGivesTheSameVectorWhateverItsNeighbours() {
    String t = "남성 블랙 티셔츠";
    float[] alone = use.embed(List.of(t), TextEncoder.Role.QUERY).get(0);
    float[] among = use.embed(List.of("Men Black Tshirts", t, "a much longer neighbour text "
        .repeat(40)), TextEncoder.Role.PASSAGE).get(1);
    assertArrayEquals(alone, among);
    assertEquals(512, alone.length);
    assertEquals(1.0, Vectors.dot(alone, alone), 1e-5);
  }

  @Test
  void koreanQueryLandsNearItsEnglishProduct() {
    List<float[]> v = use.embed(List.of("빨간색 여성용 운동화", "red women's running sneakers",
        "men's leather wallet"), TextEncoder.Role.QUERY);
    assertTrue(Vectors.dot(v.get(0), v.get(1)) > Vectors.dot(v.get(0), v.get(2)) + 0.3);
  }

  @Test
  void idCarriesTheWeightsFingerprint(@TempDir Path copy) throws Exception {
    Path dir = models.model(PretrainedModels.USE);
    assertTrue(use.id().matches("use-multilingual-v3@[0-9a-f]{12}"), use.id());
    Files.createSymbolicLink(copy.resolve("model.onnx"), dir.resolve("model.onnx"));
    Files.copy(dir.resolve("tokenizer.json"), copy.resolve("tokenizer.json"));
    try (UseTextEncoder same = UseTextEncoder.open(copy)) {
      assertEquals(use.id(), same.id());
    }
    Files.writeString(copy.resolve("tokenizer.json"), "\n", java.nio.file.StandardOpenOption.APPEND);
    try (UseTextEncoder changed = UseTextEncoder.open(copy)) {
      assertNotEquals(use.id(), changed.id(), "changed files, new id");
    }
    try (TextEncoder byId = TextEncoders.open(use.id(), LensBenchHome.resolve())) {
      assertEquals(use.id(), byId.id());
    }
    BadInputException e = assertThrows(BadInputException.class,
        () -> TextEncoders.open("use-multilingual-v3@000000000000", LensBenchHome.resolve()));
    assertTrue(e.getMessage().contains("expected those weights"), e.getMessage());
  }
}
