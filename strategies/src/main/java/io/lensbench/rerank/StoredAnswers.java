package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.openai.CallStats;
import io.lensbench.openai.Usage;
import java.util.function.Supplier;

/**
 * One query's answers, step by step ({@code caption}, {@code initial}, {@code feedback}): a step
 * found in the cached entry is reused (its original tokens counted), any other is asked of the
 * model and stored. The entry is written (with its {@code key} description) after each
 * persisted step; without a cache nothing is written.
 */
final class StoredAnswers {
  /** What a model call answered. */
  record Answer(String content, Usage usage, CallStats stats) {}

  private final ObjectMapper json;
  private final AnswerCache cache;
  private final String key;
  private final ObjectNode keyDescription;
  private final ObjectNode entry;
  private final boolean cached;

  /**
   * @param cache the answer cache, or null when caching is off
   * @param keyDescription what the key is the hash of (asked only when there is a cache)
   */
  StoredAnswers(ObjectMapper json, AnswerCache cache, Supplier<ObjectNode> keyDescription) {
    this.json = json;
    this.cache = cache;
    this.keyDescription = cache == null ? null : keyDescription.get();
    this.key = cache == null ? null : AnswerCache.keyOf(json, this.keyDescription);
    ObjectNode stored = cache == null ? null : cache.get(key);
    this.cached = stored != null && stored.has("initial");
    this.entry = cached ? stored : json.createObjectNode();
  }

  /** Whether the first answer came from the cache. */
  boolean cached() {
    return cached;
  }

  boolean has(String step) {
    return entry.has(step);
  }

  /**
   * The step's answer: stored, or from {@code call} (which may throw
   * {@link io.lensbench.openai.ChatCallException}); {@code persist} writes the entry afterwards.
   */
  String answer(String step, CallCost cost, boolean persist, Supplier<Answer> call) {
    if (entry.has(step)) {
      cost.addStored((ObjectNode) entry.get(step));
      return entry.path(step).path("content").asText();
    }
    Answer a = call.get();
    cost.add(a.usage(), a.stats());
    ObjectNode o = json.createObjectNode();
    o.put("content", a.content());
    o.put("promptTokens", a.usage().promptTokens());
    o.put("completionTokens", a.usage().completionTokens());
    entry.set(step, o);
    if (persist && cache != null) {
      entry.set("key", keyDescription);
      cache.put(key, entry);
    }
    return a.content();
  }
}
