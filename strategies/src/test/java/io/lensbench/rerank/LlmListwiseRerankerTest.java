package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.OpenAiConfig;
import io.lensbench.openai.ResponseFormatMode;
import io.lensbench.testkit.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guardrail matrix: each scripted behaviour of the fake endpoint, under each policy, with the
 * exact counts and the exact final ranking. Real client, real HTTP, real images; the endpoint is
 * {@link FakeOpenAiServer}.
 */
class LlmListwiseRerankerTest {
  static List<Candidate> candidates;
  static List<String> c; // original order
  static List<String> r; // the fake model's preferred order: reversed
  static Query query;

  @BeforeAll
  static void data() {
    List<TestImages.Row> rows = TestImages.rows(10);
    candidates = RerankFixture.nineCandidates(rows);
    c = RerankFixture.ids(candidates);
    r = RerankFixture.reversed(c);
    query = new Query("q-1", QueryKind.IMAGE_TEXT, "en", "white casual shoes",
        rows.get(9).image(), Map.of(), Set.of());
  }

  static String json(List<?> ids) {
    return "{\"ranking\":[" + ids.stream().map(x -> x instanceof String s ? "\"" + s + "\""
        : String.valueOf(x)).collect(Collectors.joining(",")) + "],\"reason\":\"fake\"}";
  }

  static List<String> without(List<String> l, String id) {
    List<String> out = new ArrayList<>(l);
    out.remove(id);
    return out;
  }

  static List<String> plus(List<String> l, String id) {
    List<String> out = new ArrayList<>(l);
    out.add(id);
    return out;
  }

  /** One rerank of the fixed query against a fresh fake. */
  record Run(RerankResult result, List<FakeRequest> requests, List<Duration> sleeps) {}

  static Run run(RerankPolicy policy, Function<FakeRequest, FakeReply> script,
      Duration timeout, int retries) throws Exception {
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    try (FakeOpenAiServer fake = new FakeOpenAiServer(script)) {
      OpenAiConfig oc = new OpenAiConfig(fake.baseUrl(), "fake-vlm", "LENSBENCH_LLM_API_KEY",
          timeout, 2, retries, Duration.ofMillis(10), Duration.ofSeconds(5),
          ResponseFormatMode.JSON_SCHEMA);
      LlmRerankConfig cfg = LlmRerankConfig.of(oc).withPolicy(policy).withCache(false);
      try (OpenAiChatClient client = new OpenAiChatClient(oc, k -> null, sleeps::add);
          LlmListwiseReranker rr = new LlmListwiseReranker(cfg, client, false, null)) {
        RerankResult res = rr.rerank(query, candidates);
        assertEquals(List.of(), fake.protocolErrors(), "requests must follow the OpenAI protocol");
        return new Run(res, fake.requests(), List.copyOf(sleeps));
      }
    }
  }

  static Run run(RerankPolicy policy, Function<FakeRequest, FakeReply> script) throws Exception {
    return run(policy, script, Duration.ofSeconds(60), 2);
  }

  /** Expected counts of the first answer and transport. */
  record Expect(int dropped, int duplicated, int invented, boolean malformed, boolean timeout,
      int timeouts, int httpErrors, int retries) {}

  static final Expect CLEAN = new Expect(0, 0, 0, false, false, 0, 0, 0);

  static void assertCounts(Expect e, RerankCounts k, String policy) {
    String m = "policy " + policy + ": ";
    assertEquals(policy, k.policy());
    assertEquals(e.dropped(), k.dropped(), m + "dropped");
    assertEquals(e.duplicated(), k.duplicated(), m + "duplicated");
    assertEquals(e.invented(), k.invented(), m + "invented");
    assertEquals(e.malformed(), k.malformed(), m + "malformed");
    assertEquals(e.timeout(), k.timeout(), m + "timeout");
    assertEquals(e.timeouts(), k.timeouts(), m + "timeouts");
    assertEquals(e.httpErrors(), k.httpErrors(), m + "httpErrors");
    assertEquals(e.retries(), k.retries(), m + "retries");
    assertFalse(k.cached(), m + "cached");
  }

  /** Runs the case under all three policies and checks counts and rankings. */
  static Map<RerankPolicy, Run> matrix(Function<FakeRequest, FakeReply> script, Expect expect,
      List<String> failOpen, List<String> strict, List<String> feedback) throws Exception {
    return matrix(script, expect, failOpen, strict, feedback, Duration.ofSeconds(60), 2);
  }

  static Map<RerankPolicy, Run> matrix(Function<FakeRequest, FakeReply> script, Expect expect,
      List<String> failOpen, List<String> strict, List<String> feedback, Duration timeout,
      int retries) throws Exception {
    Map<RerankPolicy, Run> runs = new java.util.EnumMap<>(RerankPolicy.class);
    Map<RerankPolicy, List<String>> want = Map.of(RerankPolicy.FAIL_OPEN, failOpen,
        RerankPolicy.STRICT, strict, RerankPolicy.RETRY_WITH_FEEDBACK, feedback);
    for (RerankPolicy p : RerankPolicy.values()) {
      Run run = run(p, script, timeout, retries);
      assertCounts(expect, run.result().counts(), p.wireName());
      assertEquals(want.get(p), run.result().rankingIds(), "final ranking under " + p.wireName());
      assertEquals(c, run.result().before().stream().map(h -> h.id()).toList(),
          "before-rerank list is the first stage");
      assertEquals(c.size() - want.get(p).size(), run.result().counts().lost(), "lost under "
          + p.wireName());
      runs.put(p, run);
    }
    return runs;
  }

  @Test
  void perfectPermutation() throws Exception {
    var runs = matrix(req -> FakeReply.answer(json(r)), CLEAN, r, r, r);
    for (Run run : runs.values()) {
      assertEquals(1, run.requests().size(), "one call, no feedback round");
      assertEquals(1000, run.result().counts().promptTokens());
      assertEquals(20, run.result().counts().completionTokens());
      assertEquals("fake", run.result().reason());
      assertFalse(run.result().counts().fallback());
    }
    // scores descend with rank
    List<Double> scores = runs.get(RerankPolicy.FAIL_OPEN).result().ranking().stream()
        .map(h -> h.score()).toList();
    assertEquals(9.0, scores.get(0));
    assertEquals(1.0, scores.get(8));
  }

  @Test
  void seedCaseNineCandidatesAnswerDropsOne() throws Exception {
    String droppedId = r.get(4);
    List<String> eight = without(r, droppedId);
    Function<FakeRequest, FakeReply> script = req -> req.messageCount() > 2
        ? FakeReply.answer(json(r)) : FakeReply.answer(json(eight));
    var runs = matrix(script, new Expect(1, 0, 0, false, false, 0, 0, 0),
        plus(eight, droppedId), eight, r);
    assertEquals(8, eight.size());
    Run fb = runs.get(RerankPolicy.RETRY_WITH_FEEDBACK);
    assertEquals(2, fb.requests().size(), "retry-with-feedback asks once more");
    String feedback = fb.requests().get(1).lastMessageText();
    assertTrue(feedback.contains("missing 1 candidate id(s): " + droppedId), feedback);
    assertEquals(4, fb.requests().get(1).messageCount(), "system, user, assistant, feedback");
    assertEquals(json(eight), fb.requests().get(1).body().path("messages").get(2)
        .path("content").asText(), "the model's first answer is replayed as the assistant turn");
    RerankCounts k = fb.result().counts();
    assertTrue(k.feedbackAsked());
    assertEquals(0, k.feedbackDropped());
    assertEquals(2000, k.promptTokens());
    assertEquals(40, k.completionTokens());
    assertEquals(1, runs.get(RerankPolicy.STRICT).result().counts().lost());
    assertEquals(1, runs.get(RerankPolicy.STRICT).requests().size());
  }

  @Test
  void duplicatedIds() throws Exception {
    // r0 r1 r2 r0 r3 r5 r6 r7 r8 r1: two repeats, r4 missing
    List<String> answer = List.of(r.get(0), r.get(1), r.get(2), r.get(0), r.get(3), r.get(5),
        r.get(6), r.get(7), r.get(8), r.get(1));
    List<String> valid = without(r, r.get(4));
    Function<FakeRequest, FakeReply> script = req -> req.messageCount() > 2
        ? FakeReply.answer(json(r)) : FakeReply.answer(json(answer));
    var runs = matrix(script, new Expect(1, 2, 0, false, false, 0, 0, 0),
        plus(valid, r.get(4)), valid, r);
    assertTrue(runs.get(RerankPolicy.RETRY_WITH_FEEDBACK).requests().get(1).lastMessageText()
        .contains("repeats ids"));
  }

  @Test
  void inventedIds() throws Exception {
    List<String> answer = new ArrayList<>(r);
    answer.set(4, "99999999");
    List<String> valid = without(r, r.get(4));
    // the feedback answer is no better: the final list is fail-open over the second answer
    var runs = matrix(req -> FakeReply.answer(json(answer)),
        new Expect(1, 0, 1, false, false, 0, 0, 0), plus(valid, r.get(4)), valid,
        plus(valid, r.get(4)));
    RerankCounts k = runs.get(RerankPolicy.RETRY_WITH_FEEDBACK).result().counts();
    assertTrue(k.feedbackAsked());
    assertEquals(1, k.feedbackDropped());
    assertFalse(k.feedbackMalformed());
  }

  @Test
  void idsAsNumbersStringsAndHashForms() throws Exception {
    List<Object> mixed = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      String id = r.get(i);
      mixed.add(switch (i % 4) {
        case 0 -> Long.parseLong(id);            // 15970
        case 1 -> "#" + id;                       // "#15970"
        case 2 -> " " + id + " ";                 // " 15970 "
        default -> id;                            // "15970"
      });
    }
    String content = json(mixed).replace("\"#" + r.get(5) + "\"", "\"# " + r.get(5) + "\"")
        .replace(r.get(8), r.get(8) + ".0");
    assertTrue(content.contains(r.get(8) + ".0"), content);
    matrix(req -> FakeReply.answer(content), CLEAN, r, r, r);
  }

  @Test
  void jsonInsideCodeFenceWithProseAround() throws Exception {
    String content = "Sure! Here is the ranking:\n```json\n" + json(r)
        + "\n```\nThe first one matches best.";
    matrix(req -> FakeReply.answer(content), CLEAN, r, r, r);
  }

  @Test
  void proseOnlyIsMalformed() throws Exception {
    Function<FakeRequest, FakeReply> script = req -> req.messageCount() > 2
        ? FakeReply.answer(json(r))
        : FakeReply.answer("The white shoe matches best, then the others by colour.");
    var runs = matrix(script, new Expect(0, 0, 0, true, false, 0, 0, 0), c, List.of(), r);
    assertTrue(runs.get(RerankPolicy.FAIL_OPEN).result().counts().fallback());
    assertEquals(9, runs.get(RerankPolicy.STRICT).result().counts().lost());
    Run fb = runs.get(RerankPolicy.RETRY_WITH_FEEDBACK);
    assertTrue(fb.requests().get(1).lastMessageText().startsWith("Your answer was not the JSON"));
    assertFalse(fb.result().counts().fallback());
    assertFalse(fb.result().counts().feedbackMalformed());
  }

  @Test
  void truncatedJsonIsMalformedAndNotRepaired() throws Exception {
    String cut = "{\"ranking\": [\"" + r.get(0) + "\", \"" + r.get(1) + "\", \"" + r.get(2);
    var runs = matrix(req -> FakeReply.truncated(cut),
        new Expect(0, 0, 0, true, false, 0, 0, 0), c, List.of(), c);
    RerankCounts k = runs.get(RerankPolicy.RETRY_WITH_FEEDBACK).result().counts();
    assertTrue(k.feedbackAsked());
    assertTrue(k.feedbackMalformed());
    assertTrue(k.fallback(), "both answers unusable: original order");
    assertEquals(2, runs.get(RerankPolicy.RETRY_WITH_FEEDBACK).requests().size());
  }

  @Test
  void slowerThanTheTimeout() throws Exception {
    // 400 ms per attempt, 1 retry; the fake would answer after 20 s
    var runs = matrix(req -> FakeReply.answer(json(r)).delayed(20_000),
        new Expect(0, 0, 0, false, true, 2, 0, 1), c, List.of(), c, Duration.ofMillis(400), 1);
    for (Run run : runs.values()) {
      assertEquals(2, run.requests().size(), "first attempt and one retry");
      assertEquals(0, run.result().counts().promptTokens());
      assertTrue(run.result().counts().error().contains("no response within 400 ms"),
          run.result().counts().error());
      assertFalse(run.result().counts().feedbackAsked(), "no answer, nothing to give feedback on");
    }
    assertTrue(runs.get(RerankPolicy.FAIL_OPEN).result().counts().fallback());
    assertEquals(9, runs.get(RerankPolicy.STRICT).result().counts().lost());
  }

  @Test
  void rateLimitedThenSuccessHonoursRetryAfter() throws Exception {
    Function<FakeRequest, FakeReply> script = req -> req.index() == 0
        ? FakeReply.status(429, Map.of("Retry-After", "2")) : FakeReply.answer(json(r));
    var runs = matrix(script, new Expect(0, 0, 0, false, false, 0, 1, 1), r, r, r);
    for (Run run : runs.values()) {
      assertEquals(List.of(Duration.ofSeconds(2)), run.sleeps(), "waited as Retry-After said");
      assertEquals(2, run.requests().size());
      assertNull(run.result().counts().error());
    }
  }

  @Test
  void serverErrorEveryTime() throws Exception {
    var runs = matrix(req -> FakeReply.status(500, Map.of()),
        new Expect(0, 0, 0, false, false, 0, 3, 2), c, List.of(), c);
    for (Run run : runs.values()) {
      assertEquals(3, run.requests().size());
      assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), run.sleeps(),
          "exponential backoff from 10 ms");
      assertTrue(run.result().counts().error().contains("HTTP 500"));
    }
  }
}
