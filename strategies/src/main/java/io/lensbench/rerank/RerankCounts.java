package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What happened while reranking one query; serialises to the {@code "rerank"} object of
 * {@code records/<cell>.jsonl} (docs/run-directory.md, docs/rerank.md).
 *
 * <p>{@code dropped}, {@code duplicated}, {@code invented} and {@code malformed} describe the
 * model's first answer (the same under every policy, so policies compare on equal answers);
 * {@code feedback*} describe the second answer when retry-with-feedback asked again.
 *
 * @param policy wire name of the policy, or null for rerankers without one (encoder)
 * @param dropped candidates the first answer left out (0 when it was malformed or missing)
 * @param duplicated entries of the first answer repeating an id
 * @param invented entries of the first answer naming no candidate
 * @param malformed the first answer was not the JSON asked for
 * @param timeout the query got no answer because the endpoint timed out
 * @param timeouts attempts that timed out (retried ones included)
 * @param httpErrors non-2xx responses received
 * @param retries HTTP-level retries
 * @param feedbackAsked whether retry-with-feedback asked a second time
 * @param feedbackDropped candidates the second answer left out
 * @param feedbackMalformed the second answer was not the JSON asked for
 * @param lost candidates missing from the final ranking (strict policy, or no answer under strict)
 * @param fallback the final ranking is the original order because no usable answer came
 * @param promptTokens prompt tokens of every call for this query (caption step included)
 * @param completionTokens completion tokens of every call for this query
 * @param latencyMs wall time of the rerank of this query
 * @param cached the answers came from the on-disk cache (tokens are those of the original calls)
 * @param error the last transport/HTTP error message, or null
 */
public record RerankCounts(
    String policy,
    int dropped,
    int duplicated,
    int invented,
    boolean malformed,
    boolean timeout,
    int timeouts,
    int httpErrors,
    int retries,
    boolean feedbackAsked,
    int feedbackDropped,
    boolean feedbackMalformed,
    int lost,
    boolean fallback,
    long promptTokens,
    long completionTokens,
    double latencyMs,
    boolean cached,
    String error) {

  /** Counts of a reranker that cannot fail (encoder): everything zero but the latency. */
  public static RerankCounts clean(double latencyMs) {
    return new RerankCounts(null, 0, 0, 0, false, false, 0, 0, 0, false, 0, false, 0, false, 0,
        0, latencyMs, false, null);
  }

  /**
   * The {@code "rerank"} object of a records line as an ordered map: the keys of {@link #toJson}
   * without null values (a reranker without a policy has no {@code policy} entry), so it survives
   * {@code Map.copyOf}.
   */
  public java.util.Map<String, Object> toMap() {
    ObjectMapper m = new ObjectMapper();
    java.util.LinkedHashMap<String, Object> map = m.convertValue(toJson(m),
        new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
    map.values().removeIf(java.util.Objects::isNull);
    return map;
  }

  /** The {@code "rerank"} object of a records line. */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("policy", policy); // null becomes JSON null
    o.put("dropped", dropped);
    o.put("duplicated", duplicated);
    o.put("invented", invented);
    o.put("malformed", malformed);
    o.put("timeout", timeout);
    o.put("httpErrors", httpErrors);
    o.put("retries", retries);
    o.put("promptTokens", promptTokens);
    o.put("completionTokens", completionTokens);
    o.put("latencyMs", Math.round(latencyMs * 10) / 10.0);
    o.put("cached", cached);
    o.put("timeouts", timeouts);
    o.put("feedbackAsked", feedbackAsked);
    if (feedbackAsked) {
      o.put("feedbackDropped", feedbackDropped);
      o.put("feedbackMalformed", feedbackMalformed);
    }
    o.put("lost", lost);
    o.put("fallback", fallback);
    if (error != null) {
      o.put("error", error);
    }
    return o;
  }
}
