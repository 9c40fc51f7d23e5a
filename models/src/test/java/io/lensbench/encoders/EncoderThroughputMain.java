package io.lensbench.encoders;

import io.lensbench.encoders.joint.TrainedJointEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Manual measurement (not a test): texts/s of the ONNX text encoders at batch 1 and 32, the
 * cosine between batched and one-at-a-time vectors, and images/s of a trained joint model.
 * Args: JOINT_MODEL_DIR IMAGE_DIR.
 */
public final class EncoderThroughputMain {
  private EncoderThroughputMain() {}

  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    String[] g = {"Men", "Women", "Boys", "Girls"};
    String[] c = {"Blue", "Black", "Red", "White", "Green", "Navy Blue", "Grey", "Pink"};
    String[] t = {"Tshirts", "Casual Shoes", "Watches", "Handbags", "Jeans", "Kurtas", "Shirts"};
    for (String a : g) {
      for (String b : c) {
        for (String d : t) {
          texts.add(a + " " + b + " " + d + (texts.size() % 3 == 0 ? " for casual summer wear" : ""));
        }
      }
    }
    texts = texts.subList(0, 200);
    for (String id : List.of("all-minilm-l6-v2-q", "bge-small-en-v1.5-q", "e5-small-v2")) {
      List<float[]> single;
      try (OnnxTextEncoder enc = TextEncoders.open(id, 1)) {
        enc.embed(texts.subList(0, 20), TextEncoder.Role.PASSAGE);
        long t0 = System.nanoTime();
        single = enc.embed(texts, TextEncoder.Role.PASSAGE);
        report(id + " batch 1", texts.size(), t0);
      }
      try (OnnxTextEncoder enc = TextEncoders.open(id, 32)) {
        enc.embed(texts.subList(0, 20), TextEncoder.Role.PASSAGE);
        long t0 = System.nanoTime();
        List<float[]> batched = enc.embed(texts, TextEncoder.Role.PASSAGE);
        report(id + " batch 32", texts.size(), t0);
        double min = 1;
        for (int i = 0; i < texts.size(); i++) {
          min = Math.min(min, Vectors.dot(single.get(i), batched.get(i)));
        }
        System.out.printf(Locale.ROOT, "%s: min cosine batch-32 vs batch-1 = %.6f%n", id, min);
      }
    }
    if (args.length >= 2) {
      List<Path> images;
      try (Stream<Path> s = Files.list(Path.of(args[1]))) {
        images = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(300).toList();
      }
      try (TrainedJointEncoder joint = TrainedJointEncoder.open(Path.of(args[0]))) {
        joint.embedImages(images.subList(0, 20));
        long t0 = System.nanoTime();
        joint.embedImages(images);
        report("joint image tower (decode+64x64+CNN, batch 64)", images.size(), t0);
      }
    }
  }

  private static void report(String what, int n, long t0) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d in %.2f s = %.1f /s%n", what, n, s, n / s);
  }
}
