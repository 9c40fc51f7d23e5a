package io.lensbench.encoders.joint;

import io.lensbench.core.Hashing;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-side reader of the shared Kaggle fashion sources (items.csv + images/), read in place. The
 * held-out split is deterministic: an item is held out when the first byte of SHA-256(id) is
 * below 20 % of 256.
 */
final class FashionCsv {
  record Row(String id, Path image, Map<String, String> attributes) {
    boolean heldOut() {
      return (Integer.parseInt(Hashing.sha256Hex(id).substring(0, 2), 16)) < 51;
    }
  }

  static final Path SHARED = Path.of("/work/shared/datasets");

  static Path source(String name) {
    Path dir = SHARED.resolve(name);
    if (!Files.isRegularFile(dir.resolve("items.csv"))) {
      throw new IllegalStateException("precondition: shared dataset " + dir
          + "/items.csv is missing (see docs/datasets.md)");
    }
    return dir;
  }

  static List<Row> read(Path dir, int limit) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(dir.resolve("items.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .build().parse(r)) {
        Path img = dir.resolve("images").resolve(rec.get("id") + ".jpg");
        if (!Files.isRegularFile(img)) {
          continue;
        }
        Map<String, String> a = new HashMap<>(rec.toMap());
        rows.add(new Row(rec.get("id"), img, a));
        if (limit > 0 && rows.size() >= limit) {
          break;
        }
      }
    }
    return rows;
  }

  static List<TrainExample> train(List<Row> rows) {
    return rows.stream().filter(r -> !r.heldOut())
        .map(r -> new TrainExample(r.id(), r.image(), JointTrainer.describe(r.attributes()),
            r.attributes().get("articleType")))
        .toList();
  }

  static List<EvalItem> heldOut(List<Row> rows) {
    return rows.stream().filter(Row::heldOut)
        .map(r -> new EvalItem(r.id(), r.image(), JointTrainer.attributeQuery(r.attributes()),
            r.attributes().get("articleType")))
        .toList();
  }
}
