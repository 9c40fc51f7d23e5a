package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.captioners.VlmCaptioner;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import io.lensbench.core.SearchHit;
import io.lensbench.datasets.Query;
import io.lensbench.openai.ChatCallException;
import io.lensbench.openai.ChatResponse;
import io.lensbench.openai.ContentPart;
import io.lensbench.openai.OpenAiChatClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * request for {@code {"ranking":[ids...],"reason":"..."}} ({@link ListwisePrompt}). Every answer
 * is parsed and checked against the candidate set; the counts go into {@link RerankCounts}.
 * Answers are cached per query ({@link StoredAnswers}).
 */
public final class LlmListwiseReranker implements Reranker {
  private final LlmRerankConfig config;
  private final OpenAiChatClient client;
  private final boolean ownsClient;
  private final VlmCaptioner captioner;
  private final AnswerParser parser = new AnswerParser();
  private final AnswerCache cache;
  private final ObjectMapper json = new ObjectMapper();
  private final ListwisePrompt prompt;

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
    this.prompt = new ListwisePrompt(config, json);
  }

  @Override
  public String id() {
    return config.name();
  }

  public LlmRerankConfig config() {
    return config;
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
    CallCost cost = new CallCost();
    StoredAnswers answers = new StoredAnswers(json, cache,
        () -> prompt.cacheKey(query, candidates));
    String caption = null;
    String initial;
    List<ContentPart> userParts;
    try {
      if (query.image() != null && config.queryImage() != LlmRerankConfig.QueryImageMode.IMAGE) {
        caption = answers.answer("caption", cost, false, () -> caption(query.image()));
      }
      userParts = prompt.userParts(query, candidates, caption);
      initial = answers.answer("initial", cost, true,
          () -> answer(client.complete(prompt.first(userParts, ids))));
    } catch (ChatCallException e) {
      cost.fail(e);
      return noAnswer(ids, before, cost, t0);
    }
    ParsedAnswer firstParsed = parser.parse(initial);
    AnswerCheck first = AnswerCheck.of(firstParsed, ids);
    String reason = firstParsed.reason();
    AnswerCheck second = null;
    boolean feedbackAsked = config.policy() == RerankPolicy.RETRY_WITH_FEEDBACK
        && !first.complete();
    if (feedbackAsked) {
      String answer2 = feedback(answers, cost, userParts, initial, first, ids);
      if (answer2 != null) {
        ParsedAnswer p2 = parser.parse(answer2);
        second = AnswerCheck.of(p2, ids);
        if (!p2.malformed() && p2.reason() != null) {
          reason = p2.reason();
        }
      }
    }
    return result(ids, before, cost, t0, answers.cached(), first, second, feedbackAsked, reason);
  }

  /** The feedback answer, or null when the call failed (counted in {@code cost}). */
  private String feedback(StoredAnswers answers, CallCost cost, List<ContentPart> userParts,
      String initial, AnswerCheck first, List<String> ids) {
    try {
      return answers.answer("feedback", cost, true,
          () -> answer(client.complete(prompt.feedback(userParts, initial, first, ids))));
    } catch (ChatCallException e) {
      cost.fail(e);
      return null;
    }
  }

  private StoredAnswers.Answer caption(Path image) {
    VlmCaptioner.Caption c = captioner.describe(image);
    return new StoredAnswers.Answer(c.text(), c.usage(), c.stats());
  }

  private static StoredAnswers.Answer answer(ChatResponse r) {
    return new StoredAnswers.Answer(r.content(), r.usage(), r.stats());
  }

  /** The final ranking under the policy, with the query's counts. */
  private RerankResult result(List<String> ids, List<SearchHit> before, CallCost cost, long t0,
      boolean cached, AnswerCheck first, AnswerCheck second, boolean feedbackAsked,
      String reason) {
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
  private RerankResult noAnswer(List<String> ids, List<SearchHit> before, CallCost cost,
      long t0) {
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
        out.add(result(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static RerankResult result(Future<RerankResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while reranking", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
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
