package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.captioners.VlmCaptioner;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.LensBenchHome;
import io.lensbench.datasets.Query;
import io.lensbench.openai.CallStats;
import io.lensbench.openai.ChatCallException;
import io.lensbench.openai.ChatMessage;
import io.lensbench.openai.ChatRequest;
import io.lensbench.openai.ChatResponse;
import io.lensbench.openai.ContentPart;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.Usage;
import io.lensbench.core.SearchHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Listwise reranking by a vision-language model behind an OpenAI-compatible chat endpoint. One
 * call per query (plus an optional caption call for the query image, plus one feedback call under
 * retry-with-feedback): the query, the candidates as image parts or one labelled grid, and a
 * request for {@code {"ranking":[ids...],"reason":"..."}}. Every answer is parsed and checked
 * against the candidate set; the counts go into {@link RerankCounts}.
 */
public final class LlmListwiseReranker implements Reranker {
  /** Bump when the prompt layout below changes: it is part of the cache key. */
  private static final String PROMPT_LAYOUT_VERSION = "listwise-v1";

  private final LlmRerankConfig config;
  private final OpenAiChatClient client;
  private final boolean ownsClient;
  private final VlmCaptioner captioner;
  private final AnswerParser parser = new AnswerParser();
  private final AnswerCache cache;
  private final GridRenderer grid;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Path, String> imageHashes = new ConcurrentHashMap<>();
  private final String promptHash;

  /** Opens its own client; answers cached under LensBenchHome/cache/rerank when enabled. */
  public LlmListwiseReranker(LlmRerankConfig config) {
    this(config, new OpenAiChatClient(config.endpoint()), true,
        LensBenchHome.cacheDir().resolve("rerank"));
  }

  /**
   * @param client the chat client; closed by {@link #close()} only when {@code ownsClient}
   * @param cacheDir cache folder (used only when {@code config.cache()} is true)
   */
  public LlmListwiseReranker(LlmRerankConfig config, OpenAiChatClient client, boolean ownsClient,
      Path cacheDir) {
    this.config = config;
    this.client = client;
    this.ownsClient = ownsClient;
    this.captioner = new VlmCaptioner(client, config.captionPrompt(), 160);
    this.cache = config.cache() ? new AnswerCache(cacheDir, json) : null;
    this.grid = new GridRenderer(config.gridTileSize(), config.gridColumns());
    this.promptHash = Hashing.sha256Hex(PROMPT_LAYOUT_VERSION + "\u0000" + config.instructions()
        + "\u0000" + config.captionPrompt());
  }

  @Override
  public String id() {
    return config.name();
  }

  public LlmRerankConfig config() {
    return config;
  }

  /** Running totals of one query's calls. */
  private static final class Cost {
    Usage usage = Usage.NONE;
    CallStats stats = CallStats.NONE;
    String error;
    boolean timedOut;

    void add(ChatResponse r) {
      usage = usage.plus(r.usage());
      stats = stats.plus(r.stats());
    }

    void fail(ChatCallException e) {
      stats = stats.plus(e.stats());
      error = e.getMessage();
      timedOut = e.kind() == ChatCallException.Kind.TIMEOUT;
    }

    void addStored(ObjectNode call) {
      usage = usage.plus(new Usage(call.path("promptTokens").asLong(0),
          call.path("completionTokens").asLong(0)));
    }
  }

  @Override
  public RerankResult rerank(Query query, List<Candidate> candidates) {
    long t0 = System.nanoTime();
    List<String> ids = candidateIds(query, candidates);
    List<SearchHit> before = candidates.stream().map(c -> new SearchHit(c.id(), c.score()))
        .toList();
    if ((query.text() == null || query.text().isBlank()) && query.image() == null) {
      throw new BadInputException("query " + query.id() + ": has neither text nor image to "
          + "rerank against");
    }
    if (candidates.size() < 2) {
      RerankCounts counts = new RerankCounts(config.policy().wireName(), 0, 0, 0, false, false, 0,
          0, 0, false, 0, false, 0, false, 0, 0, ms(t0), false, null);
      return new RerankResult(scored(ids), before, counts, null);
    }
    Cost cost = new Cost();
    String key = cache == null ? null : AnswerCache.keyOf(json, cacheKey(query, candidates));
    ObjectNode entry = cache == null ? null : cache.get(key);
    boolean cached = entry != null && entry.has("initial");
    if (!cached) {
      entry = json.createObjectNode();
    }

    String caption = null;
    boolean wantCaption = query.image() != null
        && config.queryImage() != LlmRerankConfig.QueryImageMode.IMAGE;
    if (wantCaption) {
      if (cached && entry.has("caption")) {
        caption = entry.path("caption").path("content").asText();
        cost.addStored((ObjectNode) entry.get("caption"));
      } else {
        try {
          VlmCaptioner.Caption c = captioner.describe(query.image());
          cost.usage = cost.usage.plus(c.usage());
          cost.stats = cost.stats.plus(c.stats());
          caption = c.text();
          entry.set("caption", stored(caption, c.usage()));
        } catch (ChatCallException e) {
          cost.fail(e);
          return noAnswer(ids, before, cost, t0);
        }
      }
    }

    List<ContentPart> userParts = userParts(query, candidates, caption);
    String initial;
    if (cached) {
      initial = entry.path("initial").path("content").asText();
      cost.addStored((ObjectNode) entry.get("initial"));
    } else {
      try {
        ChatResponse r = client.complete(request(List.of(
            ChatMessage.system(config.instructions()), ChatMessage.user(userParts)), ids));
        cost.add(r);
        initial = r.content();
        entry.set("initial", stored(initial, r.usage()));
        if (cache != null) {
          entry.set("key", cacheKey(query, candidates));
          cache.put(key, entry);
        }
      } catch (ChatCallException e) {
        cost.fail(e);
        return noAnswer(ids, before, cost, t0);
      }
    }
    ParsedAnswer firstParsed = parser.parse(initial);
    AnswerCheck first = AnswerCheck.of(firstParsed, ids);
    String reason = firstParsed.reason();

    boolean feedbackAsked = false;
    AnswerCheck second = null;
    if (config.policy() == RerankPolicy.RETRY_WITH_FEEDBACK && !first.complete()) {
      feedbackAsked = true;
      String answer2 = null;
      if (entry.has("feedback")) {
        answer2 = entry.path("feedback").path("content").asText();
        cost.addStored((ObjectNode) entry.get("feedback"));
      } else {
        try {
          ChatResponse r = client.complete(request(List.of(
              ChatMessage.system(config.instructions()), ChatMessage.user(userParts),
              ChatMessage.assistant(initial), ChatMessage.user(feedbackText(first, ids))), ids));
          cost.add(r);
          answer2 = r.content();
          entry.set("feedback", stored(answer2, r.usage()));
          if (cache != null) {
            cache.put(key, entry);
          }
        } catch (ChatCallException e) {
          cost.fail(e);
        }
      }
      if (answer2 != null) {
        ParsedAnswer p2 = parser.parse(answer2);
        second = AnswerCheck.of(p2, ids);
        if (!p2.malformed() && p2.reason() != null) {
          reason = p2.reason();
        }
      }
    }

    List<String> finalIds;
    boolean fallback = false;
    switch (config.policy()) {
      case STRICT -> finalIds = first.valid();
      case FAIL_OPEN -> {
        finalIds = failOpen(first);
        fallback = first.malformed();
      }
      default -> {
        if (second != null && !second.malformed()) {
          finalIds = failOpen(second);
        } else {
          finalIds = failOpen(first);
          fallback = first.malformed();
        }
      }
    }
    RerankCounts counts = new RerankCounts(config.policy().wireName(),
        first.malformed() ? 0 : first.dropped().size(), first.duplicated(), first.invented(),
        first.malformed(), cost.timedOut, cost.stats.timeouts(), cost.stats.httpErrors(),
        cost.stats.retries(), feedbackAsked,
        second == null || second.malformed() ? 0 : second.dropped().size(),
        second != null && second.malformed(), ids.size() - finalIds.size(), fallback,
        cost.usage.promptTokens(), cost.usage.completionTokens(), ms(t0), cached, cost.error);
    return new RerankResult(scored(finalIds), before, counts, reason);
  }

  /** No answer at all (timeout, HTTP error): original order, or nothing under strict. */
  private RerankResult noAnswer(List<String> ids, List<SearchHit> before, Cost cost, long t0) {
    boolean strict = config.policy() == RerankPolicy.STRICT;
    List<String> finalIds = strict ? List.of() : ids;
    RerankCounts counts = new RerankCounts(config.policy().wireName(), 0, 0, 0, false,
        cost.timedOut, cost.stats.timeouts(), cost.stats.httpErrors(), cost.stats.retries(),
        false, 0, false, ids.size() - finalIds.size(), !strict, cost.usage.promptTokens(),
        cost.usage.completionTokens(), ms(t0), false, cost.error);
    return new RerankResult(scored(finalIds), before, counts, null);
  }

  private static List<String> failOpen(AnswerCheck c) {
    List<String> out = new ArrayList<>(c.valid());
    out.addAll(c.dropped());
    return out;
  }

  private static List<SearchHit> scored(List<String> ids) {
    List<SearchHit> hits = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      hits.add(new SearchHit(ids.get(i), ids.size() - i));
    }
    return hits;
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static List<String> candidateIds(Query query, List<Candidate> candidates) {
    List<String> ids = new ArrayList<>(candidates.size());
    Set<String> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.id())) {
        throw new BadInputException("query " + query.id() + ": candidate id " + c.id()
            + " appears twice in the first-stage list (expected distinct ids)");
      }
      ids.add(c.id());
    }
    return ids;
  }

  private ObjectNode stored(String content, Usage usage) {
    ObjectNode o = json.createObjectNode();
    o.put("content", content);
    o.put("promptTokens", usage.promptTokens());
    o.put("completionTokens", usage.completionTokens());
    return o;
  }

  private ChatRequest request(List<ChatMessage> messages, List<String> ids) {
    ObjectNode schema = json.createObjectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ObjectNode ranking = props.putObject("ranking");
    ranking.put("type", "array");
    ObjectNode items = ranking.putObject("items");
    items.put("type", "string");
    if (config.constrainIds()) {
      ArrayNode en = items.putArray("enum");
      ids.forEach(en::add);
    }
    props.putObject("reason").put("type", "string");
    schema.putArray("required").add("ranking").add("reason");
    schema.put("additionalProperties", false);
    return new ChatRequest(messages, "rerank", schema, config.temperature(), config.maxTokens());
  }

  private List<ContentPart> userParts(Query query, List<Candidate> candidates, String caption) {
    List<ContentPart> parts = new ArrayList<>();
    if (query.text() != null && !query.text().isBlank()) {
      parts.add(ContentPart.text("Search query: " + query.text().strip()));
    }
    if (query.image() != null && config.queryImage() != LlmRerankConfig.QueryImageMode.CAPTION) {
      parts.add(ContentPart.text("Query image:"));
      parts.add(ContentPart.imageFile(query.image()));
    }
    if (caption != null) {
      parts.add(ContentPart.text("Query image description: " + caption));
    }
    int n = candidates.size();
    if (config.candidateLayout() == LlmRerankConfig.CandidateLayout.IMAGES) {
      parts.add(ContentPart.text("Candidates (" + n + "):"));
      for (Candidate c : candidates) {
        parts.add(ContentPart.text(candidateLine(c)));
        if (c.image() != null) {
          parts.add(ContentPart.imageFile(c.image()));
        }
      }
    } else {
      StringBuilder sb = new StringBuilder();
      sb.append("The next image shows the ").append(n).append(" candidates as a grid; each tile "
          + "is labelled with its candidate id in its top-left corner.");
      if (config.includeCandidateText()) {
        for (Candidate c : candidates) {
          sb.append('\n').append(candidateLine(c));
        }
      }
      parts.add(ContentPart.text(sb.toString()));
      parts.add(ContentPart.png(grid.render(candidates)));
    }
    parts.add(ContentPart.text("Rank all " + n + " candidates. Candidate ids: "
        + String.join(", ", candidates.stream().map(Candidate::id).toList())
        + ". Answer with only {\"ranking\": [ids, most relevant first], \"reason\": \"...\"}."));
    return parts;
  }

  private String candidateLine(Candidate c) {
    String text = config.includeCandidateText() && c.text() != null && !c.text().isBlank()
        ? ": " + c.text().strip() : "";
    return "Candidate id " + c.id() + text;
  }

  private static String feedbackText(AnswerCheck first, List<String> ids) {
    StringBuilder sb = new StringBuilder();
    if (first.malformed()) {
      sb.append("Your answer was not the JSON object asked for. ");
    } else {
      sb.append("Your ranking is missing ").append(first.dropped().size())
          .append(" candidate id(s): ").append(String.join(", ", first.dropped())).append(". ");
      if (first.invented() > 0) {
        sb.append("It also lists ids that are not candidates. ");
      }
      if (first.duplicated() > 0) {
        sb.append("It also repeats ids. ");
      }
    }
    sb.append("Reply with only {\"ranking\": [...], \"reason\": \"...\"} ranking all ")
        .append(ids.size()).append(" candidate ids, each exactly once: ")
        .append(String.join(", ", ids)).append('.');
    return sb.toString();
  }

  private ObjectNode cacheKey(Query query, List<Candidate> candidates) {
    ObjectNode k = json.createObjectNode();
    k.put("v", 1);
    k.put("model", config.endpoint().model());
    k.put("promptHash", promptHash);
    ObjectNode p = k.putObject("params");
    p.put("candidates", config.candidateLayout().name());
    p.put("queryImage", config.queryImage().name());
    p.put("includeCandidateText", config.includeCandidateText());
    p.put("gridTileSize", config.gridTileSize());
    p.put("gridColumns", config.gridColumns());
    p.put("temperature", config.temperature());
    p.put("maxTokens", config.maxTokens());
    p.put("responseFormat", config.endpoint().responseFormat().wireName());
    p.put("constrainIds", config.constrainIds());
    ObjectNode q = k.putObject("query");
    q.put("text", query.text());
    q.put("imageSha256", query.image() == null ? null : imageHash(query.image()));
    ArrayNode cs = k.putArray("candidates");
    for (Candidate c : candidates) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("text", config.includeCandidateText() ? c.text() : null);
      o.put("imageSha256", c.image() == null ? null : imageHash(c.image()));
    }
    return k;
  }

  private String imageHash(Path p) {
    return imageHashes.computeIfAbsent(p, Hashing::sha256Hex);
  }

  /** Overlaps queries up to the endpoint's maxConcurrency. */
  @Override
  public List<RerankResult> rerankAll(List<Task> tasks, IntConsumer progress) {
    int threads = Math.max(1, Math.min(config.endpoint().maxConcurrency(), tasks.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "llm-rerank");
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<RerankResult>> futures = new ArrayList<>(tasks.size());
      for (Task t : tasks) {
        futures.add(pool.submit(() -> {
          RerankResult r = rerank(t.query(), t.candidates());
          progress.accept(done.incrementAndGet());
          return r;
        }));
      }
      List<RerankResult> out = new ArrayList<>(tasks.size());
      for (Future<RerankResult> f : futures) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new io.lensbench.core.InfrastructureException("interrupted while reranking", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    captioner.close();
    if (ownsClient) {
      client.close();
    }
  }
}
