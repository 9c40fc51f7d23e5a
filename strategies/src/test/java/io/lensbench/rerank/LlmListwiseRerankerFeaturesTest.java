package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.InfrastructureException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.openai.ChatCallException;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;
import io.lensbench.testkit.FakeReply;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.OpenAiConfig;
import io.lensbench.openai.ResponseFormatMode;
import io.lensbench.testkit.TestImages;
import io.lensbench.openai.Sleeper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request shape, layouts, caption step, cache, fatal errors, batch API and record JSON. */
class LlmListwiseRerankerFeaturesTest {
  static List<Candidate> candidates;
  static List<String> c;
  static List<String> r;
  static Query query;
  static Path queryImage;

  @TempDir Path tmp;

  @BeforeAll
  static void data() {
    List<TestImages.Row> rows = TestImages.rows(12);
    candidates = RerankFixture.nineCandidates(rows);
    c = RerankFixture.ids(candidates);
    r = RerankFixture.reversed(c);
    queryImage = rows.get(9).image();
    query = new Query("q-7", QueryKind.IMAGE_TEXT, "en", "white casual shoes", queryImage,
        Map.of(), Set.of());
  }

  static String json(List<String> ids) {
    return "{\"ranking\":[" + ids.stream().map(s -> "\"" + s + "\"")
        .collect(Collectors.joining(",")) + "],\"reason\":\"fake\"}";
  }

  static OpenAiConfig endpoint(FakeOpenAiServer fake) {
    return new OpenAiConfig(fake.baseUrl(), "fake-vlm", "LENSBENCH_LLM_API_KEY",
        Duration.ofSeconds(60), 2, 1, Duration.ofMillis(5), Duration.ofSeconds(1),
        ResponseFormatMode.JSON_SCHEMA);
  }

  static final Sleeper NO_WAIT = d -> { };

  @Test
  void separateImagePartsCarryEveryCandidateWithItsIdAndTheSchema() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake),
            k -> k.equals("LENSBENCH_LLM_API_KEY") ? "sk-test-secret" : null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      rr.rerank(query, candidates);
      assertEquals(List.of(), fake.protocolErrors());
      var req = fake.requests().get(0);
      assertEquals("Bearer sk-test-secret", req.authorization());
      assertEquals(10, req.images().size(), "query image + 9 candidate images");
      assertEquals(List.of(60, 80), List.of(req.images().get(1).getWidth(),
          req.images().get(1).getHeight()), "candidate images are sent as they are");
      assertTrue(req.imageMimes().stream().allMatch("image/jpeg"::equals));
      for (Candidate cand : candidates) {
        assertTrue(req.allText().contains("Candidate id " + cand.id() + ": " + cand.text()),
            "id and name of " + cand.id());
      }
      assertTrue(req.allText().contains("Search query: white casual shoes"));
      JsonNode rf = req.body().path("response_format");
      assertEquals("json_schema", rf.path("type").asText());
      assertEquals("array", rf.path("json_schema").path("schema").path("properties")
          .path("ranking").path("type").asText());
      assertEquals(0.0, req.body().path("temperature").asDouble());
      assertEquals(512, req.body().path("max_tokens").asInt());
      assertFalse(client.toString().contains("sk-test-secret"), "the key is never printed");
    }
  }

  @Test
  void gridLayoutSendsOneCompositeImageWithIdsInText() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(LlmRerankConfig.of(endpoint(fake))
            .withCache(false).withLayout(LlmRerankConfig.CandidateLayout.GRID), client, false,
            null)) {
      RerankResult res = rr.rerank(query, candidates);
      assertEquals(r, res.rankingIds());
      var req = fake.requests().get(0);
      assertEquals(2, req.images().size(), "query image + one grid");
      BufferedImage gridImg = req.images().get(1);
      assertEquals(3 * 224, gridImg.getWidth());
      assertEquals(3 * 224, gridImg.getHeight());
      assertEquals("image/png", req.imageMimes().get(1));
      // the id label of tile 0 is a dark box at the top-left corner, the tile centre is a photo
      assertEquals(0x000000, gridImg.getRGB(1, 1) & 0xFFFFFF, "label background");
      for (String id : c) {
        assertTrue(req.allText().contains(id));
      }
    }
  }

  @Test
  void responseFormatCanBeJsonObjectOrOff() throws Exception {
    for (ResponseFormatMode mode : ResponseFormatMode.values()) {
      try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(r)))) {
        OpenAiConfig oc = endpoint(fake).withResponseFormat(mode);
        try (OpenAiChatClient client = new OpenAiChatClient(oc, k -> null, NO_WAIT);
            LlmListwiseReranker rr = new LlmListwiseReranker(
                LlmRerankConfig.of(oc).withCache(false), client, false, null)) {
          rr.rerank(query, candidates);
        }
        JsonNode body = fake.requests().get(0).body();
        switch (mode) {
          case JSON_SCHEMA -> assertEquals("json_schema",
              body.path("response_format").path("type").asText());
          case JSON_OBJECT -> assertEquals("json_object",
              body.path("response_format").path("type").asText());
          case NONE -> assertFalse(body.has("response_format"));
        }
      }
    }
  }

  @Test
  void constrainIdsPutsTheCandidateIdsIntoTheSchema() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(LlmRerankConfig.of(endpoint(fake))
            .withCache(false).withConstrainIds(true), client, false, null)) {
      rr.rerank(query, candidates);
      JsonNode en = fake.requests().get(0).body().path("response_format").path("json_schema")
          .path("schema").path("properties").path("ranking").path("items").path("enum");
      List<String> ids = new ArrayList<>();
      en.forEach(n -> ids.add(n.asText()));
      assertEquals(c, ids);
    }
  }

  @Test
  void captionStepDescribesTheQueryImageFirst() throws Exception {
    String caption = "A pair of white leather sneakers with a rubber sole.";
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> req.index() == 0
            ? FakeReply.answer(caption).tokens(300, 15) : FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(LlmRerankConfig.of(endpoint(fake))
            .withCache(false).withQueryImage(LlmRerankConfig.QueryImageMode.CAPTION), client,
            false, null)) {
      RerankResult res = rr.rerank(query, candidates);
      assertEquals(r, res.rankingIds());
      var reqs = fake.requests();
      assertEquals(2, reqs.size());
      assertEquals(1, reqs.get(0).images().size(), "caption call: the query image only");
      assertFalse(reqs.get(0).body().has("response_format"), "a caption is free text");
      assertTrue(reqs.get(1).allText().contains("Query image description: " + caption));
      assertEquals(9, reqs.get(1).images().size(), "query image replaced by its caption");
      assertEquals(1300, res.counts().promptTokens());
      assertEquals(35, res.counts().completionTokens());
    }
  }

  @Test
  void answersAreCachedOnDiskAndReusedAcrossPolicies() throws Exception {
    String droppedId = r.get(4);
    List<String> eight = new ArrayList<>(r);
    eight.remove(droppedId);
    Path cacheDir = tmp.resolve("cache");
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> req.messageCount() > 2
        ? FakeReply.answer(json(r)) : FakeReply.answer(json(eight)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT)) {
      LlmRerankConfig cfg = LlmRerankConfig.of(endpoint(fake));
      RerankResult first;
      try (LlmListwiseReranker rr = new LlmListwiseReranker(cfg, client, false, cacheDir)) {
        first = rr.rerank(query, candidates);
        RerankResult again = rr.rerank(query, candidates);
        assertEquals(1, fake.requests().size(), "the second rerank is answered from the cache");
        assertFalse(first.counts().cached());
        assertTrue(again.counts().cached());
        assertEquals(first.rankingIds(), again.rankingIds());
        assertEquals(1, again.counts().dropped(), "counts are recomputed from the cached answer");
        assertEquals(1000, again.counts().promptTokens(), "tokens of the original call");
      }
      try (Stream<Path> files = Files.walk(cacheDir)) {
        assertEquals(1, files.filter(p -> p.toString().endsWith(".json")).count());
      }
      // a new reranker (as in a new run) with retry-with-feedback reuses the first answer and
      // only asks the feedback question
      try (LlmListwiseReranker rr = new LlmListwiseReranker(
          cfg.withPolicy(RerankPolicy.RETRY_WITH_FEEDBACK), client, false, cacheDir)) {
        RerankResult fb = rr.rerank(query, candidates);
        assertEquals(2, fake.requests().size());
        assertEquals(r, fb.rankingIds());
        RerankResult fb2 = rr.rerank(query, candidates);
        assertEquals(2, fake.requests().size(), "feedback answer cached too");
        assertEquals(r, fb2.rankingIds());
      }
      // a different candidate order is a different question
      List<Candidate> shuffled = new ArrayList<>(candidates);
      Collections.swap(shuffled, 0, 1);
      try (LlmListwiseReranker rr = new LlmListwiseReranker(cfg, client, false, cacheDir)) {
        rr.rerank(query, shuffled);
        assertEquals(3, fake.requests().size());
      }
    }
  }

  @Test
  void failuresAreNotCached() throws Exception {
    Path cacheDir = tmp.resolve("cache2");
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> req.index() < 2
            ? FakeReply.status(503, Map.of()) : FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(LlmRerankConfig.of(endpoint(fake)),
            client, false, cacheDir)) {
      RerankResult failed = rr.rerank(query, candidates);
      assertEquals(2, failed.counts().httpErrors());
      assertEquals(c, failed.rankingIds());
      RerankResult ok = rr.rerank(query, candidates);
      assertFalse(ok.counts().cached());
      assertEquals(r, ok.rankingIds());
    }
  }

  @Test
  void unauthorisedIsFatalAndNamesTheEnvVariableNotTheKey() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.status(401, Map.of()));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake),
            k -> "sk-very-secret", NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> rr.rerank(query, candidates));
      assertFalse(e instanceof ChatCallException, "not a countable per-query failure");
      assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
      assertTrue(e.getMessage().contains("LENSBENCH_LLM_API_KEY"), e.getMessage());
      assertFalse(e.getMessage().contains("sk-very-secret"));
      assertEquals(1, fake.requests().size(), "401 is not retried");
    }
  }

  @Test
  void unreachableEndpointIsAnInfrastructureError() throws Exception {
    String base;
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer("x"))) {
      base = fake.baseUrl();
    } // closed: nothing listens there now
    OpenAiConfig oc = new OpenAiConfig(base, "fake-vlm", null, Duration.ofSeconds(5), 1, 1,
        Duration.ofMillis(5), Duration.ofMillis(5), ResponseFormatMode.JSON_SCHEMA);
    try (OpenAiChatClient client = new OpenAiChatClient(oc, k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(LlmRerankConfig.of(oc).withCache(false),
            client, false, null)) {
      InfrastructureException e = assertThrows(InfrastructureException.class,
          () -> rr.rerank(query, candidates));
      assertTrue(e.getMessage().contains("cannot connect to " + base), e.getMessage());
    }
  }

  @Test
  void rerankAllKeepsTaskOrderAndReportsProgress() throws Exception {
    List<Reranker.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      List<Candidate> rotated = new ArrayList<>(candidates);
      Collections.rotate(rotated, i);
      tasks.add(new Reranker.Task(new Query("q-" + i, QueryKind.TEXT, "en", "query " + i, null,
          Map.of(), Set.of()), rotated));
    }
    // the fake ranks by id descending, whatever the order it was given
    List<String> byIdDesc = new ArrayList<>(c);
    byIdDesc.sort(Collections.reverseOrder());
    List<Integer> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(byIdDesc)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      List<RerankResult> out = rr.rerankAll(tasks, progress::add);
      assertEquals(6, out.size());
      for (int i = 0; i < 6; i++) {
        assertEquals(tasks.get(i).candidates().get(0).id(), out.get(i).before().get(0).id(),
            "result " + i + " belongs to task " + i);
        assertEquals(byIdDesc, out.get(i).rankingIds());
      }
      assertEquals(6, fake.requests().size());
      assertTrue(fake.requests().stream().allMatch(q -> q.images().size() == 9),
          "text queries send only candidate images");
      assertEquals(List.of(1, 2, 3, 4, 5, 6), progress.stream().sorted().toList());
      RerankStats stats = new RerankStats();
      out.forEach(stats::add);
      assertEquals(6, stats.queries());
      assertEquals(6000, stats.promptTokens());
    }
  }

  @Test
  void recordJsonHasTheRunDirectoryKeys() throws Exception {
    String droppedId = r.get(4);
    List<String> eight = new ArrayList<>(r);
    eight.remove(droppedId);
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(eight)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      RerankResult res = rr.rerank(query, candidates);
      ObjectMapper m = new ObjectMapper();
      JsonNode j = res.counts().toJson(m);
      for (String k : List.of("policy", "dropped", "duplicated", "invented", "malformed",
          "timeout", "httpErrors", "retries", "promptTokens", "completionTokens", "latencyMs",
          "cached")) {
        assertTrue(j.has(k), "records/<cell>.jsonl rerank key " + k);
      }
      assertEquals("fail-open", j.path("policy").asText());
      assertEquals(1, j.path("dropped").asInt());
      assertFalse(j.path("malformed").asBoolean());
      RerankStats stats = new RerankStats();
      stats.add(res);
      stats.add(res);
      JsonNode s = stats.toJson(m, "fail-open");
      assertEquals(2, s.path("dropped").asInt());
      assertEquals(2, s.path("queriesWithDrops").asInt());
      assertEquals(2000, s.path("promptTokens").asLong());
    }
  }

  @Test
  void builtInSeedScriptDropsOneOfNineOnEveryQuery() throws Exception {
    List<Reranker.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<Candidate> rotated = new ArrayList<>(candidates);
      Collections.rotate(rotated, i);
      tasks.add(new Reranker.Task(new Query("q-" + i, QueryKind.TEXT, "en", "query " + i, null,
          Map.of(), Set.of()), rotated));
    }
    try (FakeOpenAiServer fake = new FakeOpenAiServer(
            FakeScripts.reverseDroppingOne(4));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      RerankStats stats = new RerankStats();
      for (RerankResult res : rr.rerankAll(tasks, n -> { })) {
        stats.add(res);
        List<String> given = res.before().stream().map(h -> h.id()).toList();
        List<String> expected = new ArrayList<>(given);
        Collections.reverse(expected);
        expected.remove(given.get(4));
        expected.add(given.get(4));
        assertEquals(expected, res.rankingIds(), "fail-open appends the dropped candidate");
      }
      assertEquals(4, stats.dropped());
      assertEquals(4, stats.queriesWithDrops());
      assertEquals(0, stats.lost());
    }
  }

  @Test
  void trivialListsMakeNoCallAndDuplicateCandidatesAreBadInput() throws Exception {
    try (FakeOpenAiServer fake = new FakeOpenAiServer(req -> FakeReply.answer(json(r)));
        OpenAiChatClient client = new OpenAiChatClient(endpoint(fake), k -> null, NO_WAIT);
        LlmListwiseReranker rr = new LlmListwiseReranker(
            LlmRerankConfig.of(endpoint(fake)).withCache(false), client, false, null)) {
      RerankResult one = rr.rerank(query, candidates.subList(0, 1));
      assertEquals(List.of(c.get(0)), one.rankingIds());
      assertEquals(0, fake.requests().size(), "one candidate: nothing to rank");
      List<Candidate> dup = List.of(candidates.get(0), candidates.get(1), candidates.get(0));
      io.lensbench.core.BadInputException e = assertThrows(
          io.lensbench.core.BadInputException.class, () -> rr.rerank(query, dup));
      assertTrue(e.getMessage().contains("query q-7: candidate id " + c.get(0) + " appears twice"),
          e.getMessage());
    }
  }
}
