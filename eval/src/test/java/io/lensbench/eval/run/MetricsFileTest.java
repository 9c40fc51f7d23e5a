package io.lensbench.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.ScoreOptions;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.metrics.Scoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics/&lt;cell&gt;.json: the runner's writer gives the documented JSON; the one reader reads it back. */
class MetricsFileTest {
  @TempDir Path dir;

  private static QuerySet querySet() {
    Query text = new Query("q-1", QueryKind.TEXT, "en", "red dress", null, Map.of("granularity", "fine"), Set.of());
    Query image = new Query("q-2", QueryKind.IMAGE, "none", null, Path.of("/x.jpg"), Map.of(), Set.of("9"));
    Qrels qrels = new Qrels(Map.of("q-1", Map.of("a", 2), "q-2", Map.of("b", 1)));
    return new QuerySet("text-en", List.of(text, image), qrels);
  }

  private static CellMetrics scored() {
    QuerySet qs = querySet();
    Map<String, List<SearchHit>> run = Map.of("q-1", List.of(new SearchHit("a", 0.9),
        new SearchHit("c", 0.5)), "q-2", List.of(new SearchHit("c", 0.8), new SearchHit("b", 0.7)));
    return Scoring.score(qs.qrels(), run, Scoring.attributesOf(qs.queries()), ScoreOptions.defaults());
  }

  @Test
  void writesMetricsJsonWithSlicesAndReadsBackTheMeans() throws Exception {
    Path file = dir.resolve("metrics/fashion.text-en.joint.milvus.json");
    MetricsFile.write(file, scored(), "fashion.text-en.joint.milvus");
    Map<String, Double> means = new RunDirectory(dir).means(CellId.parse("fashion.text-en.joint.milvus"));
    assertEquals(0.75, means.get("mrr"));
    assertEquals(1.0, means.get("recall_at_10"));
    assertEquals(0.5, means.get("success_at_1"));
    JsonNode j = new ObjectMapper().readTree(Files.readString(file));
    assertEquals("joint", j.get("strategy").asText());
    assertTrue(j.get("reranker").isNull());
    assertEquals(1, j.at("/slices/kind=text/numQueries").asInt());
    assertEquals(1.0, j.at("/slices/kind=text/summary/mrr/mean").asDouble());
    assertEquals(0.5, j.at("/slices/kind=image/summary/mrr/mean").asDouble());
    assertEquals(1, j.at("/slices/language=none/numQueries").asInt());
    assertEquals(0, j.at("/perQuery/q-1/ties_at_1").asInt());
    assertEquals(42, j.at("/bootstrap/seed").asInt());
  }

  @Test
  void readingBackGivesTheScoresTheRunnerComputed() {
    CellMetrics m = scored();
    Path file = MetricsFile.write(dir.resolve("m.json"), m, "fashion.text-en.joint.milvus");
    ScoredCell back = MetricsFile.read(file);
    ScoredCell direct = m.toScoredCell("fashion.text-en.joint.milvus");
    assertEquals(direct.cell(), back.cell());
    assertEquals(direct.queryIds(), back.queryIds());
    assertEquals(direct.means(), back.means());
    assertEquals(direct.summary().cis(), back.summary().cis());
    assertEquals(direct.summary().totals(), back.summary().totals());
    assertEquals(direct.perQuery().keySet(), back.perQuery().keySet());
    direct.perQuery().forEach((k, v) -> assertEquals(List.of(box(v)), List.of(box(back.perQuery().get(k))), k));
    assertEquals(1.0, back.value("q-1", "mrr"));
    assertTrue(Double.isNaN(back.value("q-9", "mrr")));
  }

  @Test
  void anyRunNameIsWrittenWithoutCellParts() throws Exception {
    JsonNode j = new ObjectMapper().readTree(MetricsFile.toJson(scored(), "my-run"));
    assertEquals("my-run", j.get("cell").asText());
    assertTrue(j.get("dataset").isNull());
    assertTrue(j.get("store").isNull());
  }

  @Test
  void readsBareNumbersAndPartialPerQueryValues() throws Exception {
    Path f = dir.resolve("fashion.text-en.bm25.opensearch.json");
    Files.writeString(f, "{\"summary\":{\"ndcg_at_10\":0.5,\"mrr\":{\"mean\":0.4,\"ciLow\":0.3,\"ciHigh\":0.5}},"
        + "\"perQuery\":{\"q1\":{\"ndcg_at_10\":0.5},\"q2\":{\"ndcg_at_10\":0.7,\"mrr\":1}}}");
    ScoredCell c = MetricsFile.read(f);
    assertEquals("fashion.text-en.bm25.opensearch", c.cell(), "named by the file");
    assertEquals(2, c.numQueries());
    assertFalse(c.summary().ci("ndcg_at_10").isDefined());
    assertTrue(c.summary().ci("mrr").isDefined());
    assertEquals(Set.of("ndcg_at_10"), c.perQuery().keySet(), "mrr is missing for q1");
  }

  @Test
  void malformedFilesNameTheFileAndField() throws Exception {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"perQuery\":{}}");
    assertTrue(assertThrows(BadInputException.class, () -> MetricsFile.read(f)).getMessage().contains("'summary'"));
    Files.writeString(f, "{\"summary\":{\"mrr\":{\"mean\":\"high\"}}}");
    String msg = assertThrows(BadInputException.class, () -> MetricsFile.read(f)).getMessage();
    assertTrue(msg.contains("x.json") && msg.contains("summary.mrr.mean"), msg);
  }

  private static Double[] box(double[] v) {
    return java.util.Arrays.stream(v).boxed().toArray(Double[]::new);
  }
}
