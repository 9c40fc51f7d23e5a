package io.lensbench.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Qrels;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.datasets.QuerySet;
import io.lensbench.eval.run.QueryRecord.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path tmp;

  @Test
  void cellIdsRoundTrip() {
    CellId plain = new CellId("fashion", "text-en", "multivector-rrf", "milvus", null);
    CellId reranked = new CellId("fashion", "image", "joint", "opensearch", "llm-listwise");
    assertEquals("fashion.text-en.multivector-rrf.milvus", plain.toString());
    assertEquals("fashion.image.joint.opensearch.llm-listwise", reranked.toString());
    assertEquals(plain, CellId.parse(plain.toString()));
    assertEquals(reranked, CellId.parse(reranked.toString()));
    assertEquals(reranked.firstStage(), new CellId("fashion", "image", "joint", "opensearch", null));
    assertTrue(CellId.tryParse("my-run").isEmpty());
    BadInputException e = assertThrows(BadInputException.class, () -> CellId.parse("a.b"));
    assertTrue(e.getMessage().contains("expected <dataset>.<queryset>.<strategy>.<store>[.<reranker>], found 2"),
        e.getMessage());
  }

  @Test
  void recordsAreWrittenAsDocumentedAndReadBack() {
    RunDirectory dir = new RunDirectory(tmp);
    CellId cell = CellId.parse("d.qs.s.milvus.llm");
    Map<String, Object> rerank = new TreeMap<>(Map.of("policy", "fail-open", "dropped", 1, "malformed", false));
    QueryRecord r = new QueryRecord("q1", List.of(new SearchHit("b", 2.0), new SearchHit("a", 1.0)),
        List.of(new SearchHit("a", 0.9), new SearchHit("b", 0.8)), Timing.of(1.00049, 2.5, 0.1, 3.0), rerank);
    Query q1 = new Query("q1", QueryKind.TEXT, "en", "x", null, Map.of(), Set.of());
    Query q2 = new Query("q2", QueryKind.TEXT, "en", "y", null, Map.of(), Set.of());
    dir.writeCell(cell, List.of(q1, q2), List.of(r));
    String line = "{\"query\":\"q1\",\"hits\":[{\"id\":\"b\",\"score\":2.0},{\"id\":\"a\",\"score\":1.0}],"
        + "\"firstStage\":[{\"id\":\"a\",\"score\":0.9},{\"id\":\"b\",\"score\":0.8}],"
        + "\"timingMs\":{\"encode\":1.0,\"search\":2.5,\"fuse\":0.1,\"rerank\":3.0,\"total\":6.6},"
        + "\"rerank\":{\"dropped\":1,\"malformed\":false,\"policy\":\"fail-open\"}}\n";
    assertEquals(line, read(dir.recordsFile(cell)));
    assertEquals("q1 Q0 b 1 2.0 d.qs.s.milvus.llm\nq1 Q0 a 2 1.0 d.qs.s.milvus.llm\n", read(dir.trecFile(cell)));
    QueryRecord back = dir.records(cell).get("q1");
    assertEquals(r.hits(), back.hits());
    assertEquals(r.firstStage(), back.firstStage());
    assertEquals(6.6, back.timing().totalMs());
    assertEquals("fail-open", back.rerank().get("policy"));
    assertEquals(1, back.rerank().get("dropped"));
  }

  @Test
  void withoutRecordsTheTrecRunGivesHitsInTrecEvalOrder() throws Exception {
    RunDirectory dir = new RunDirectory(tmp);
    CellId cell = CellId.parse("d.qs.s.opensearch");
    Files.createDirectories(tmp.resolve("runs"));
    // ranks contradict the scores; d3 and d4 tie (as floats) and sort by id descending
    Files.writeString(dir.trecFile(cell), "q1 Q0 d2 1 0.5 t\nq1 Q0 d1 2 0.9 t\nq1 Q0 d3 3 0.7 t\n"
        + "q1 Q0 d4 4 0.70000001 t\n");
    QueryRecord r = dir.records(cell).get("q1");
    assertEquals(List.of("d4", "d3", "d2"), r.hits().stream().map(SearchHit::id).toList().subList(1, 4));
    assertEquals("d1", r.hits().get(0).id());
    assertNull(r.timing());
    assertNull(r.firstStage());
  }

  @Test
  void parityComparesEveryPairOfStores() throws Exception {
    RunDirectory dir = new RunDirectory(tmp);
    Query q1 = new Query("q1", QueryKind.TEXT, "en", "x", null, Map.of(), Set.of());
    QuerySet qs = new QuerySet("qs", List.of(q1), new Qrels(Map.of("q1", Map.of("a", 1))));
    List<String> stores = List.of("milvus", "opensearch", "third");
    Map<String, List<String>> lists = Map.of("milvus", List.of("a", "b"), "opensearch", List.of("a", "b"),
        "third", List.of("a", "c"));
    for (String store : stores) {
      CellId cell = new CellId("d", "qs", "s", store, null);
      List<SearchHit> hits = lists.get(store).stream().map(id -> new SearchHit(id, 1.0)).toList();
      dir.writeCell(cell, List.of(q1), List.of(new QueryRecord("q1", hits, null, Timing.of(0, 0, 0, 0), null)));
      dir.markDone(cell);
    }
    Parity.write(dir, "d", List.of(qs), List.of("s"), stores, null, 10, Map.of("hnsw", false));
    JsonNode p = RunJson.read(dir.parityFile());
    assertEquals("[\"milvus\",\"opensearch\",\"third\"]", p.get("stores").toString());
    assertEquals(3, p.get("rows").size());
    assertEquals("[\"milvus\",\"opensearch\"]", p.at("/rows/0/stores").toString());
    assertEquals(1.0, p.at("/rows/0/overlap_at_10").asDouble());
    assertEquals("[\"opensearch\",\"third\"]", p.at("/rows/2/stores").toString());
    assertEquals(0.5, p.at("/rows/2/overlap_at_10").asDouble());
    assertEquals(0, p.at("/rows/2/identicalTop10").asInt());
    List<Parity.Row> rows = Parity.read(dir.parityFile());
    assertEquals("third", rows.get(1).storeB());
    assertEquals(0.5, rows.get(1).overlapAtK().get(10));
  }

  @Test
  void parityReadsTheShortRowForm() throws Exception {
    Path f = tmp.resolve("parity.json");
    Files.writeString(f, "{\"k\":10,\"pairs\":[{\"strategy\":\"s\",\"querySet\":\"qs\",\"storeA\":\"a\","
        + "\"storeB\":\"b\",\"overlapAtK\":0.8,\"numQueries\":12}]}");
    Parity.Row r = Parity.read(f).get(0);
    assertEquals(List.of("a", "b", "0.8", "12"), List.of(r.storeA(), r.storeB(), "" + r.overlapAtK().get(10), "" + r.numQueries()));
    assertEquals(List.of(), Parity.read(tmp.resolve("none.json")));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
