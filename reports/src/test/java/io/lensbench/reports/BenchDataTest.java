package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/summary.json (BenchSummary's format) and jmh.json parsing; model cards rendered compactly and escaped. */
class BenchDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsSummaryJsonInMillisecondsPreferringItOverJmh(@TempDir Path run) throws Exception {
    Files.createDirectories(run.resolve("bench"));
    Files.writeString(run.resolve("bench/summary.json"), "{\"profile\":\"quick\",\"latency\":[{\"benchmark\":\"SearchBenchmark.harness\","
        + "\"strategy\":\"joint\",\"store\":\"milvus\",\"k\":\"10\",\"threads\":1,\"samples\":500,\"p50\":900.0,\"p90\":1200.0,"
        + "\"p99\":2000.0,\"mean\":1000.0,\"unit\":\"us/op\",\"p99_9\":null}],"
        + "\"sweep\":[{\"strategy\":\"joint\",\"store\":\"milvus\",\"threads\":4,\"qps\":2100.5,\"p99_us\":3900.0,\"p50_us\":1900.0}],"
        + "\"indexing\":[{\"store\":\"milvus\",\"documents\":524,\"msPerRun\":2096.0,\"itemsPerSecond\":250.0}],"
        + "\"harnessOverhead\":[{\"strategy\":\"joint\",\"store\":\"milvus\",\"k\":\"10\",\"rawP50\":870.0,\"harnessP50\":900.0,"
        + "\"ratioP50\":1.0345,\"ratioMean\":1.02}],\"opensearchOverMilvus\":[]}");
    BenchData b = BenchData.load(run, JSON.readTree("[]"));
    assertEquals("bench/summary.json", b.source());
    BenchData.Lat l = b.latency().get(0);
    assertTrue(l.harness());
    assertEquals(2.0, l.p99Ms(), 1e-9);
    assertTrue(Double.isNaN(l.p999Ms()), "p99.9 null under 1,000 samples");
    assertEquals(3.9, b.sweep().get(0).p99Ms(), 1e-9);
    assertEquals(4, b.sweep().get(0).threads());
    assertEquals(250.0, b.indexing().get(0).itemsPerSecond(), 1e-9);
    assertEquals(1.0345, b.overhead().get(0).ratioP50(), 1e-9);
  }

  @Test
  void derivesLatencySweepAndOverheadFromJmhJson() throws Exception {
    String pct = "\"scorePercentiles\":{\"50.0\":%s,\"90.0\":1.5,\"99.0\":%s,\"99.9\":3.0}";
    JsonNode jmh = JSON.readTree("["
        + "{\"benchmark\":\"io.lensbench.benchmarks.SearchBenchmark.raw\",\"mode\":\"sample\",\"threads\":1,"
        + "\"params\":{\"strategy\":\"joint\",\"store\":\"opensearch\",\"k\":\"10\"},\"primaryMetric\":{\"score\":1.0,\"scoreUnit\":\"ms/op\","
        + String.format(java.util.Locale.ROOT, pct, "1.0", "2.0") + "}},"
        + "{\"benchmark\":\"io.lensbench.benchmarks.SearchBenchmark.harness\",\"mode\":\"sample\",\"threads\":1,"
        + "\"params\":{\"strategy\":\"joint\",\"store\":\"opensearch\",\"k\":\"10\"},\"primaryMetric\":{\"score\":1.1,\"scoreUnit\":\"ms/op\","
        + String.format(java.util.Locale.ROOT, pct, "1.05", "2.2") + "}},"
        + "{\"benchmark\":\"io.lensbench.benchmarks.SearchBenchmark.harness\",\"mode\":\"thrpt\",\"threads\":1,"
        + "\"params\":{\"strategy\":\"joint\",\"store\":\"opensearch\",\"k\":\"10\"},\"primaryMetric\":{\"score\":0.9,\"scoreUnit\":\"ops/ms\"}}]");
    BenchData b = BenchData.fromJmh(jmh);
    assertEquals(2, b.latency().size());
    assertEquals("SearchBenchmark.harness", b.latency().get(1).benchmark());
    assertEquals(2.2, b.latency().get(1).p99Ms(), 1e-9);
    assertEquals(900.0, b.sweep().get(0).qps(), 1e-9, "ops/ms → queries per second");
    assertEquals(2.2, b.sweep().get(0).p99Ms(), 1e-9, "sweep p99 from SampleTime at the same thread count");
    assertEquals(1.05, b.overhead().get(0).ratioP50(), 1e-9);
  }

  @Test
  void modelCardsAreCompactAndEscaped() throws Exception {
    JsonNode models = JSON.readTree("[{\"id\":\"default\",\"card\":{\"id\":\"joint-1\",\"kind\":\"joint <b>x</b>\",\"dimension\":384,"
        + "\"heldOut\":{\"mrr\":0.3546,\"chance_mrr\":0.02,\"definition\":\"q \\\"<script>alert(1)</script>\"},"
        + "\"limitations\":\"no <script>alert(2)</script> brands\",\"lossPerEpoch\":[4.1,3.2]}},"
        + "{\"id\":\"m2\",\"card\":\"plain text card\"}]");
    String html = ModelCards.render(models);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>x</b>"), html);
    assertTrue(html.contains("<b>mrr</b><span class=\"mono\">0.355</span>"), html);
    assertTrue(html.contains("<b>Limitations.</b> no &lt;script&gt;alert(2)&lt;/script&gt; brands"), html);
    assertTrue(html.contains("<details><summary>full card JSON</summary>"), "raw JSON collapsed");
    assertTrue(html.contains("plain text card"), "a card given as a string is shown");
  }
}
