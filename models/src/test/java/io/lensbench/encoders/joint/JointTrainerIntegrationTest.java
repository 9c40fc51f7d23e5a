package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.captioners.AttributeCaptioner;
import io.lensbench.core.Hashing;
import io.lensbench.encoders.OnnxTextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the real joint model (DJL PyTorch) for 3 short epochs on a slice of the shared 1.7k
 * Kaggle fashion source, then checks the loss falls, held-out retrieval is far above chance, the
 * saved model reloads to identical metrics, and the attribute captioner runs on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointTrainerIntegrationTest {
  Path tmp;
  List<FashionCsv.Row> rows;
  List<EvalItem> held;
  JointTrainer.Result result;
  Path textDir;

  @BeforeAll
  void train(@TempDir Path dir) throws Exception {
    tmp = dir;
    rows = FashionCsv.read(FashionCsv.source("fashion-kaggle-default"), 700);
    held = FashionCsv.heldOut(rows);
    List<TrainExample> train = FashionCsv.train(rows);
    JointTrainingConfig cfg = JointTrainingConfig.defaults().withEpochs(3).withBatchSize(64);
    try (OnnxTextEncoder text = new OnnxTextEncoder(
        TextEncoders.spec(TextEncoders.DEFAULT_ID, tmp.resolve("models")))) {
      result = new JointTrainer(cfg, System.out::println).checkpointEachEpoch(true)
          .train(train, held, text, tmp.resolve("joint"), Map.of("dataset", "slice"));
    }
  }

  @Test
  void lossFallsAndHeldOutIsFarAboveChance() {
    List<Double> loss = result.loss();
    assertEquals(3, loss.size());
    assertTrue(loss.get(2) < loss.get(0) - 0.1, "loss per epoch " + loss);
    JointMetrics m = result.metrics();
    assertTrue(m.numItems() > 80, "held-out items " + m.numItems());
    assertTrue(m.successAt10() > 2 * m.chanceSuccessAt10(),
        "success@10 " + m.successAt10() + " vs chance " + m.chanceSuccessAt10());
    assertTrue(m.mrr() > 2 * m.chanceMrr(), "MRR " + m.mrr() + " vs chance " + m.chanceMrr());
  }

  @Test
  void cardIsCompleteAndModelReloadsToTheSameMetrics() throws Exception {
    Map<String, Object> card = JointTrainer.readCard(result.dir().resolve(JointTrainer.CARD_FILE));
    assertEquals(ImageTower.ARCHITECTURE, card.get("architecture"));
    assertEquals(Hashing.sha256Hex(result.dir().resolve("image-tower-0000.params")),
        card.get("paramsSha256"));
    assertNotNull(card.get("heldOut"));
    assertEquals(3, ((List<?>) card.get("lossPerEpoch")).size());
    assertEquals(3, ((Number) card.get("epochsCompleted")).intValue());
    try (var files = java.nio.file.Files.list(result.dir())) {
      assertEquals(List.of("image-tower-0000.params"),
          files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".params")).toList(),
          "checkpoints overwrite one params file");
    }
    try (TrainedJointEncoder enc = TrainedJointEncoder.open(result.dir())) {
      assertEquals(384, enc.dimension());
      assertEquals(card.get("id"), enc.id());
      List<Path> images = held.stream().map(EvalItem::image).toList();
      List<float[]> v = enc.embedImages(images);
      JointMetrics again = JointMetrics.evaluate(held, v, enc.textEncoder());
      assertEquals(result.metrics().successAt10(), again.successAt10(), 1e-9);
      assertEquals(result.metrics().mrr(), again.mrr(), 1e-9);
      float[] one = enc.embedImages(List.of(images.get(5))).get(0);
      assertEquals(1.0, Vectors.dot(one, v.get(5)), 1e-5, "batch-independent inference");
      float[] composed = enc.embedImageText(images.get(0), "blue");
      assertEquals(1.0, Vectors.dot(composed, composed), 1e-4);
    }
  }

  @Test
  void attributeCaptionerNamesCatalogueAttributes() {
    List<Map<String, String>> attrs = new ArrayList<>();
    rows.forEach(r -> attrs.add(r.attributes()));
    AttributeCaptioner.Vocabulary vocab = AttributeCaptioner.Vocabulary.fromAttributes(attrs);
    try (TrainedJointEncoder enc = TrainedJointEncoder.open(result.dir());
        AttributeCaptioner cap = new AttributeCaptioner(enc, vocab)) {
      List<Path> images = held.subList(0, 10).stream().map(EvalItem::image).toList();
      List<AttributeCaptioner.Attributes> a = cap.attributes(images);
      List<String> captions = cap.caption(images);
      assertEquals(10, captions.size());
      for (int i = 0; i < 10; i++) {
        assertTrue(vocab.articleTypes().contains(a.get(i).articleType()));
        assertTrue(vocab.colours().contains(a.get(i).colour()));
        assertEquals(AttributeCaptioner.phrase(a.get(i)), captions.get(i));
        assertTrue(captions.get(i).startsWith("a " + a.get(i).colour().toLowerCase(
            java.util.Locale.ROOT) + " "), captions.get(i));
      }
      assertEquals(captions, cap.caption(images), "deterministic");
      assertTrue(cap.id().startsWith("attribute:lensbench-joint-cnn64-"), cap.id());
    }
  }
}
