package io.lensbench.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Where and how to call an OpenAI-compatible {@code /v1/chat/completions} endpoint.
 *
 * @param baseUrl base URL up to and including {@code /v1}, e.g. {@code http://127.0.0.1:8000/v1}
 * @param model model name sent in every request
 * @param apiKeyEnv name of the environment variable holding the API key (never the key itself);
 *     null or blank for servers without authentication
 * @param timeout per-attempt deadline covering the whole response, headers and body (a server
 *     that stalls after the headers is cut off at it)
 * @param maxConcurrency requests in flight at once from one client
 * @param maxRetries extra attempts after a 429, a 5xx, a timeout or a transport error
 * @param backoffInitial delay before the first retry; doubles each retry
 * @param backoffMax cap on any delay, including one asked for by {@code Retry-After}
 * @param responseFormat how a JSON answer is requested (servers without json_schema: json_object
 *     or none)
 */
public record OpenAiConfig(
    String baseUrl,
    String model,
    String apiKeyEnv,
    Duration timeout,
    int maxConcurrency,
    int maxRetries,
    Duration backoffInitial,
    Duration backoffMax,
    ResponseFormatMode responseFormat) {

  public static final String DEFAULT_API_KEY_ENV = "LENSBENCH_LLM_API_KEY";

  private static final Set<String> KEYS = Set.of("baseUrl", "model", "apiKeyEnv", "timeoutSeconds",
      "maxConcurrency", "maxRetries", "backoffInitialMs", "backoffMaxMs", "responseFormat");

  public OpenAiConfig {
    String where = "openai endpoint config";
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new BadInputException(where + ": baseUrl is required (e.g. http://127.0.0.1:8000/v1)");
    }
    baseUrl = baseUrl.strip();
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where + ": baseUrl '" + Secret.redact(baseUrl)
          + "' is not a URL (expected e.g. http://127.0.0.1:8000/v1)", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new BadInputException(where + ": baseUrl '" + Secret.redact(baseUrl)
          + "' must start with http:// or https:// (expected e.g. http://127.0.0.1:8000/v1)");
    }
    if (model == null || model.isBlank()) {
      throw new BadInputException(where + ": model is required (the name the server serves)");
    }
    requirePositive(timeout, "timeoutSeconds", where);
    requirePositive(backoffInitial, "backoffInitialMs", where);
    requirePositive(backoffMax, "backoffMaxMs", where);
    if (maxConcurrency < 1) {
      throw new BadInputException(where + ": maxConcurrency must be >= 1, found " + maxConcurrency);
    }
    if (maxRetries < 0) {
      throw new BadInputException(where + ": maxRetries must be >= 0, found " + maxRetries);
    }
    if (responseFormat == null) {
      responseFormat = ResponseFormatMode.JSON_SCHEMA;
    }
  }

  /** Defaults: 60 s timeout, 2 in flight, 2 retries, backoff 0.5 s doubling up to 20 s, json_schema. */
  public static OpenAiConfig of(String baseUrl, String model) {
    return new OpenAiConfig(baseUrl, model, DEFAULT_API_KEY_ENV, Duration.ofSeconds(60), 2, 2,
        Duration.ofMillis(500), Duration.ofSeconds(20), ResponseFormatMode.JSON_SCHEMA);
  }

  public OpenAiConfig withTimeout(Duration t) {
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, t, maxConcurrency, maxRetries,
        backoffInitial, backoffMax, responseFormat);
  }

  public OpenAiConfig withRetries(int retries) {
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, timeout, maxConcurrency, retries,
        backoffInitial, backoffMax, responseFormat);
  }

  public OpenAiConfig withResponseFormat(ResponseFormatMode mode) {
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, timeout, maxConcurrency, maxRetries,
        backoffInitial, backoffMax, mode);
  }

  public OpenAiConfig withApiKeyEnv(String env) {
    return new OpenAiConfig(baseUrl, model, env, timeout, maxConcurrency, maxRetries,
        backoffInitial, backoffMax, responseFormat);
  }

  public OpenAiConfig withMaxConcurrency(int n) {
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, timeout, n, maxRetries,
        backoffInitial, backoffMax, responseFormat);
  }

  /** The config as text, with any credential in {@code baseUrl} hidden. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OpenAiConfig[baseUrl=%s, model=%s, apiKeyEnv=%s, timeout=%s, "
        + "maxConcurrency=%d, maxRetries=%d, backoffInitial=%s, backoffMax=%s, responseFormat=%s]",
        Secret.redact(baseUrl), model, apiKeyEnv, timeout, maxConcurrency, maxRetries,
        backoffInitial, backoffMax, responseFormat);
  }

  /** Full URL of the chat-completions endpoint. */
  public URI chatCompletionsUri() {
    return URI.create(baseUrl + "/chat/completions");
  }

  /**
   * Reads an {@code endpoint} block of an experiment file. Unknown keys are errors; missing keys
   * take the defaults of {@link #of}.
   *
   * @param where location used in error messages, e.g. {@code experiment.yaml rerank.endpoint}
   */
  public static OpenAiConfig fromJson(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new BadInputException(where + ": expected an object with baseUrl and model, found "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    JsonFields.checkKeys(node, KEYS, where, "");
    OpenAiConfig d = of(JsonFields.text(node, "baseUrl", null, where), JsonFields.text(node, "model", null, where));
    try {
      return new OpenAiConfig(d.baseUrl(), d.model(),
          JsonFields.text(node, "apiKeyEnv", DEFAULT_API_KEY_ENV, where),
          Duration.ofMillis(Math.round(JsonFields.number(node, "timeoutSeconds", 60, where) * 1000)),
          (int) JsonFields.number(node, "maxConcurrency", d.maxConcurrency(), where),
          (int) JsonFields.number(node, "maxRetries", d.maxRetries(), where),
          Duration.ofMillis((long) JsonFields.number(node, "backoffInitialMs", 500, where)),
          Duration.ofMillis((long) JsonFields.number(node, "backoffMaxMs", 20_000, where)),
          ResponseFormatMode.parse(JsonFields.text(node, "responseFormat", "json_schema", where),
              where + ".responseFormat"));
    } catch (BadInputException e) {
      throw new BadInputException(where + ": " + e.getMessage(), e);
    }
  }

  private static void requirePositive(Duration d, String name, String where) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new BadInputException(where + ": " + name + " must be > 0, found " + d);
    }
  }
}
