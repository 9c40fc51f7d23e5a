package io.lensbench.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import io.lensbench.core.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner-facing entry point writes the documented JSON and returns the means. */
class ScoreCellTest {
  @TempDir Path dir;

  @Test
  void scoreCellWritesMetricsJsonWithSlicesAndReturnsMeans() throws Exception {
    Query text = new Query("q-1", QueryKind.TEXT, "en", "red dress", null, Map.of("granularity", "fine"), Set.of());
    Query image = new Query("q-2", QueryKind.IMAGE, "none", null, Path.of("/x.jpg"), Map.of(), Set.of("9"));
    Qrels qrels = new Qrels(Map.of("q-1", Map.of("a", 2), "q-2", Map.of("b", 1)));
    QuerySet qs = new QuerySet("text-en", List.of(text, image), qrels);
    Map<String, List<SearchHit>> run = Map.of("q-1", List.of(new SearchHit("a", 0.9),
        new SearchHit("c", 0.5)), "q-2", List.of(new SearchHit("c", 0.8), new SearchHit("b", 0.7)));
    Path file = dir.resolve("metrics/fashion.text-en.joint.milvus.json");
    Map<String, Double> means = Scoring.scoreCell("fashion.text-en.joint.milvus", qs, run, file,
        ScoreOptions.defaults());
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
}
