package io.lensbench.encoders.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.Hashing;
import io.lensbench.encoders.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java image pipeline (ImageIO decode, the Pillow BILINEAR port, NCHW packing, ONNX Runtime)
 * against Python's (PIL decode and resize, onnxruntime) on the reference images the preparation
 * wrote: the same decoded and resized bytes, the same features.
 */
class EfficientNetLite0Test {

  @Test
  void equalsThePythonPipelineByteForByte() throws Exception {
    Path dir = Prepared.models().model(PretrainedModels.EFFICIENTNET);
    JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference/reference.json").toFile());
    List<Path> files = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (JsonNode img : ref.path("images")) {
      Path f = dir.resolve("reference").resolve(img.path("file").asText());
      RgbImage rgb = RgbImage.read(f);
      assertEquals(img.path("decoded_sha256").asText(), Hashing.sha256Hex(rgb.rgb()), "decoded " + f);
      assertEquals(img.path("resized_sha256").asText(), Hashing.sha256Hex(rgb.resized(224)),
          "resized " + f);
      files.add(f);
      expected.add(new ObjectMapper().convertValue(img.path("features"), float[].class));
    }
    try (EfficientNetLite0 net = EfficientNetLite0.open(dir)) {
      assertTrue(net.id().matches("efficientnet-lite0@[0-9a-f]{12}"), net.id());
      List<float[]> got = net.embed(files);
      double minCos = 1;
      for (int i = 0; i < files.size(); i++) {
        assertEquals(1280, got.get(i).length);
        minCos = Math.min(minCos, Vectors.cosine(expected.get(i), got.get(i)));
      }
      System.out.println("EfficientNet-Lite0 Java vs Python, min cosine over " + files.size()
          + " images: " + minCos);
      assertTrue(minCos >= 0.9999, "min cosine " + minCos);
      assertArrayEquals(got.get(2), net.embed(List.of(files.get(2))).get(0), "batch-independent");
    }
  }
}
