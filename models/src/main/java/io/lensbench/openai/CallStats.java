package io.lensbench.openai;

/**
 * What one logical call cost at the transport level.
 *
 * @param attempts HTTP requests sent (1 + retries)
 * @param retries attempts after the first
 * @param httpErrors non-2xx responses received
 * @param timeouts attempts that timed out
 * @param latencyMs wall time of the whole call, retries and backoff included
 */
public record CallStats(int attempts, int retries, int httpErrors, int timeouts, double latencyMs) {
  public static final CallStats NONE = new CallStats(0, 0, 0, 0, 0.0);

  public CallStats plus(CallStats o) {
    return new CallStats(attempts + o.attempts, retries + o.retries, httpErrors + o.httpErrors,
        timeouts + o.timeouts, latencyMs + o.latencyMs);
  }
}
