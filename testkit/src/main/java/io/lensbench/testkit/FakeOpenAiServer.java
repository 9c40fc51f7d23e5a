package io.lensbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A FAKE OpenAI-compatible server, for tests and offline demos: an in-process JDK HTTP server on
 * 127.0.0.1 (an ephemeral port unless given) speaking the real {@code POST /v1/chat/completions}
 * wire protocol. No vision-language model exists on this machine; this stands in for the
 * endpoint so the real client and the guardrails can be exercised. It parses
 * and validates each request as OpenAI would (model, messages, roles, text and {@code image_url}
 * parts with base64 data URLs that decode to images, {@code response_format}), records it, and
 * answers with the real {@code chat.completion} shape including {@code usage}. What it answers
 * is scripted per test: content, HTTP status, {@code Retry-After}, delay, truncation.
 *
 * <p>It is not a model: it never looks at the images to decide anything.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final Pattern DATA_URL =
      Pattern.compile("^data:(image/(?:jpeg|png|webp|gif));base64,([A-Za-z0-9+/=]+)$");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;
  private final Function<FakeRequest, FakeReply> script;
  private final List<FakeRequest> requests = new ArrayList<>();
  private final List<String> protocolErrors = new ArrayList<>();

  /** Starts on an ephemeral port of 127.0.0.1. */
  public FakeOpenAiServer(Function<FakeRequest, FakeReply> script) throws IOException {
    this(script, 0);
  }

  /** Starts on the given port of 127.0.0.1 (0: ephemeral). */
  public FakeOpenAiServer(Function<FakeRequest, FakeReply> script, int port) throws IOException {
    this.script = script;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        0);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-openai");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/v1} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized List<FakeRequest> requests() {
    return List.copyOf(requests);
  }

  /** Ways in which requests broke the OpenAI protocol (empty when the client behaved). */
  public synchronized List<String> protocolErrors() {
    return List.copyOf(protocolErrors);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] raw;
      try (InputStream in = ex.getRequestBody()) {
        raw = in.readAllBytes();
      }
      List<String> errors = new ArrayList<>();
      FakeRequest req = parse(ex, raw, errors);
      if (!errors.isEmpty()) {
        synchronized (this) {
          protocolErrors.addAll(errors);
        }
        send(ex, 400, Map.of(), errorBody(String.join("; ", errors), "invalid_request_error"));
        return;
      }
      FakeReply reply;
      synchronized (this) {
        requests.add(req);
      }
      reply = script.apply(req);
      if (reply.delayMs() > 0) {
        try {
          Thread.sleep(reply.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return; // closing
        }
      }
      if (reply.rawBody() != null) {
        send(ex, reply.status(), reply.headers(), reply.rawBody());
      } else if (reply.status() != 200) {
        send(ex, reply.status(), reply.headers(), errorBody("scripted error " + reply.status(),
            reply.status() == 429 ? "rate_limit_exceeded" : "server_error"));
      } else {
        send(ex, 200, reply.headers(), completion(req, reply));
      }
    } catch (IOException e) {
      // the client gave up (timeout) and closed the connection: nothing to answer
    }
  }

  private FakeRequest parse(HttpExchange ex, byte[] raw, List<String> errors) {
    List<String> texts = new ArrayList<>();
    List<BufferedImage> images = new ArrayList<>();
    List<String> mimes = new ArrayList<>();
    if (!"POST".equals(ex.getRequestMethod())) {
      errors.add("expected POST, found " + ex.getRequestMethod());
    }
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    if (ct == null || !ct.startsWith("application/json")) {
      errors.add("expected Content-Type application/json, found " + ct);
    }
    JsonNode body;
    try {
      body = json.readTree(raw);
    } catch (IOException e) {
      errors.add("body is not JSON: " + e.getMessage());
      return null;
    }
    if (body == null || !body.isObject()) {
      errors.add("body is not a JSON object");
      return null;
    }
    if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
      errors.add("model must be a non-empty string");
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      errors.add("messages must be a non-empty array");
    }
    for (JsonNode m : messages) {
      String role = m.path("role").asText("");
      if (!List.of("system", "user", "assistant").contains(role)) {
        errors.add("unknown role '" + role + "'");
      }
      JsonNode content = m.path("content");
      if (content.isTextual()) {
        texts.add(content.asText());
      } else if (content.isArray()) {
        if (!"user".equals(role)) {
          errors.add("array content in a " + role + " message (only user messages carry images)");
        }
        for (JsonNode part : content) {
          String type = part.path("type").asText("");
          if ("text".equals(type)) {
            if (!part.path("text").isTextual()) {
              errors.add("text part without text");
            }
            texts.add(part.path("text").asText());
          } else if ("image_url".equals(type)) {
            String url = part.path("image_url").path("url").asText("");
            Matcher mm = DATA_URL.matcher(url);
            if (!mm.matches()) {
              errors.add("image_url.url is not a base64 image data URL: "
                  + url.substring(0, Math.min(40, url.length())));
              continue;
            }
            try {
              BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                  Base64.getDecoder().decode(mm.group(2))));
              if (img == null) {
                errors.add("image_url data does not decode to an image");
              } else {
                images.add(img);
                mimes.add(mm.group(1));
              }
            } catch (IOException | IllegalArgumentException e) {
              errors.add("image_url data is not valid base64 image data: " + e.getMessage());
            }
          } else {
            errors.add("unknown content part type '" + type + "'");
          }
        }
      } else {
        errors.add("message content must be a string or an array of parts");
      }
    }
    JsonNode rf = body.get("response_format");
    if (rf != null) {
      String type = rf.path("type").asText("");
      if ("json_schema".equals(type)) {
        JsonNode js = rf.path("json_schema");
        if (!js.path("name").isTextual() || !js.path("schema").isObject()) {
          errors.add("response_format json_schema needs name and schema");
        }
      } else if (!"json_object".equals(type) && !"text".equals(type)) {
        errors.add("unknown response_format type '" + type + "'");
      }
    }
    int index;
    synchronized (this) {
      index = requests.size();
    }
    return new FakeRequest(index, body, ex.getRequestHeaders().getFirst("Authorization"), texts,
        images, mimes);
  }

  private String completion(FakeRequest req, FakeReply reply) throws IOException {
    ObjectNode o = json.createObjectNode();
    o.put("id", "chatcmpl-fake-" + req.index());
    o.put("object", "chat.completion");
    o.put("created", 1_700_000_000L);
    o.put("model", req.body().path("model").asText());
    ArrayNode choices = o.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    ObjectNode msg = choice.putObject("message");
    msg.put("role", "assistant");
    msg.put("content", reply.content());
    choice.put("finish_reason", reply.finishReason());
    ObjectNode usage = o.putObject("usage");
    usage.put("prompt_tokens", reply.promptTokens());
    usage.put("completion_tokens", reply.completionTokens());
    usage.put("total_tokens", reply.promptTokens() + reply.completionTokens());
    return json.writeValueAsString(o);
  }

  private String errorBody(String message, String type) throws IOException {
    ObjectNode o = json.createObjectNode();
    ObjectNode e = o.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    e.putNull("code");
    return json.writeValueAsString(o);
  }

  private static void send(HttpExchange ex, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    new LinkedHashMap<>(headers).forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Runs the fake until killed: {@code java -cp ... io.lensbench.testkit.FakeOpenAiServer
   * [port] [echo|drop-one]} ({@code drop-one}: the seed's 9 → 8 behaviour, dropping the 5th
   * candidate). Prints the base URL on stdout.
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    String behaviour = args.length > 1 ? args[1] : "drop-one";
    Function<FakeRequest, FakeReply> script = switch (behaviour) {
      case "echo" -> FakeScripts.echo();
      case "drop-one" -> FakeScripts.reverseDroppingOne(4);
      default -> throw new IllegalArgumentException("behaviour: expected echo or drop-one, found "
          + behaviour);
    };
    FakeOpenAiServer fake = new FakeOpenAiServer(script, port);
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
    System.out.println(fake.baseUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
