package io.lensbench.reports;

import io.lensbench.testkit.SyntheticRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void rendersSelfContainedEscapedReportWithTables() throws Exception {
    Path run = SyntheticRun.create(tmp.resolve("run-a"), 0);
    Path html = ReportWriter.write(run, ReportOptions.defaults().withMaxDrilldown(12)); // every query: probes included
    assertEquals(run.resolve("report.html"), html);
    String page = Files.readString(html, StandardCharsets.UTF_8);

    // probes appear only escaped
    assertFalse(page.contains("<script>alert(1)</script>"), "raw query probe in HTML");
    assertFalse(page.contains("<img src=x"), "raw name probe in HTML");
    assertFalse(page.contains("window.__xss=2</script>"), "raw script probe in HTML");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped query text shown");
    assertTrue(page.contains("Probe &quot;&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"), "escaped name probe shown");
    assertEquals(2, count(page, "<script"), "only the JSON data block and report.js are scripts");
    // no external references of any kind
    String noNs = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String bad : List.of("http:", "https:", "src=\"", "href=\"//", "@import", "url(http", "file:")) {
      assertFalse(noNs.contains(bad), "external reference '" + bad + "'");
    }
    assertTrue(page.contains("Content-Security-Policy"));
    assertTrue(page.contains("data:image/jpeg;base64,"), "thumbnails embedded");
    assertTrue(page.contains("R@K"), "success@k named as CLIP's R@K");
    assertTrue(page.contains(Look.JOINT_NOTE.substring(0, 40)), "joint-model note");
    assertTrue(page.contains("glossary-derived"), "Korean glossary note");

    // tables: CSV and JSON with matching row counts
    Path tables = run.resolve("tables");
    for (String t : List.of("headline", "overview", "slices", "significance", "rerank", "parity", "latency", "jmh",
        "quality_latency")) {
      assertTrue(Files.isRegularFile(tables.resolve(t + ".csv")), t + ".csv");
      assertTrue(Files.isRegularFile(tables.resolve(t + ".json")), t + ".json");
    }
    List<CSVRecord> overview;
    try (CSVParser p = CSVParser.parse(tables.resolve("overview.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
      overview = p.getRecords();
    }
    assertEquals(35, overview.size(), "5 query sets × 7 cells");
    JsonNode json = new ObjectMapper().readTree(tables.resolve("overview.json").toFile());
    assertEquals(35, json.get("rows").size());
    JsonNode sig = new ObjectMapper().readTree(tables.resolve("significance.json").toFile());
    // per query set: milvus 4 systems → 6 pairs, opensearch 3 → 3 pairs
    assertEquals(5 * 9, sig.get("rows").size());
    for (JsonNode r : sig.get("rows")) {
      assertTrue(r.get("p_holm").asDouble() >= r.get("p").asDouble(), "Holm never lowers a p-value");
    }
    JsonNode rerank = new ObjectMapper().readTree(tables.resolve("rerank.json").toFile());
    assertEquals(5, rerank.get("rows").size());
    assertEquals("fail-open", rerank.get("rows").get(0).get("policy").asText());
  }

  @Test
  void comparisonModeWritesDeltasAndSignificance() throws Exception {
    Path a = SyntheticRun.create(tmp.resolve("run-a"), 0);
    Path b = SyntheticRun.create(tmp.resolve("run-b"), 2);
    Path html = ReportWriter.write(a, ReportOptions.defaults().withCompareTo(b));
    assertEquals(a.resolve("compare-run-b.html"), html);
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("id=\"comparison\""));
    JsonNode cmp = new ObjectMapper().readTree(a.resolve("tables").resolve("compare-delta.json").toFile());
    assertTrue(cmp.get("rows").size() > 0);
    boolean anyDelta = false;
    for (JsonNode r : cmp.get("rows")) {
      if (r.get("cell").asText().contains("text-dense") && Math.abs(r.get("delta").asDouble()) > 0) {
        anyDelta = true;
      }
      if (r.get("cell").asText().contains(".joint.")) {
        assertEquals(0.0, r.get("delta").asDouble(), 1e-12, "unchanged strategy has no delta");
      }
    }
    assertTrue(anyDelta, "the changed strategy shows a delta");
  }

  @Test
  void missingMetricsIsBadInputNamingTheFolder() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.lensbench.core.BadInputException.class,
        () -> ReportWriter.write(tmp.resolve("empty"), ReportOptions.defaults()));
    assertTrue(e.getMessage().contains("metrics/<cell>.json"), e.getMessage());
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
