package io.lensbench.datasets.fashion;

import io.lensbench.datasets.ImageCheck;
import io.lensbench.datasets.Problems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Kaggle fashion layout: {@code items.csv} (id, gender, masterCategory, subCategory,
 * articleType, baseColour, season, year, usage, productDisplayName[, source]) and
 * {@code images/<id>.jpg} (plus {@code images_224/<id>.jpg} where present). Problems (duplicate
 * ids, missing or undecodable images, empty names, missing required attributes) are reported with
 * line numbers; the rows with problems are not returned.
 */
public final class KaggleFashionLoader {
  public static final String ITEMS = "items.csv";
  static final List<String> REQUIRED = List.of("id", "gender", "masterCategory", "subCategory",
      "articleType", "baseColour", "season", "year", "usage", "productDisplayName");
  /** Attributes copied onto items, in this order. */
  public static final List<String> ATTRIBUTES = List.of("gender", "masterCategory", "subCategory",
      "articleType", "baseColour", "season", "year", "usage");
  static final List<String> MUST_HAVE = List.of("gender", "masterCategory", "subCategory", "articleType");

  private final boolean checkImages;

  public KaggleFashionLoader(boolean checkImages) {
    this.checkImages = checkImages;
  }

  public List<FashionItem> load(Path sourceDir, Problems problems) {
    Path csv = sourceDir.resolve(ITEMS);
    String file = sourceDir.getFileName() + "/" + ITEMS;
    List<FashionItem> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    ImageCheck images = new ImageCheck();
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, fmt)) {
      List<String> missing = REQUIRED.stream().filter(c -> !p.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(file, 1, "", "missing columns " + missing + " (expected " + REQUIRED + ")");
        return out;
      }
      for (CSVRecord rec : p) {
        int line = (int) rec.getRecordNumber() + 1;
        if (!rec.isConsistent()) {
          problems.add(file, line, "", String.format(Locale.ROOT,
              "expected %d columns, found %d", p.getHeaderMap().size(), rec.size()));
          continue;
        }
        String id = rec.get("id").strip();
        if (id.isEmpty()) {
          problems.add(file, line, "", "empty id");
          continue;
        }
        Integer first = seen.putIfAbsent(id, line);
        if (first != null) {
          problems.add(file, line, id, String.format(Locale.ROOT,
              "duplicate item id '%s' (first on line %d)", id, first));
          continue;
        }
        boolean valid = true;
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String a : ATTRIBUTES) {
          String v = rec.get(a).strip();
          if (!v.isEmpty() && !v.equals("NA")) {
            attrs.put(a, v);
          }
        }
        for (String a : MUST_HAVE) {
          if (!attrs.containsKey(a)) {
            problems.add(file, line, id, "empty " + a);
            valid = false;
          }
        }
        String name = rec.get("productDisplayName").strip();
        if (name.isEmpty()) {
          problems.add(file, line, id, "empty text: productDisplayName");
          valid = false;
        }
        String image = "images/" + id + ".jpg";
        if (checkImages) {
          String prob = images.problem(sourceDir.resolve(image));
          if (prob != null) {
            problems.add(file, line, id, prob);
            valid = false;
          }
        } else if (!Files.isRegularFile(sourceDir.resolve(image))) {
          problems.add(file, line, id, "image file not found: " + sourceDir.resolve(image));
          valid = false;
        }
        String image224 = "images_224/" + id + ".jpg";
        if (!Files.isRegularFile(sourceDir.resolve(image224))) {
          image224 = null;
        } else if (checkImages && images.problem(sourceDir.resolve(image224)) != null) {
          problems.add(file, line, id, images.problem(sourceDir.resolve(image224)));
          valid = false;
        }
        if (valid) {
          out.add(new FashionItem(line, id, name, attrs, image, image224));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(file, 0, "", "cannot read " + csv + ": " + e.getMessage());
    }
    return out;
  }
}
