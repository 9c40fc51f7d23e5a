package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.core.BadInputException;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.joint.TrainedJointEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Query encoding latency, one query per call as the runner encodes queries: a text through the
 * text encoder (ONNX Runtime), an image through the trained joint model's image tower (decode +
 * resize + CNN). No cache in the loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncoderBenchmark {
  private TextEncoder text;
  private TrainedJointEncoder joint;
  private List<String> texts;
  private List<Path> images;
  private int nextText;
  private int nextImage;

  @Setup(Level.Trial)
  public void open() {
    BenchFixture f = Fixtures.load();
    texts = f.texts();
    images = f.images();
    if (texts.isEmpty() || images.isEmpty()) {
      throw new BadInputException("bench fixture has no sample texts or images");
    }
    text = TextEncoders.open(f.textEncoder() == null ? TextEncoders.DEFAULT_ID : f.textEncoder());
    if (f.jointModel() != null) {
      joint = TrainedJointEncoder.open(f.jointModel());
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (text != null) {
      text.close();
    }
    if (joint != null) {
      joint.close();
    }
  }

  @Benchmark
  public float[] text() {
    String t = texts.get(nextText++ % texts.size());
    return text.embed(List.of(t), TextEncoder.Role.QUERY).get(0);
  }

  @Benchmark
  public float[] image() {
    if (joint == null) {
      throw new BadInputException("bench fixture names no trained joint model");
    }
    Path p = images.get(nextImage++ % images.size());
    return joint.embedImages(List.of(p)).get(0);
  }
}
