package io.lensbench.encoders.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.lensbench.core.BadInputException;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the CLIP-folder loader on a small REAL ONNX model pair written by the test: the image
 * tower averages the normalised pixels per channel (GlobalAveragePool → Flatten → MatMul), the
 * text tower looks token ids up in an embedding table and mean-pools them under the attention
 * mask (Gather → Mul → ReduceSum → Div). Rows for "red", "green", "blue" point where a pure image
 * of that colour lands, so colour retrieval must work through the whole loader.
 */
class ClipOnnxEncoderTest {
  @TempDir static Path tmp;
  static Path modelDir;

  @BeforeAll
  static void writeModel() throws Exception {
    modelDir = tmp.resolve("tiny-clip");
    Files.createDirectories(modelDir);
    Path tokDir = TextEncoders.spec("all-minilm-l6-v2-q", tmp.resolve("cache")).dir();
    Files.copy(tokDir.resolve("tokenizer.json"), modelDir.resolve("tokenizer.json"));
    int vocab;
    long red;
    long green;
    long blue;
    try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
        modelDir.resolve("tokenizer.json"))) {
      red = tok.encode("red").getIds()[1];
      green = tok.encode("green").getIds()[1];
      blue = tok.encode("blue").getIds()[1];
      vocab = 30522;
    }
    // image tower: [N,3,S,S] -> mean per channel [N,3] -> identity projection
    byte[] image = new OnnxModelWriter()
        .input("pixel_values", OnnxModelWriter.FLOAT, 0, 3, 32, 32)
        .output("image_embeds", OnnxModelWriter.FLOAT, 0, 3)
        .floatTensor("proj", new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3)
        .node("GlobalAveragePool", new String[] {"pixel_values"}, new String[] {"gap"})
        .node("Flatten", new String[] {"gap"}, new String[] {"flat"}, "axis", 1)
        .node("MatMul", new String[] {"flat", "proj"}, new String[] {"image_embeds"})
        .build("tiny-image");
    // text tower: masked mean of embedding rows
    float[] table = new float[vocab * 3];
    put(table, red, 1, -1, -1);
    put(table, green, -1, 1, -1);
    put(table, blue, -1, -1, 1);
    byte[] text = new OnnxModelWriter()
        .input("input_ids", OnnxModelWriter.INT64, 0, 0)
        .input("attention_mask", OnnxModelWriter.INT64, 0, 0)
        .output("text_embeds", OnnxModelWriter.FLOAT, 0, 3)
        .floatTensor("table", table, vocab, 3)
        .node("Gather", new String[] {"table", "input_ids"}, new String[] {"tok"}, "axis", 0)
        .node("Cast", new String[] {"attention_mask"}, new String[] {"maskf"}, "to", 1)
        .node("Unsqueeze", new String[] {"maskf"}, new String[] {"mask3"}, "axes", new long[] {2})
        .node("Mul", new String[] {"tok", "mask3"}, new String[] {"masked"})
        .node("ReduceSum", new String[] {"masked"}, new String[] {"sum"}, "axes", new long[] {1},
            "keepdims", 0)
        .node("ReduceSum", new String[] {"maskf"}, new String[] {"count"}, "axes",
            new long[] {1}, "keepdims", 1)
        .node("Div", new String[] {"sum", "count"}, new String[] {"text_embeds"})
        .build("tiny-text");
    Files.write(modelDir.resolve("image_encoder.onnx"), image);
    Files.write(modelDir.resolve("text_encoder.onnx"), text);
    Files.writeString(modelDir.resolve("preprocess.json"),
        "{\"id\":\"tiny-clip\",\"imageSize\":32,\"mean\":[0.5,0.5,0.5],\"std\":[0.5,0.5,0.5],"
            + "\"maxTextLength\":16}");
  }

  private static void put(float[] table, long row, float a, float b, float c) {
    table[(int) row * 3] = a;
    table[(int) row * 3 + 1] = b;
    table[(int) row * 3 + 2] = c;
  }

  static Path solid(Path file, Color c) throws Exception {
    BufferedImage img = new BufferedImage(40, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, 40, 60);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  @Test
  void coloursRetrieveTheirWords() throws Exception {
    List<Path> images = List.of(solid(tmp.resolve("r.png"), Color.RED),
        solid(tmp.resolve("g.png"), Color.GREEN), solid(tmp.resolve("b.png"), Color.BLUE));
    try (ClipOnnxEncoder clip = ClipOnnxEncoder.open(modelDir, 2)) {
      assertTrue(clip.id().matches("tiny-clip@[0-9a-f]{12}"), clip.id());
      assertEquals(3, clip.dimension());
      List<float[]> iv = clip.embedImages(images);
      List<float[]> tv = clip.embedTexts(List.of("a red shirt", "green", "blue jeans"));
      for (int i = 0; i < 3; i++) {
        int best = 0;
        for (int t = 1; t < 3; t++) {
          if (Vectors.dot(iv.get(i), tv.get(t)) > Vectors.dot(iv.get(i), tv.get(best))) {
            best = t;
          }
        }
        assertEquals(i, best, "image " + i + " should match text " + i);
        assertEquals(1.0, Vectors.dot(iv.get(i), tv.get(i)), 1e-3,
            "pure colour and its word point the same way");
      }
      float[] composed = clip.embedImageText(images.get(0), "blue");
      assertEquals(1.0, Vectors.dot(composed, composed), 1e-4);
      assertTrue(Vectors.dot(composed, tv.get(1)) < Vectors.dot(composed, tv.get(0)));
    }
  }

  @Test
  void missingFileAndBadConfigAreClearErrors() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    BadInputException e = assertThrows(BadInputException.class, () -> ClipOnnxEncoder.open(empty));
    assertTrue(e.getMessage().contains("expected file image_encoder.onnx"), e.getMessage());
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    for (String f : List.of("image_encoder.onnx", "text_encoder.onnx", "tokenizer.json")) {
      Files.copy(modelDir.resolve(f), bad.resolve(f));
    }
    Files.writeString(bad.resolve("preprocess.json"),
        "{\"imageSize\":32,\"mean\":[0.5,0.5],\"std\":[0.5,0.5,0.5],\"maxTextLength\":16}");
    e = assertThrows(BadInputException.class, () -> ClipOnnxEncoder.open(bad));
    assertTrue(e.getMessage().contains("'mean' expected an array of 3 numbers"), e.getMessage());
  }
}
