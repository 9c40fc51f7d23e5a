package io.lensbench.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small real product photos (60x80 JPEG) from the shared Kaggle fashion dataset, read in place.
 * Location: system property {@code lensbench.datasets}, env {@code LENSBENCH_DATASETS}, else the
 * first {@code shared/datasets} found walking up from the working directory. Missing data fails
 * the test naming the precondition.
 */
public final class TestImages {
  private TestImages() {}

  /** One catalogue row: id, image, product name. */
  public record Row(String id, Path image, String name) {}

  public static Path datasetDir() {
    String p = System.getProperty("lensbench.datasets");
    if (p == null || p.isBlank()) {
      p = System.getenv("LENSBENCH_DATASETS");
    }
    if (p == null || p.isBlank()) {
      p = "/work/shared/datasets";
      for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
        if (Files.isDirectory(d.resolve("shared/datasets/fashion-kaggle-default"))) {
          p = d.resolve("shared/datasets").toString();
          break;
        }
      }
    }
    Path dir = Path.of(p, "fashion-kaggle-default");
    if (!Files.isRegularFile(dir.resolve("items.csv"))) {
      fail("precondition: the Kaggle fashion dataset must be at " + dir
          + " (items.csv + images/); set -Dlensbench.datasets or LENSBENCH_DATASETS");
    }
    return dir;
  }

  /** The first {@code n} rows of items.csv whose name has no comma or quote, with their images. */
  public static List<Row> rows(int n) {
    Path dir = datasetDir();
    List<Row> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(dir.resolve("items.csv"), StandardCharsets.UTF_8);
      String[] header = lines.get(0).split(",");
      int nameCol = List.of(header).indexOf("productDisplayName");
      for (String line : lines.subList(1, lines.size())) {
        if (line.contains("\"")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != header.length) {
          continue;
        }
        Path img = dir.resolve("images").resolve(f[0] + ".jpg");
        if (Files.isRegularFile(img)) {
          out.add(new Row(f[0], img, f[nameCol]));
        }
        if (out.size() == n) {
          return out;
        }
      }
    } catch (IOException e) {
      fail("precondition: cannot read " + dir.resolve("items.csv") + ": " + e);
    }
    fail("precondition: expected " + n + " items with images in " + dir + ", found " + out.size());
    return out;
  }
}
