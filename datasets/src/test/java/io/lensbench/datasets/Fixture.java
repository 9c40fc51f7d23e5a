package io.lensbench.datasets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A small valid dataset in the native layout, written into a test folder, that a test then
 * breaks in one way. Three items (a, b, c), one query set "q" with two queries.
 */
final class Fixture {
  final Path dir;

  Fixture(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("images"));
    for (String id : List.of("a", "b", "c", "q1")) {
      png(dir.resolve("images/" + id + ".png"), id.hashCode());
    }
    Files.writeString(dir.resolve("dataset.json"), """
        {"schemaVersion": 1, "name": "fixture", "searchSplit": "test"}
        """);
    corpus(List.of(item("a"), item("b"), item("c")));
    Files.writeString(dir.resolve("splits.tsv"), "item\tsplit\na\ttest\nb\ttest\nc\ttest\n");
    queries(List.of(
        "{\"id\":\"t1\",\"kind\":\"text\",\"language\":\"en\",\"text\":\"red shirt\",\"image\":null,\"attributes\":{},\"excludeIds\":[]}",
        "{\"id\":\"i1\",\"kind\":\"image\",\"language\":\"none\",\"text\":null,\"image\":\"images/q1.png\",\"attributes\":{},\"excludeIds\":[\"a\"]}"));
    qrels("t1 0 a 2\nt1 0 b 1\ni1 0 b 2\ni1 0 c 1\n");
  }

  static String item(String id) {
    return "{\"id\":\"" + id + "\",\"image\":\"images/" + id + ".png\",\"texts\":{\"name_en\":\"item " + id
        + "\"},\"attributes\":{\"colour\":\"red\"}}";
  }

  void corpus(List<String> lines) throws IOException {
    Files.write(dir.resolve("corpus.jsonl"), lines, StandardCharsets.UTF_8);
  }

  void queries(List<String> lines) throws IOException {
    Files.createDirectories(dir.resolve("queries"));
    Files.write(dir.resolve("queries/q.jsonl"), lines, StandardCharsets.UTF_8);
  }

  void qrels(String text) throws IOException {
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("qrels/q.qrels"), text, StandardCharsets.UTF_8);
  }

  List<String> lines(String rel) throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(rel), StandardCharsets.UTF_8));
  }

  static void png(Path file, int seed) throws IOException {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(seed & 0xFFFFFF));
    g.fillRect(0, 0, 8, 8);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}
