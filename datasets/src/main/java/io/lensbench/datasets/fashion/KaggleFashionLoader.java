package io.lensbench.datasets.fashion;

import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import io.lensbench.core.Names;
import io.lensbench.datasets.ImageCheck;
import io.lensbench.datasets.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  /** The largest items.csv read: 256 MiB (the 9k source's is 1.5 MB). */
  static final long MAX_BYTES = 256L << 20;

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
    Set<Integer> unreadable = new HashSet<>();
    String text = readText(csv, file, problems, unreadable);
    if (text == null) {
      return out;
    }
    try (CSVParser p = CSVParser.parse(text, fmt)) {
      List<String> missing = REQUIRED.stream().filter(c -> !p.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(file, 1, "", "missing columns " + missing + " (expected " + REQUIRED + ")");
        return out;
      }
      for (CSVRecord rec : p) {
        int line = (int) rec.getRecordNumber() + 1;
        if (unreadable.contains(line)) {
          continue; // listed already
        }
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
        if (Names.idProblem(id) != null) {
          problems.add(file, line, "", Names.idMessage("item", id));
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

  /**
   * The file as text, read line by line as strict UTF-8 with a cap per line and on the whole
   * file; a line that cannot be read is a problem and stands as an empty field in the text (so
   * the lines after it keep their numbers), its number put in {@code unreadable}.
   */
  private static String readText(Path csv, String file, Problems problems, Set<Integer> unreadable) {
    try {
      if (Files.size(csv) > MAX_BYTES) {
        problems.add(file, 0, "", String.format(Locale.ROOT, "expected at most %,d bytes, found %,d",
            MAX_BYTES, Files.size(csv)));
        return null;
      }
    } catch (IOException e) {
      problems.add(file, 0, "", "cannot read " + csv + ": " + e.getMessage());
      return null;
    }
    StringBuilder text = new StringBuilder();
    try {
      BoundedText.eachLine(csv, BoundedText.MAX_LINE_BYTES, (line, n) -> text.append(line).append('\n'),
          (n, problem) -> {
            problems.add(file, n, "", problem);
            unreadable.add(n);
            text.append("\"\"\n");
          });
    } catch (BadInputException e) {
      problems.add(file, 0, "", "cannot read: " + e.getMessage());
      return null;
    }
    return text.toString();
  }
}
