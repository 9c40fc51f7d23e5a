package io.lensbench.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for an OpenAI-compatible {@code POST <baseUrl>/chat/completions} endpoint (OpenAI,
 * vLLM, Ollama, LM Studio, llama.cpp server). Thread-safe; at most {@code maxConcurrency}
 * requests are in flight. Retries 429, 5xx, timeouts and transport errors with exponential
 * backoff, honouring {@code Retry-After}. The API key is read from the environment variable
 * named in the config and is never logged or put in a message.
 */
public final class OpenAiChatClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);
  private static final int MAX_BODY_IN_MESSAGE = 300;
  /** The longest response body read: 16 MiB (a chat answer is a few kB). */
  public static final int MAX_RESPONSE_BYTES = 16 << 20;

  private final OpenAiConfig config;
  private final URI endpoint;
  /** The endpoint as messages and logs show it: any credential in the URL hidden. */
  private final String where;
  private final HttpClient http;
  private final Semaphore permits;
  private final Sleeper sleeper;
  private final String apiKey;
  private final ObjectMapper json = new ObjectMapper();

  public OpenAiChatClient(OpenAiConfig config) {
    this(config, System::getenv, Sleeper.REAL);
  }

  /**
   * @param env looks up environment variables (the API key); tests pass a map
   * @param sleeper waits between retries
   */
  public OpenAiChatClient(OpenAiConfig config, Function<String, String> env, Sleeper sleeper) {
    this.config = config;
    this.endpoint = config.chatCompletionsUri();
    this.where = Secret.redact(endpoint.toString());
    this.sleeper = sleeper;
    this.permits = new Semaphore(config.maxConcurrency(), true);
    String key = null;
    if (config.apiKeyEnv() != null && !config.apiKeyEnv().isBlank()) {
      key = env.apply(config.apiKeyEnv());
      if (key == null || key.isBlank()) {
        LOG.info("environment variable {} is not set: calling {} without an API key",
            config.apiKeyEnv(), where);
        key = null;
      }
    }
    this.apiKey = key;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // local servers do not all handle h2c upgrades
        .connectTimeout(config.timeout())
        .build();
  }

  public OpenAiConfig config() {
    return config;
  }

  /** The JSON body that {@link #complete} sends (exposed for cache keys and tests). */
  public ObjectNode requestBody(ChatRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("model", config.model());
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      ObjectNode msg = messages.addObject();
      msg.put("role", m.role());
      if (m.textOnly()) {
        StringBuilder sb = new StringBuilder();
        for (ContentPart p : m.parts()) {
          sb.append(((ContentPart.Text) p).text());
        }
        msg.put("content", sb.toString());
      } else {
        ArrayNode parts = msg.putArray("content");
        for (ContentPart p : m.parts()) {
          ObjectNode part = parts.addObject();
          if (p instanceof ContentPart.Text t) {
            part.put("type", "text");
            part.put("text", t.text());
          } else if (p instanceof ContentPart.Image img) {
            part.put("type", "image_url");
            part.putObject("image_url").put("url", img.dataUrl());
          }
        }
      }
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      body.put("max_tokens", request.maxTokens());
    }
    body.put("stream", false);
    if (request.schema() != null) {
      switch (config.responseFormat()) {
        case JSON_SCHEMA -> {
          ObjectNode rf = body.putObject("response_format");
          rf.put("type", "json_schema");
          ObjectNode js = rf.putObject("json_schema");
          js.put("name", request.schemaName() == null ? "answer" : request.schemaName());
          js.put("strict", true);
          js.set("schema", request.schema());
        }
        case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
        case NONE -> { }
      }
    }
    return body;
  }

  /**
   * Sends one request, retrying as configured. Each attempt has a deadline covering the whole
   * response ({@link OpenAiConfig#timeout()}) and a body cap ({@link #MAX_RESPONSE_BYTES}); the
   * wait for a concurrency slot is bounded too.
   *
   * @throws ChatCallException when no answer came after all retries (counted by callers)
   * @throws InfrastructureException when the endpoint is misconfigured or unreachable
   */
  public ChatResponse complete(ChatRequest request) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(requestBody(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise chat request", e);
    }
    Attempts a = new Attempts();
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      a.attempts++;
      BoundedHttp.Response resp = send(body, a, attempt == config.maxRetries());
      Duration retryAfter = null;
      if (resp != null) {
        if (resp.status() >= 200 && resp.status() < 300) {
          return parseResponse(resp.body(), a.stats());
        }
        if (!retryable(resp, a)) {
          break; // a client error is not retried: the same request fails the same way
        }
        retryAfter = parseRetryAfter(resp.headers().firstValue("Retry-After"));
      }
      if (attempt < config.maxRetries()) {
        pause(retryAfter != null ? retryAfter : backoff(attempt), a);
      }
    }
    throw new ChatCallException(a.lastKind, a.lastStatus, a.stats(), String.format(Locale.ROOT,
        "%s (model %s): no answer after %d attempt(s); last: %s", where, config.model(),
        a.attempts, a.lastError));
  }

  /** What the attempts of one call have seen so far. */
  private final class Attempts {
    final long start = System.nanoTime();
    int attempts;
    int httpErrors;
    int timeouts;
    String lastError = "";
    ChatCallException.Kind lastKind = ChatCallException.Kind.TRANSPORT;
    int lastStatus;

    CallStats stats() {
      return new CallStats(attempts, attempts - 1, httpErrors, timeouts,
          (System.nanoTime() - start) / 1e6);
    }

    void failed(ChatCallException.Kind kind, String error) {
      lastKind = kind;
      lastStatus = 0;
      lastError = Secret.redact(error);
    }
  }

  /** One attempt under a slot: the response, or null after a timeout or transport failure. */
  private BoundedHttp.Response send(byte[] body, Attempts a, boolean last) {
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    if (!acquire()) {
      a.timeouts++;
      a.failed(ChatCallException.Kind.TIMEOUT, String.format(Locale.ROOT,
          "no free concurrency slot within %d ms", slotWait().toMillis()));
      return null;
    }
    try {
      return BoundedHttp.send(http, rb.build(), config.timeout(), MAX_RESPONSE_BYTES);
    } catch (HttpTimeoutException e) {
      a.timeouts++;
      a.failed(ChatCallException.Kind.TIMEOUT, String.format(Locale.ROOT,
          "no response within %d ms (the deadline covers headers and body)",
          config.timeout().toMillis()));
    } catch (BoundedHttp.BodyTooLargeException e) {
      a.failed(ChatCallException.Kind.BAD_RESPONSE, e.getMessage());
    } catch (ConnectException e) {
      if (last) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "cannot connect to %s (model %s) after %d attempts: %s. Expected an "
                + "OpenAI-compatible server there; start it or fix the endpoint's baseUrl",
            where, config.model(), a.attempts, Secret.redact(e.toString())));
      }
      a.failed(ChatCallException.Kind.TRANSPORT, e.toString());
    } catch (IOException e) {
      a.failed(ChatCallException.Kind.TRANSPORT, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while calling " + where, e);
    } finally {
      permits.release();
    }
    return null;
  }

  /** Records a non-2xx answer; false when it is not worth retrying. */
  private boolean retryable(BoundedHttp.Response resp, Attempts a) {
    int status = resp.status();
    a.httpErrors++;
    a.lastKind = ChatCallException.Kind.HTTP_ERROR;
    a.lastStatus = status;
    a.lastError = String.format(Locale.ROOT, "HTTP %d: %s", status, abbreviate(resp.body()));
    if (status == 401 || status == 403 || status == 404) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "%s (model %s) answered HTTP %d: %s. Expected 200; check baseUrl (it must end in "
              + "/v1), the model name, and the API key in environment variable %s",
          where, config.model(), status, abbreviate(resp.body()), config.apiKeyEnv()));
    }
    return status == 429 || status >= 500;
  }

  private void pause(Duration wanted, Attempts a) {
    Duration delay = wanted.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wanted;
    LOG.debug("{} attempt {} failed ({}); retrying in {} ms", where, a.attempts, a.lastError,
        delay.toMillis());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting to retry " + where, e);
    }
  }

  /**
   * The longest wait for a concurrency slot: every slot is held for at most one attempt's
   * deadline, so a fair queue moves within a few of them.
   */
  private Duration slotWait() {
    return config.timeout().multipliedBy(4);
  }

  private boolean acquire() {
    try {
      return permits.tryAcquire(slotWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for a slot to call " + where, e);
    }
  }

  /** Free concurrency slots now (for tests: every slot comes back after a call, however it ended). */
  int freeSlots() {
    return permits.availablePermits();
  }

  private Duration backoff(int attempt) {
    long ms = config.backoffInitial().toMillis() << Math.min(attempt, 20);
    return Duration.ofMillis(Math.min(ms, config.backoffMax().toMillis()));
  }

  /** {@code Retry-After}: delta-seconds or an HTTP-date. */
  static Duration parseRetryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return null;
    }
    String v = header.get().strip();
    try {
      double seconds = Double.parseDouble(v);
      return seconds < 0 ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private ChatResponse parseResponse(String body, CallStats stats) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ChatCallException(ChatCallException.Kind.BAD_RESPONSE, 200, stats,
          String.format(Locale.ROOT, "%s: expected a chat.completion JSON object, found: %s",
              where, abbreviate(body)));
    }
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    JsonNode content = choice == null ? null : choice.path("message").path("content");
    if (content == null || content.isMissingNode()) {
      throw new ChatCallException(ChatCallException.Kind.BAD_RESPONSE, 200, stats,
          String.format(Locale.ROOT,
              "%s: expected choices[0].message.content in the response, found: %s", where,
              abbreviate(body)));
    }
    String text;
    if (content.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode p : content) {
        if (p.has("text")) {
          sb.append(p.get("text").asText());
        }
      }
      text = sb.toString();
    } else {
      text = content.isNull() ? "" : content.asText();
    }
    JsonNode usage = root.path("usage");
    Usage u = new Usage(usage.path("prompt_tokens").asLong(0),
        usage.path("completion_tokens").asLong(0));
    return new ChatResponse(text, choice.path("finish_reason").asText(null), u, stats);
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "(empty body)";
    }
    String t = Secret.redact(s).replaceAll("\\s+", " ").strip();
    return t.length() <= MAX_BODY_IN_MESSAGE ? t : t.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  @Override
  public String toString() {
    return "OpenAiChatClient[" + where + ", model=" + config.model() + ", apiKey="
        + (apiKey == null ? "none" : "from $" + config.apiKeyEnv()) + "]";
  }

  /** The JDK 17 HttpClient holds no resource that needs closing; kept for try-with-resources. */
  @Override
  public void close() {
    // nothing to release in JDK 17; HttpClient.close() exists from JDK 21
  }
}
