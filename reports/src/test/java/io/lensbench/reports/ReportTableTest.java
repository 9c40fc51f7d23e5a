package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTableTest {
  @TempDir Path tmp;

  @Test
  void csvAndJsonRoundTripAwkwardValues() throws Exception {
    ReportTable t = new ReportTable("x", "X", List.of("name", "value", "count"));
    String awkward = "a,\"b\"\n<c> 한";
    t.add(awkward, 0.5, 3);
    t.add("nan", Double.NaN, null);
    t.writeCsv(tmp.resolve("x.csv"));
    t.writeJson(tmp.resolve("x.json"), new ObjectMapper());

    List<CSVRecord> rows = records(tmp.resolve("x.csv"), List.of("name", "value", "count"));
    assertEquals(2, rows.size());
    assertEquals(awkward, rows.get(0).get("name"));
    assertEquals("0.5", rows.get(0).get("value"));
    assertEquals("", rows.get(1).get("value"), "NaN is an empty CSV field");

    JsonNode j = new ObjectMapper().readTree(tmp.resolve("x.json").toFile());
    assertEquals("x", j.get("name").asText());
    assertEquals(awkward, j.get("rows").get(0).get("name").asText());
    assertEquals(3, j.get("rows").get(0).get("count").asInt());
    assertTrue(j.get("rows").get(1).get("value").isNull(), "NaN is JSON null");
    assertTrue(j.get("rows").get(1).get("count").isNull());
  }

  @Test
  void formulaCellsAreNeutralisedInTheCsvOnly() throws Exception {
    ReportTable t = new ReportTable("x", "X", List.of("name", "value"));
    List<String> formulas = List.of("=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx");
    for (String f : formulas) {
      t.add(f, -0.25);
    }
    t.add("-0.05", 1);
    t.add("plain", 2);
    t.writeCsv(tmp.resolve("x.csv"));
    t.writeJson(tmp.resolve("x.json"), new ObjectMapper());
    List<CSVRecord> rows = records(tmp.resolve("x.csv"), List.of("name", "value"));
    for (int i = 0; i < formulas.size(); i++) {
      assertEquals("'" + formulas.get(i), rows.get(i).get("name"));
      assertEquals("-0.25", rows.get(i).get("value"), "numbers are numbers, never prefixed");
    }
    assertEquals("-0.05", rows.get(formulas.size()).get("name"), "a plain number in text stays a number");
    assertEquals("plain", rows.get(formulas.size() + 1).get("name"));
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("x.json").toFile());
    assertEquals(formulas.get(0), j.get("rows").get(0).get("name").asText(), "the JSON keeps the text");
  }

  /** The CSV's rows, after checking its header. */
  private static List<CSVRecord> records(Path csv, List<String> header) throws Exception {
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertEquals(header, p.getHeaderNames());
      return p.getRecords();
    }
  }

  @Test
  void rowWidthIsChecked() {
    ReportTable t = new ReportTable("x", "X", List.of("a", "b"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> t.add("only one"));
  }
}
