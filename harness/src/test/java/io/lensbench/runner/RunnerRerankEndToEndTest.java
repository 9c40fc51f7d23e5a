package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.eval.run.CellId;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;
import io.lensbench.stores.embedded.EmbeddedStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rerank stage through the runner's real pipeline (Runner + RunComponents, real Milvus,
 * real text encoder): {@code llm-listwise} against the in-process FakeOpenAiServer scripted with
 * the seed's 9-in/8-out behaviour (reversed order, the 5th candidate silently dropped), under
 * fail-open, strict and retry-with-feedback; and the cheap {@code encoder-text} reranker.
 */
class RunnerRerankEndToEndTest {
  private static final int QUERIES = 3;
  private static final int TOP_N = 9;
  /** The fake drops the candidate at this position of the order it was given. */
  private static final int DROPPED_AT = 4;
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir static Path tmp;
  static Path data;
  static EmbeddedStores.Endpoints endpoints;
  static FakeOpenAiServer fake;

  @BeforeAll
  static void setUp() throws IOException {
    endpoints = EndToEndFixture.stores();
    data = EndToEndFixture.buildDataset(tmp.resolve("fashion"), QUERIES);
    fake = new FakeOpenAiServer(FakeScripts.reverseDroppingOne(DROPPED_AT));
  }

  @AfterAll
  static void tearDown() {
    if (fake != null) {
      fake.close();
    }
  }

  private static Path experiment(String name, String reranker) throws IOException {
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, String.join("\n",
        "schemaVersion: 1",
        "name: " + name,
        "dataset: {name: fashion, path: '" + data + "'}",
        "querySets: [text-en]",
        "stores: [{name: milvus, uri: '" + endpoints.milvusUri() + "'}]",
        "models: {captioner: tesseract, ocr: tesseract}", // no joint model needed (no training)
        "k: 20",
        "concurrency: 2",
        "strategies: [{id: crossmodal-summary, type: crossmodal, captioner: text-summary}]",
        "reranker: " + reranker,
        ""));
    return file;
  }

  private static String llm(String id, String policy) {
    return "{type: llm-listwise, id: " + id + ", topN: " + TOP_N + ", policy: " + policy
        + ", cache: false, endpoint: {baseUrl: '" + fake.baseUrl() + "', model: fake-vlm, "
        + "maxRetries: 0}}";
  }

  private static List<JsonNode> records(Path out, String cell) throws IOException {
    List<JsonNode> rs = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("records/" + cell + ".jsonl"))) {
      rs.add(OM.readTree(line));
    }
    return rs;
  }

  private static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.path("id").asText()));
    return out;
  }

  /** Runs one policy; checks the record shape and returns the records. */
  private static List<JsonNode> runPolicy(String id, String policy) throws IOException {
    Path out = tmp.resolve(id);
    int before = fake.requests().size();
    Runner.Result r = RunnerEndToEndTest.run(experiment(id, llm(id, policy)), out, null);
    String cell = "fashion.text-en.crossmodal-summary.milvus." + id;
    assertEquals(List.of(cell), r.cells().stream().map(CellId::toString).toList(), "cell id has the reranker suffix");
    assertTrue(Files.exists(out.resolve("metrics/" + cell + ".json")), "metrics of " + cell);
    assertTrue(Files.exists(out.resolve("runs/" + cell + ".trec")), "trec run of " + cell);
    List<JsonNode> rs = records(out, cell);
    assertEquals(QUERIES, rs.size());
    for (JsonNode rec : rs) {
      assertTrue(rec.path("firstStage").isArray() && rec.path("hits").isArray(), rec.toString());
      assertTrue(rec.path("rerank").isObject(), rec.toString());
      assertTrue(rec.path("firstStage").size() >= TOP_N, "precondition: >= 9 candidates: " + rec);
      assertEquals(1, rec.path("rerank").path("dropped").asInt(), rec.toString());
      assertEquals(0, rec.path("rerank").path("invented").asInt(), rec.toString());
      assertEquals(0, rec.path("rerank").path("duplicated").asInt(), rec.toString());
    }
    int calls = fake.requests().size() - before;
    assertTrue(calls >= QUERIES, "one call per query at least, found " + calls);
    return rs;
  }

  @Test
  void failOpenKeepsTheDroppedCandidateAfterTheModelsOrder() throws IOException {
    for (JsonNode rec : runPolicy("llm-open", "fail-open")) {
      List<String> first = ids(rec.path("firstStage"));
      List<String> fin = ids(rec.path("hits"));
      List<String> head = new ArrayList<>(first.subList(0, TOP_N));
      String dropped = head.get(DROPPED_AT);
      List<String> expected = new ArrayList<>(head);
      java.util.Collections.reverse(expected);
      expected.remove(dropped);
      expected.add(dropped); // fail-open: the model's order, then the dropped one
      expected.addAll(first.subList(TOP_N, first.size()));
      assertEquals(expected, fin, rec.path("query").asText());
      assertEquals(0, rec.path("rerank").path("lost").asInt(), rec.toString());
    }
  }

  @Test
  void strictLosesTheDroppedCandidate() throws IOException {
    for (JsonNode rec : runPolicy("llm-strict", "strict")) {
      List<String> first = ids(rec.path("firstStage"));
      List<String> fin = ids(rec.path("hits"));
      String dropped = first.get(DROPPED_AT);
      assertFalse(fin.contains(dropped), "strict: " + dropped + " must be gone from " + fin);
      assertEquals(first.size() - 1, fin.size());
      List<String> head = new ArrayList<>(first.subList(0, TOP_N));
      java.util.Collections.reverse(head);
      head.remove(dropped);
      assertEquals(head, fin.subList(0, TOP_N - 1));
      assertEquals(1, rec.path("rerank").path("lost").asInt(), rec.toString());
    }
  }

  @Test
  void retryWithFeedbackGetsTheFullListOnTheSecondTurn() throws IOException {
    for (JsonNode rec : runPolicy("llm-feedback", "retry-with-feedback")) {
      List<String> first = ids(rec.path("firstStage"));
      List<String> head = new ArrayList<>(first.subList(0, TOP_N));
      java.util.Collections.reverse(head);
      assertEquals(head, ids(rec.path("hits")).subList(0, TOP_N), rec.toString());
      assertTrue(rec.path("rerank").path("feedbackAsked").asBoolean(), rec.toString());
      assertEquals(0, rec.path("rerank").path("lost").asInt(), rec.toString());
    }
  }

  @Test
  void theFakeReceivedTheCandidatesAsImageParts() throws IOException {
    runPolicy("llm-images", "fail-open");
    assertTrue(fake.protocolErrors().isEmpty(), fake.protocolErrors().toString());
    List<FakeRequest> reqs = fake.requests();
    FakeRequest last = reqs.get(reqs.size() - 1);
    assertEquals(TOP_N, FakeScripts.candidateIds(last).size(), last.allText());
    assertTrue(last.images().size() >= TOP_N,
        "one image part per candidate (text query: no query image), found " + last.images().size());
  }

  @Test
  void encoderTextRerankerIsScoredEndToEnd() throws IOException {
    Path out = tmp.resolve("cheap");
    Runner.Result r = RunnerEndToEndTest.run(
        experiment("cheap", "{type: encoder-text, topN: 20}"), out, null);
    String cell = "fashion.text-en.crossmodal-summary.milvus.encoder-text";
    assertEquals(List.of(cell), r.cells().stream().map(CellId::toString).toList());
    JsonNode m = OM.readTree(out.resolve("metrics/" + cell + ".json").toFile());
    assertEquals(QUERIES, m.path("numQueries").asInt());
    double ndcg = m.path("summary").path("ndcg_at_10").path("mean").asDouble(-1);
    assertTrue(ndcg >= 0 && ndcg <= 1, "ndcg@10 " + ndcg);
    for (JsonNode rec : records(out, cell)) {
      assertTrue(rec.path("rerank").isObject() && rec.path("firstStage").isArray(), rec.toString());
      List<String> first = ids(rec.path("firstStage"));
      List<String> fin = ids(rec.path("hits"));
      assertEquals(new java.util.TreeSet<>(first), new java.util.TreeSet<>(fin), "same hits, reordered");
      assertEquals(0, rec.path("rerank").path("dropped").asInt(), rec.toString());
    }
  }
}
