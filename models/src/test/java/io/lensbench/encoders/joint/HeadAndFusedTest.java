package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.fashion.Glossary;
import io.lensbench.encoders.CachedImageEncoder;
import io.lensbench.encoders.ImageEncoder;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.Vectors;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.Prepared;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bilingual joint models on frozen EfficientNet-Lite0 features, on a 500-item slice of the
 * default Kaggle source: a ridge head and a contrastive MLP head into USE are far above chance in
 * English and in Korean, reload to the same vectors, and an ensemble of the two opens as one model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadAndFusedTest {
  List<EvalItem> held;
  List<TrainExample> train;
  JointTrainer.Result ridge;
  JointTrainer.Result mlp;

  @BeforeAll
  void train(@TempDir Path tmp) throws Exception {
    PretrainedModels models = Prepared.models();
    List<FashionCsv.Row> rows = FashionCsv.read(FashionCsv.source("fashion-kaggle-default"), 500);
    Glossary g = Glossary.load();
    held = FashionCsv.heldOut(rows).stream().map(e -> new EvalItem(e.id(), e.image(), e.query(),
        e.articleType(), Map.of("ko", korean(g, rows, e.id())))).toList();
    train = FashionCsv.train(rows);
    try (TextEncoder use = TextEncoders.open(TextEncoders.USE_ID);
        ImageEncoder net = new CachedImageEncoder(EfficientNetLite0.open(
            models.model(PretrainedModels.EFFICIENTNET)), LensBenchHome.resolve().resolve("cache"))) {
      ridge = new HeadTrainer(HeadConfig.ridge(), System.out::println)
          .train(train, held, net, use, tmp.resolve("fashion-ridge"), Map.of("dataset", "slice"));
      mlp = new HeadTrainer(HeadConfig.mlp().withEpochs(4), System.out::println)
          .train(train, held, net, use, tmp.resolve("fashion-mlp"), Map.of("dataset", "slice"));
    }
  }

  private static String korean(Glossary g, List<FashionCsv.Row> rows, String id) {
    Map<String, String> a = rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()
        .attributes();
    return g.ko("gender", a.get("gender")) + " " + g.ko("baseColour", a.get("baseColour")) + " "
        + g.ko("articleType", a.get("articleType"));
  }

  @Test
  void headsAreFarAboveChanceInEnglishAndKorean() {
    for (JointTrainer.Result r : List.of(ridge, mlp)) {
      JointMetrics m = r.metrics();
      assertTrue(m.successAt10() > 4 * m.chanceSuccessAt10(), r.card().get("id") + " " + m);
      assertTrue(m.translated().get("ko").successAt10() > 2 * m.chanceSuccessAt10(), m.toString());
      Map<?, ?> card = r.card();
      assertTrue(String.valueOf(card.get("textEncoder")).matches("use-multilingual-v3@[0-9a-f]{12}"));
      assertTrue(String.valueOf(card.get("imageEncoder")).matches("efficientnet-lite0@[0-9a-f]{12}"));
      assertTrue(((Map<?, ?>) card.get("heldOut")).containsKey("success_at_10_ko"));
    }
  }

  @Test
  void aSavedHeadReloadsToTheSameVectors() {
    try (JointEncoder enc = JointEncoders.open(ridge.dir())) {
      assertEquals(ridge.card().get("id"), enc.id());
      assertEquals(512, enc.dimension());
      List<Path> images = held.stream().limit(5).map(EvalItem::image).toList();
      List<float[]> v = enc.embedImages(images);
      JointMetrics again = JointMetrics.evaluate(held,
          enc.embedImages(held.stream().map(EvalItem::image).toList()),
          ((HeadJointEncoder) enc).textEncoder());
      assertEquals(ridge.metrics().successAt10(), again.successAt10(), 1e-9);
      assertArrayEquals(v.get(2), enc.embedImages(List.of(images.get(2))).get(0));
      assertEquals(1.0, Vectors.dot(enc.embedImageText(images.get(0), "파란색"),
          enc.embedImageText(images.get(0), "파란색")), 1e-4);
    }
  }

  @Test
  void fineTuningStartsAtTheRidgeHeadAndReloads(@TempDir Path tmp) {
    List<EvalItem> few = held.subList(0, 16);
    try (TextEncoder use = TextEncoders.open(TextEncoders.USE_ID)) {
      JointTrainer.Result r = new FineTuneTrainer(new FineTuneTrainer.Config(1, 4, 1e-6f, 1e-4f,
          33.3f, 42L, 1), System.out::println).train(train.subList(0, 8), few,
          Prepared.models().model(PretrainedModels.EFFICIENTNET), ridge.dir(), use,
          tmp.resolve("fashion-finetuned"), Map.of());
      try (JointEncoder ridgeEnc = JointEncoders.open(ridge.dir());
          JointEncoder tuned = JointEncoders.open(r.dir())) {
        JointMetrics start = JointMetrics.evaluate(few,
            ridgeEnc.embedImages(few.stream().map(EvalItem::image).toList()), use);
        assertEquals(start.successAt10(), r.metrics().successAt10(), 0.1,
            "a tiny step from the ridge head keeps its quality");
        JointMetrics again = JointMetrics.evaluate(few,
            tuned.embedImages(few.stream().map(EvalItem::image).toList()), use);
        assertEquals(r.metrics().mrr(), again.mrr(), 1e-6, "reloads to the same vectors");
        Map<?, ?> timing = (Map<?, ?>) ((Map<?, ?>) r.card().get("training")).get("timing");
        assertEquals(1, ((Number) timing.get("batchesRun")).intValue());
      }
    }
  }

  @Test
  void anEnsembleOfBothOpensAsOneModel(@TempDir Path tmp) {
    Path dir = ridge.dir().resolveSibling("fashion-fused");
    JointTrainer.Result fused = FusedJointEncoder.build(List.of(ridge.dir(), mlp.dir()),
        new double[] {0.5, 0.5}, held, dir, Map.of(), System.out::println);
    assertTrue(fused.metrics().successAt10() > 4 * fused.metrics().chanceSuccessAt10());
    try (JointEncoder enc = JointEncoders.open(dir)) {
      assertEquals(fused.card().get("id"), enc.id());
      float[] v = enc.embedImages(List.of(held.get(0).image())).get(0);
      assertEquals(1.0, Vectors.dot(v, v), 1e-5);
    }
  }
}
