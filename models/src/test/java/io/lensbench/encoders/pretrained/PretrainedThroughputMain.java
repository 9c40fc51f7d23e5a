package io.lensbench.encoders.pretrained;

import io.lensbench.core.LensBenchHome;
import io.lensbench.encoders.TextEncoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Manual measurement (not a test) behind docs/encoders.md: texts/s of USE multilingual (one text
 * per call) and images/s of EfficientNet-Lite0 (decode + Pillow resize + inference, batches of
 * 32), with one and two calling threads, wall and process CPU, and the load average. Args:
 * IMAGE_DIR (its first 320 JPEGs).
 */
public final class PretrainedThroughputMain {
  private PretrainedThroughputMain() {}

  public static void main(String[] args) throws Exception {
    PretrainedModels m = PretrainedModels.require(LensBenchHome.resolve());
    List<String> texts = new ArrayList<>();
    String[] en = {"Men Blue Tshirts", "Women Black Handbags for casual wear", "Boys Red Sports Shoes"};
    String[] ko = {"남자 검정색 반팔티", "여성 블루 핸드백", "남아 빨간색 운동화"};
    for (int i = 0; i < 300; i++) {
      texts.add((i % 2 == 0 ? en[i % 3] : ko[i % 3]) + " " + i);
    }
    try (UseTextEncoder use = UseTextEncoder.open(m.model(PretrainedModels.USE))) {
      use.embed(texts.subList(0, 30), TextEncoder.Role.QUERY);
      for (int threads : new int[] {1, 2}) {
        measure("USE multilingual v3, one text per call", texts.size(), threads,
            part -> use.embed(part.stream().map(i -> texts.get(i)).toList(), TextEncoder.Role.QUERY));
      }
    }
    List<Path> images;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      images = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(320).toList();
    }
    try (EfficientNetLite0 net = EfficientNetLite0.open(m.model(PretrainedModels.EFFICIENTNET))) {
      net.embed(images.subList(0, 32));
      for (int threads : new int[] {1, 2}) {
        measure("EfficientNet-Lite0, decode + resize + batch 32", images.size(), threads,
            part -> net.embed(part.stream().map(images::get).toList()));
      }
    }
  }

  /** Splits 0..n-1 into `threads` contiguous parts run in parallel. */
  private static void measure(String what, int n, int threads, Consumer<List<Integer>> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Integer> part = new ArrayList<>();
      for (int i = t * n / threads; i < (t + 1) * n / threads; i++) {
        part.add(i);
      }
      done.add(pool.submit(() -> work.accept(part)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s, %d thread(s): %d in %.2f s = %.1f /s, process CPU %.2f ms"
        + " per item, load average %.1f%n", what, threads, n, s, n / s, (cpu() - cpu0) / 1e6 / n,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
