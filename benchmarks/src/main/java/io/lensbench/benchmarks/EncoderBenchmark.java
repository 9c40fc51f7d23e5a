package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.core.BadInputException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import io.lensbench.encoders.pretrained.PretrainedModels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Query encoding latency, one query per call as the runner encodes queries, per model ({@code
 * model}): a text through a text encoder ({@code text}: MiniLM, USE multilingual — ONNX Runtime);
 * an image through an image model ({@code image}: {@code joint} = the experiment's joint model,
 * decode + resize + image tower; {@code efficientnet-lite0} = the pretrained backbone's features).
 * No cache in the loop. Texts/s and images/s per stream are 10⁶ / mean µs (the summary's
 * {@code encoders} table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncoderBenchmark {
  /** The image model meaning "the experiment's joint model". */
  static final String JOINT = "joint";

  @Param({TextEncoders.DEFAULT_ID})
  public String model;

  private AutoCloseable opened;
  private Function<String, float[]> text;
  private Function<Path, float[]> image;
  private List<String> texts;
  private List<Path> images;
  private int nextText;
  private int nextImage;

  @Setup(Level.Trial)
  public void open() throws Exception {
    BenchFixture f = Fixtures.load();
    texts = f.texts();
    images = f.images();
    if (texts.isEmpty() || images.isEmpty()) {
      throw new BadInputException("bench fixture has no sample texts or images");
    }
    if (model.equals(JOINT)) {
      if (f.jointModel() == null) {
        throw new BadInputException("bench fixture names no trained joint model");
      }
      var joint = JointEncoders.open(f.jointModel());
      opened = joint;
      image = p -> joint.embedImages(List.of(p)).get(0);
    } else if (model.equals(EfficientNetLite0.NAME)) {
      var net = EfficientNetLite0.open(PretrainedModels.require(LensBenchHome.resolve())
          .model(PretrainedModels.EFFICIENTNET));
      opened = net;
      image = p -> net.embed(List.of(p)).get(0);
    } else {
      TextEncoder t = TextEncoders.open(model);
      opened = t;
      text = s -> t.embed(List.of(s), TextEncoder.Role.QUERY).get(0);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (opened != null) {
      opened.close();
    }
  }

  @Benchmark
  public float[] text() {
    if (text == null) {
      throw new BadInputException("model '" + model + "' is not a text encoder");
    }
    return text.apply(texts.get(nextText++ % texts.size()));
  }

  @Benchmark
  public float[] image() {
    if (image == null) {
      throw new BadInputException("model '" + model + "' is not an image model");
    }
    return image.apply(images.get(nextImage++ % images.size()));
  }
}
