package io.lensbench.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.DataRoot;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The glossary has a Korean term for every catalogue value of both sources; a missing term fails. */
class GlossaryCoverageTest {
  static final List<String> FIELDS = List.of("gender", "masterCategory", "subCategory", "articleType",
      "baseColour", "usage", "season");

  @ParameterizedTest
  @ValueSource(strings = {"fashion-kaggle-default", "fashion-kaggle-9k"})
  void everyValueHasAKoreanTerm(String source) throws Exception {
    Path dir = TestData.source(source);
    Glossary g = Glossary.load();
    Set<String> missing = new TreeSet<>();
    int values = 0;
    CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    try (Reader r = Files.newBufferedReader(dir.resolve("items.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, fmt)) {
      Set<String> seen = new TreeSet<>();
      for (CSVRecord rec : p) {
        for (String f : FIELDS) {
          String v = rec.get(f).strip();
          if (v.isEmpty() || v.equals("NA")) {
            continue; // catalogue markers for "no value" (docs/datasets.md)
          }
          if (seen.add(f + "=" + v)) {
            values++;
            if (!g.has(f, v) || g.ko(f, v).isBlank() || !g.ko(f, v).codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)) {
              missing.add(f + " '" + v + "'");
            }
          }
        }
      }
    }
    assertEquals(Set.of(), missing, "glossary terms missing (or not Hangul) for " + source);
    assertTrue(values > 100, "expected over 100 distinct catalogue values in " + source + ", found " + values);
  }

  static final class TestData {
    static Path source(String name) {
      return DataRoot.fromEnvironment(null).locate(name, "items.csv");
    }
  }
}
