package io.lensbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.bench.BenchFixture;
import io.lensbench.encoders.TextEncoders;
import io.lensbench.encoders.pretrained.EfficientNetLite0;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs LensBench's JMH benchmarks against a fixture written by {@code lensbench bench}, in one of
 * two profiles, and writes {@code jmh.json} (every JMH result, JMH's own JSON format, merged into
 * one array) and {@code summary.json} (the latency table, the concurrency sweep, indexing
 * throughput and the harness-overhead ratios) into the output folder.
 *
 * <pre>
 * java -cp ... io.lensbench.benchmarks.BenchMain --fixture F --out DIR [--profile quick|full]
 * </pre>
 */
public final class BenchMain {

  /** Timing knobs of a profile. */
  record Profile(
      String name, int forks, int warmupIterations, TimeValue warmupTime,
      int measurementIterations, TimeValue measurementTime, List<Integer> ks,
      List<Integer> threads, int indexingIterations) {

    static Profile of(String name) {
      return switch (name) {
        case "quick" -> new Profile("quick", 1, 1, TimeValue.seconds(1), 2, TimeValue.seconds(1),
            List.of(10), List.of(1, 2, 4, 8), 2);
        case "full" -> new Profile("full", 2, 3, TimeValue.seconds(2), 5, TimeValue.seconds(5),
            List.of(10, 100), List.of(1, 2, 4, 8), 5);
        default -> throw new IllegalArgumentException(
            "unknown profile '" + name + "' (expected quick or full)");
      };
    }
  }

  private final Path fixtureFile;
  private final BenchFixture fixture;
  private final Profile profile;
  private final Path out;
  private final List<Path> jsonParts = new ArrayList<>();

  BenchMain(Path fixtureFile, Profile profile, Path out) {
    this.fixtureFile = fixtureFile.toAbsolutePath();
    this.fixture = BenchFixture.read(this.fixtureFile);
    this.profile = profile;
    this.out = out.toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    Path fixture = null;
    Path out = null;
    String profile = "quick";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fixture" -> fixture = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--profile" -> profile = args[++i];
        default -> {
          System.err.println("BenchMain: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    if (fixture == null || out == null) {
      System.err.println("usage: BenchMain --fixture FILE --out DIR [--profile quick|full]");
      System.exit(2);
    }
    new BenchMain(fixture, Profile.of(profile), out).runAll();
  }

  private ChainedOptionsBuilder base(String include, String part) {
    Path json = out.resolve("parts").resolve(part + ".json");
    jsonParts.add(json);
    return new OptionsBuilder()
        .include(include)
        .forks(profile.forks())
        .warmupIterations(profile.warmupIterations())
        .warmupTime(profile.warmupTime())
        .measurementIterations(profile.measurementIterations())
        .measurementTime(profile.measurementTime())
        .jvmArgsAppend(
            "-D" + Fixtures.FIXTURE_PROPERTY + "=" + fixtureFile,
            "-Dai.djl.offline=true",
            "-Djava.awt.headless=true",
            "-Xmx2g")
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString());
  }

  void runAll() throws IOException, RunnerException {
    Files.createDirectories(out.resolve("parts"));
    Set<String> strategies = new LinkedHashSet<>();
    Set<String> stores = new LinkedHashSet<>();
    fixture.cells().forEach(c -> {
      strategies.add(c.strategy());
      stores.add(c.store());
    });
    String[] ks = profile.ks().stream().map(String::valueOf).toArray(String[]::new);
    List<RunResult> all = new ArrayList<>();

    // 1. search latency per strategy × store × k: raw store calls vs the harness path
    all.addAll(new Runner(base(SearchBenchmark.class.getName() + "\\.(raw|harness)$", "search")
        .param("strategy", strategies.toArray(String[]::new))
        .param("store", stores.toArray(String[]::new))
        .param("k", ks)
        .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
        .build()).run());

    // 2. concurrency sweep: QPS from wall time (Throughput mode, summed over threads) and
    //    p99 (SampleTime) at 1, 2, 4, 8 client threads, first strategy, every store
    String sweepStrategy = strategies.iterator().next();
    for (int t : profile.threads()) {
      all.addAll(new Runner(base(SearchBenchmark.class.getName() + "\\.harness$", "sweep-qps-t" + t)
          .param("strategy", sweepStrategy)
          .param("store", stores.toArray(String[]::new))
          .param("k", "10")
          .threads(t)
          .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
          .build()).run());
      if (t == 1 && profile.ks().contains(10)) {
        continue; // p99 at one thread is the search run's own SampleTime result
      }
      all.addAll(new Runner(base(SearchBenchmark.class.getName() + "\\.harness$", "sweep-lat-t" + t)
          .param("strategy", sweepStrategy)
          .param("store", stores.toArray(String[]::new))
          .param("k", "10")
          .threads(t)
          .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
          .build()).run());
    }

    // 3. fusion cost on real lists (client-side fusion strategies only)
    String fusionStrategy = fixture.rings().keySet().stream()
        .filter(s -> fixture.ring(s).get(0).plan().searches().size() > 1
            && !fixture.ring(s).get(0).plan().fusion().mode().isNative())
        .findFirst().orElse(null);
    if (fusionStrategy != null) {
      all.addAll(new Runner(base(FusionBenchmark.class.getName(), "fusion")
          .param("strategy", fusionStrategy)
          .param("store", stores.iterator().next())
          .build()).run());
    }

    // 4. encoders per model (texts and images one per call), 5. rerank client overhead against
    //    the fake endpoint
    Set<String> textModels = new LinkedHashSet<>(List.of(fixture.textEncoder(), TextEncoders.USE_ID));
    all.addAll(new Runner(base(EncoderBenchmark.class.getName() + "\\.text$", "encoders-text")
        .param("model", textModels.toArray(String[]::new)).build()).run());
    List<String> imageModels = fixture.jointModel() == null ? List.of(EfficientNetLite0.NAME)
        : List.of(EncoderBenchmark.JOINT, EfficientNetLite0.NAME);
    all.addAll(new Runner(base(EncoderBenchmark.class.getName() + "\\.image$", "encoders-image")
        .param("model", imageModels.toArray(String[]::new)).build()).run());
    all.addAll(new Runner(base(RerankClientBenchmark.class.getName(), "rerank").build()).run());

    // 6. indexing throughput per store
    if (fixture.indexDocs() != null) {
      all.addAll(new Runner(base(IndexingBenchmark.class.getName(), "indexing")
          .param("store", stores.toArray(String[]::new))
          .warmupIterations(1)
          .measurementIterations(profile.indexingIterations())
          .build()).run());
    }

    mergeJson();
    Files.writeString(out.resolve("summary.json"), BenchSummary.build(all, fixture, profile.name()));
    System.out.println(BenchSummary.table(all, fixture));
  }

  private void mergeJson() throws IOException {
    ObjectMapper m = new ObjectMapper();
    ArrayNode merged = m.createArrayNode();
    for (Path p : jsonParts) {
      if (Files.isRegularFile(p)) {
        JsonNode n = m.readTree(p.toFile());
        n.forEach(merged::add);
      }
    }
    m.writerWithDefaultPrettyPrinter().writeValue(out.resolve("jmh.json").toFile(), merged);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static ObjectNode node() {
    return new ObjectMapper().createObjectNode();
  }

  static Collection<RunResult> none() {
    return List.of();
  }
}
