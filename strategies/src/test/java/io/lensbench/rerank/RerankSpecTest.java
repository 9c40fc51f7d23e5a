package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.BadInputException;
import io.lensbench.openai.ResponseFormatMode;
import io.lensbench.core.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerankSpecTest {
  final ObjectMapper m = new ObjectMapper();

  @Test
  void llmBlockIsReadWithDefaults() throws Exception {
    RerankSpec s = RerankSpec.fromJson(m.readTree("""
        {"type":"llm-listwise","topN":9,"policy":"retry-with-feedback","candidates":"grid",
         "queryImage":"caption",
         "endpoint":{"baseUrl":"http://127.0.0.1:11434/v1","model":"llava:7b",
                     "responseFormat":"json_object"}}"""), "exp.yaml rerank");
    assertEquals(RerankSpec.Type.LLM_LISTWISE, s.type());
    assertEquals(9, s.topN());
    assertEquals("name_en", s.candidateText());
    assertEquals("llm-listwise", s.cellSuffix());
    LlmRerankConfig c = s.llm();
    assertEquals(RerankPolicy.RETRY_WITH_FEEDBACK, c.policy());
    assertEquals(LlmRerankConfig.CandidateLayout.GRID, c.candidateLayout());
    assertEquals(LlmRerankConfig.QueryImageMode.CAPTION, c.queryImage());
    assertEquals(ResponseFormatMode.JSON_OBJECT, c.endpoint().responseFormat());
    assertEquals("llava:7b", c.endpoint().model());
    assertTrue(c.cache());
  }

  @Test
  void noneAndErrors() throws Exception {
    assertEquals(RerankSpec.Type.NONE, RerankSpec.fromJson(null, "x").type());
    assertEquals(RerankSpec.Type.NONE, RerankSpec.fromJson(m.readTree("\"none\""), "x").type());
    assertNull(RerankSpec.none().cellSuffix());
    BadInputException e = assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"llm-listwise\",\"polcy\":\"strict\",\"endpoint\":"
            + "{\"baseUrl\":\"http://h/v1\",\"model\":\"m\"}}"), "exp.yaml rerank"));
    assertTrue(e.getMessage().startsWith("exp.yaml rerank: unknown key 'polcy'"), e.getMessage());
    BadInputException p = assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"llm-listwise\",\"policy\":\"lenient\",\"endpoint\":"
            + "{\"baseUrl\":\"http://h/v1\",\"model\":\"m\"}}"), "exp.yaml rerank"));
    assertTrue(p.getMessage().contains("unknown rerank policy 'lenient'"), p.getMessage());
    BadInputException t = assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"cross-encoder\"}"), "exp.yaml rerank"));
    assertTrue(t.getMessage().contains("expected one of none, llm-listwise, encoder"));
    assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"llm-listwise\"}"), "exp.yaml rerank"), "endpoint required");
  }

  @Test
  void encoderBlock() throws Exception {
    RerankSpec s = RerankSpec.fromJson(m.readTree(
        "{\"type\":\"encoder\",\"mode\":\"text\",\"encoder\":\"all-minilm-l6-v2-q\",\"topN\":20}"),
        "r");
    assertEquals("encoder-text", s.cellSuffix());
    assertEquals(EncoderReranker.Mode.TEXT, s.encoder().mode());
    assertEquals("all-minilm-l6-v2-q", s.encoder().encoderId());
    assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"encoder\",\"mode\":\"text\"}"), "r"), "encoder id required");
    assertThrows(BadInputException.class, () -> RerankSpec.fromJson(
        m.readTree("{\"type\":\"encoder\",\"encoder\":\"e\",\"policy\":\"strict\"}"), "r"));
  }

  @Test
  void mergePutsTheRerankedHeadOverTheUntouchedTail() {
    List<SearchHit> first = List.of(new SearchHit("a", .9), new SearchHit("b", .8),
        new SearchHit("c", .7), new SearchHit("d", .6), new SearchHit("e", .5));
    // head a,b,c reranked strictly to c,a (b lost)
    RerankResult r = new RerankResult(List.of(new SearchHit("c", 3), new SearchHit("a", 2)),
        first.subList(0, 3), RerankCounts.clean(0), null);
    List<SearchHit> merged = RerankSpec.merge(first, r);
    assertEquals(List.of("c", "a", "d", "e"), merged.stream().map(SearchHit::id).toList());
    assertEquals(List.of(4.0, 3.0, 2.0, 1.0), merged.stream().map(SearchHit::score).toList());
  }

  @Test
  void runnerShapeIdTypeDepthParams() throws Exception {
    RerankSpec s = RerankSpec.fromRunner("vlm-strict", "llm-listwise", 9, m.readTree(
        "{\"policy\":\"strict\",\"endpoint\":{\"baseUrl\":\"http://127.0.0.1:1234/v1\","
            + "\"model\":\"qwen2-vl-7b-instruct\"}}"), "demo.yaml reranker");
    assertEquals("vlm-strict", s.cellSuffix());
    assertEquals(9, s.topN());
    assertEquals(RerankPolicy.STRICT, s.llm().policy());
    BadInputException e = assertThrows(BadInputException.class, () -> RerankSpec.fromRunner(
        "x", "llm-listwise", 9, m.readTree("{\"topN\":5}"), "demo.yaml reranker"));
    assertTrue(e.getMessage().contains("use reranker.depth"), e.getMessage());
    RerankCounts k = new RerankCounts("fail-open", 1, 0, 0, false, false, 0, 0, 0, false, 0,
        false, 0, false, 10, 2, 3.25, false, null);
    assertEquals(List.of("policy", "dropped", "duplicated", "invented", "malformed", "timeout",
        "httpErrors", "retries", "promptTokens", "completionTokens", "latencyMs", "cached",
        "timeouts", "feedbackAsked", "lost", "fallback"), List.copyOf(k.toMap().keySet()));
    assertEquals(1, k.toMap().get("dropped"));
    java.util.Map<String, Object> clean = java.util.Map.copyOf(RerankCounts.clean(1.5).toMap());
    assertTrue(!clean.containsKey("policy"), "no null values: " + clean);
    assertEquals(1.5, clean.get("latencyMs"));
  }

  @Test
  void runnerMappingWithIdAndEncoderTypes() {
    java.util.Map<String, Object> cfg = new java.util.LinkedHashMap<>();
    cfg.put("type", "encoder-text");
    cfg.put("id", "cheap");
    cfg.put("topN", 20);
    cfg.put("encoder", "all-minilm-l6-v2-q");
    RerankSpec s = RerankSpec.fromMap(cfg, "demo.yaml reranker");
    assertEquals("cheap", s.cellSuffix());
    assertEquals(EncoderReranker.Mode.TEXT, s.encoder().mode());
    assertEquals(20, s.topN());
    cfg.put("mode", "joint");
    BadInputException e = assertThrows(BadInputException.class,
        () -> RerankSpec.fromMap(cfg, "demo.yaml reranker"));
    assertTrue(e.getMessage().contains("type encoder-text implies mode text"), e.getMessage());
    java.util.Map<String, Object> llm = new java.util.LinkedHashMap<>();
    llm.put("type", "llm-listwise");
    llm.put("id", "llm-listwise");
    llm.put("topN", 9);
    llm.put("endpoint", java.util.Map.of("baseUrl", "http://127.0.0.1:8000/v1", "model", "m"));
    RerankSpec l = RerankSpec.fromMap(llm, "demo.yaml reranker");
    assertEquals("llm-listwise", l.cellSuffix());
    assertEquals(9, l.topN());
  }

  @Test
  void theExamplesInDocsRerankMdAreValid() throws Exception {
    java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "rerank.md");
    if (!java.nio.file.Files.isRegularFile(doc)) {
      org.junit.jupiter.api.Assertions.fail("precondition: docs/rerank.md must be at " + doc
          .toAbsolutePath() + " (tests run from the strategies module folder)");
    }
    String md = java.nio.file.Files.readString(doc);
    ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    int found = 0;
    for (String block : md.split("```yaml\n")) {
      if (!block.startsWith("reranker:")) {
        continue;
      }
      String y = block.substring(0, block.indexOf("```"));
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> cfg = (java.util.Map<String, Object>) yaml.readValue(y,
          java.util.Map.class).get("reranker");
      RerankSpec s = RerankSpec.fromMap(cfg, "docs/rerank.md example " + (found + 1));
      assertTrue(s.cellSuffix() != null);
      found++;
    }
    assertEquals(2, found, "the LLM and the encoder examples");
  }
}
