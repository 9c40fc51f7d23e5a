package io.lensbench.encoders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Secret;
import io.lensbench.openai.BoundedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Client for OpenAI-compatible {@code POST /v1/embeddings} servers (OpenAI, vLLM, Ollama,
 * LM Studio, llama.cpp server, TEI, gateways). Sends texts in batches, checks the response
 * (count, indices, dimensions) and L2-normalises unless told otherwise. The API key comes from an
 * environment variable and is never logged.
 */
public final class OpenAiEmbeddingsEncoder implements TextEncoder {

  /** Environment variable read for the API key unless the config names another. */
  public static final String DEFAULT_API_KEY_ENV = "LENSBENCH_EMBEDDINGS_API_KEY";

  /** The longest response body read: 256 MiB (64 vectors of 3,072 floats as JSON are about 4 MB). */
  public static final int MAX_RESPONSE_BYTES = 256 << 20;

  /**
   * Endpoint configuration.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:8000} or {@code https://api.openai.com/v1}
   * @param model model name sent in the request
   * @param apiKey bearer token (null/blank: no Authorization header)
   * @param timeout per-request deadline covering the whole response (headers and body)
   * @param batchSize texts per request
   * @param maxRetries retries on HTTP 429/502/503/504 and I/O errors (not on other 4xx/5xx)
   * @param normalize L2-normalise returned vectors
   * @param queryPrefix prepended to query texts
   * @param passagePrefix prepended to passage texts
   */
  public record Config(
      String baseUrl,
      String model,
      String apiKey,
      Duration timeout,
      int batchSize,
      int maxRetries,
      boolean normalize,
      String queryPrefix,
      String passagePrefix) {

    public Config {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new BadInputException("embeddings endpoint: 'baseUrl' is required");
      }
      if (model == null || model.isBlank()) {
        throw new BadInputException("embeddings endpoint " + Secret.redact(baseUrl)
            + ": 'model' is required");
      }
      if (batchSize < 1) {
        throw new BadInputException("embeddings endpoint: 'batchSize' expected >= 1, found "
            + batchSize);
      }
    }

    /** Defaults: key from {@value #DEFAULT_API_KEY_ENV}, 30 s timeout, batch 64, 2 retries. */
    public static Config of(String baseUrl, String model) {
      return new Config(baseUrl, model, System.getenv(DEFAULT_API_KEY_ENV), Duration.ofSeconds(30),
          64, 2, true, "", "");
    }

    public Config withTimeout(Duration t) {
      return new Config(baseUrl, model, apiKey, t, batchSize, maxRetries, normalize, queryPrefix,
          passagePrefix);
    }

    public Config withBatchSize(int b) {
      return new Config(baseUrl, model, apiKey, timeout, b, maxRetries, normalize, queryPrefix,
          passagePrefix);
    }

    public Config withRetries(int r) {
      return new Config(baseUrl, model, apiKey, timeout, batchSize, r, normalize, queryPrefix,
          passagePrefix);
    }

    public Config withApiKey(String key) {
      return new Config(baseUrl, model, key, timeout, batchSize, maxRetries, normalize,
          queryPrefix, passagePrefix);
    }

    @Override
    public String toString() {
      return "Config[baseUrl=" + Secret.redact(baseUrl) + ", model=" + model + ", apiKey="
          + (apiKey == null || apiKey.isBlank() ? "none" : "***") + ", timeout=" + timeout
          + ", batchSize=" + batchSize + "]";
    }
  }

  private final Config cfg;
  private final URI uri;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private volatile int dimension = -1;

  public OpenAiEmbeddingsEncoder(Config cfg) {
    this.cfg = cfg;
    String base = cfg.baseUrl().replaceAll("/+$", "");
    this.uri = URI.create(base.endsWith("/v1") ? base + "/embeddings" : base + "/v1/embeddings");
    this.http = HttpClient.newBuilder().connectTimeout(cfg.timeout()).build();
  }

  @Override
  public String id() {
    return "openai-embeddings:" + cfg.model() + "@" + uri.getHost() + ":" + uri.getPort();
  }

  /** Dimension of the vectors (asks the endpoint once if no call has been made yet). */
  @Override
  public int dimension() {
    if (dimension < 0) {
      embed(List.of("dimension probe"), Role.PASSAGE);
    }
    return dimension;
  }

  public URI endpoint() {
    return uri;
  }

  @Override
  public List<float[]> embed(List<String> texts, Role role) {
    List<float[]> out = new ArrayList<>(texts.size());
    String prefix = role == Role.QUERY ? cfg.queryPrefix() : cfg.passagePrefix();
    for (int s = 0; s < texts.size(); s += cfg.batchSize()) {
      List<String> chunk = new ArrayList<>();
      for (String t : texts.subList(s, Math.min(texts.size(), s + cfg.batchSize()))) {
        chunk.add(prefix + (t == null ? "" : t));
      }
      out.addAll(call(chunk));
    }
    return out;
  }

  private List<float[]> call(List<String> inputs) {
    ObjectNode body = json.createObjectNode();
    body.put("model", cfg.model());
    ArrayNode arr = body.putArray("input");
    inputs.forEach(arr::add);
    body.put("encoding_format", "float");
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(uri)
            .timeout(cfg.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (cfg.apiKey() != null && !cfg.apiKey().isBlank()) {
      rb.header("Authorization", "Bearer " + cfg.apiKey());
    }
    HttpRequest req = rb.build();
    String where = "embeddings endpoint POST " + Secret.redact(uri.toString()) + " (model '"
        + cfg.model() + "')";
    for (int attempt = 0; ; attempt++) {
      BoundedHttp.Response resp;
      try {
        resp = BoundedHttp.send(http, req, cfg.timeout(), MAX_RESPONSE_BYTES);
      } catch (HttpTimeoutException e) {
        if (attempt < cfg.maxRetries()) {
          backoff(attempt);
          continue;
        }
        throw new InfrastructureException(where + ": no response within " + cfg.timeout().toMillis()
            + " ms (after " + (attempt + 1) + " attempt(s))", e);
      } catch (BoundedHttp.BodyTooLargeException e) {
        throw new InfrastructureException(where + ": " + e.getMessage(), e);
      } catch (IOException e) {
        if (attempt < cfg.maxRetries()) {
          backoff(attempt);
          continue;
        }
        throw new InfrastructureException(where + ": " + e.getClass().getSimpleName() + ": "
            + Secret.redact(e.getMessage()), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException(where + ": interrupted", e);
      }
      int code = resp.status();
      if (code == 200) {
        return parse(resp.body(), inputs.size(), where);
      }
      boolean transient_ = code == 429 || code == 502 || code == 503 || code == 504;
      if (transient_ && attempt < cfg.maxRetries()) {
        backoff(attempt);
        continue;
      }
      throw new InfrastructureException(String.format(Locale.ROOT,
          "%s: expected HTTP 200, found HTTP %d after %d attempt(s): %s", where, code, attempt + 1,
          excerpt(resp.body())));
    }
  }

  private List<float[]> parse(String body, int expected, String where) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InfrastructureException(where + ": expected a JSON body, found malformed JSON ("
          + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + "): " + excerpt(body), e);
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null || !data.isArray()) {
      throw new InfrastructureException(where + ": expected a 'data' array in the response, found "
          + excerpt(body));
    }
    if (data.size() != expected) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "%s: expected %d embeddings (one per input), found %d", where, expected, data.size()));
    }
    float[][] out = new float[expected][];
    for (int i = 0; i < data.size(); i++) {
      JsonNode d = data.get(i);
      int index = d.path("index").asInt(i);
      JsonNode emb = d.get("embedding");
      if (index < 0 || index >= expected || out[index] != null) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "%s: data[%d].index expected a unique value in [0, %d), found %d", where, i, expected,
            index));
      }
      if (emb == null || !emb.isArray() || emb.isEmpty()) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "%s: data[%d].embedding expected a non-empty array of numbers, found %s", where, i,
            emb == null ? "nothing" : excerpt(emb.toString())));
      }
      float[] v = new float[emb.size()];
      for (int k = 0; k < v.length; k++) {
        if (!emb.get(k).isNumber()) {
          throw new InfrastructureException(String.format(Locale.ROOT,
              "%s: data[%d].embedding[%d] expected a number, found %s", where, i, k, emb.get(k)));
        }
        v[k] = (float) emb.get(k).asDouble();
      }
      int dim = dimension;
      if (dim >= 0 && v.length != dim) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "%s: data[%d].embedding expected dimension %d (as before), found %d", where, i, dim,
            v.length));
      }
      dimension = v.length;
      out[index] = cfg.normalize() ? Vectors.normalizeInPlace(v) : v;
    }
    return List.of(out);
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(200L << Math.min(attempt, 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while retrying", e);
    }
  }

  private static String excerpt(String s) {
    if (s == null) {
      return "<empty>";
    }
    String t = Secret.redact(s).replaceAll("\\s+", " ").trim();
    return t.length() > 200 ? "'" + t.substring(0, 200) + "…'" : "'" + t + "'";
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; nothing native to release.
  }
}
