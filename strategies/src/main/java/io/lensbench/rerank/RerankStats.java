package io.lensbench.rerank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-run (per-cell) totals of {@link RerankCounts}. Thread-safe. {@link #toJson} gives the
 * summary the runner puts beside a cell's metrics; per-query objects come from
 * {@link RerankCounts#toJson}.
 */
public final class RerankStats {
  private int queries;
  private int dropped;
  private int queriesWithDrops;
  private int duplicated;
  private int invented;
  private int malformed;
  private int timeouts;
  private int queriesTimedOut;
  private int httpErrors;
  private int retries;
  private int feedbackAsked;
  private int lost;
  private int fallbacks;
  private int cached;
  private long promptTokens;
  private long completionTokens;
  private final List<Double> latencies = new ArrayList<>();

  public synchronized void add(RerankCounts c) {
    queries++;
    dropped += c.dropped();
    queriesWithDrops += c.dropped() > 0 ? 1 : 0;
    duplicated += c.duplicated();
    invented += c.invented();
    malformed += c.malformed() ? 1 : 0;
    timeouts += c.timeouts();
    queriesTimedOut += c.timeout() ? 1 : 0;
    httpErrors += c.httpErrors();
    retries += c.retries();
    feedbackAsked += c.feedbackAsked() ? 1 : 0;
    lost += c.lost();
    fallbacks += c.fallback() ? 1 : 0;
    cached += c.cached() ? 1 : 0;
    promptTokens += c.promptTokens();
    completionTokens += c.completionTokens();
    latencies.add(c.latencyMs());
  }

  public synchronized void add(RerankResult r) {
    add(r.counts());
  }

  public synchronized int queries() {
    return queries;
  }

  public synchronized int dropped() {
    return dropped;
  }

  public synchronized int queriesWithDrops() {
    return queriesWithDrops;
  }

  public synchronized int duplicated() {
    return duplicated;
  }

  public synchronized int invented() {
    return invented;
  }

  public synchronized int malformed() {
    return malformed;
  }

  public synchronized int timeouts() {
    return timeouts;
  }

  public synchronized int queriesTimedOut() {
    return queriesTimedOut;
  }

  public synchronized int httpErrors() {
    return httpErrors;
  }

  public synchronized int retries() {
    return retries;
  }

  public synchronized int lost() {
    return lost;
  }

  public synchronized int fallbacks() {
    return fallbacks;
  }

  public synchronized long promptTokens() {
    return promptTokens;
  }

  public synchronized long completionTokens() {
    return completionTokens;
  }

  /** Latency percentile (nearest rank) in ms; NaN when no query was reranked. */
  public synchronized double latencyPercentileMs(double p) {
    if (latencies.isEmpty()) {
      return Double.NaN;
    }
    double[] v = latencies.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  public synchronized ObjectNode toJson(ObjectMapper mapper, String policy) {
    ObjectNode o = mapper.createObjectNode();
    o.put("policy", policy); // null becomes JSON null
    o.put("queries", queries);
    o.put("dropped", dropped);
    o.put("queriesWithDrops", queriesWithDrops);
    o.put("duplicated", duplicated);
    o.put("invented", invented);
    o.put("malformed", malformed);
    o.put("timeouts", timeouts);
    o.put("queriesTimedOut", queriesTimedOut);
    o.put("httpErrors", httpErrors);
    o.put("retries", retries);
    o.put("feedbackAsked", feedbackAsked);
    o.put("lost", lost);
    o.put("fallbacks", fallbacks);
    o.put("cached", cached);
    o.put("promptTokens", promptTokens);
    o.put("completionTokens", completionTokens);
    double mean = latencies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    putMs(o, "latencyMeanMs", mean);
    putMs(o, "latencyP50Ms", latencyPercentileMs(50));
    putMs(o, "latencyP95Ms", latencyPercentileMs(95));
    return o;
  }

  private static void putMs(ObjectNode o, String k, double v) {
    if (Double.isNaN(v)) {
      o.put(k, "NaN");
    } else {
      o.put(k, Math.round(v * 10) / 10.0);
    }
  }
}
