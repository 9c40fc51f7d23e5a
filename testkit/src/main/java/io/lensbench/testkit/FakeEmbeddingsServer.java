package io.lensbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process fake of an OpenAI-compatible {@code POST /v1/embeddings} server (JDK HttpServer on
 * 127.0.0.1, ephemeral port). Its "model" is a deterministic feature-hashing bag of words (texts
 * sharing words get similar vectors). Faults are scripted per request.
 */
public final class FakeEmbeddingsServer implements AutoCloseable {
  public enum Fault {
    HTTP_500,
    HTTP_503,
    MALFORMED_JSON,
    WRONG_COUNT,
    SLOW
  }

  public static final int DIM = 64;

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inputs = new AtomicInteger();
  private volatile String lastAuthorization;

  public FakeEmbeddingsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/embeddings", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized void script(Fault... f) {
    for (Fault x : f) {
      faults.add(x);
    }
  }

  public int requests() {
    return requests.get();
  }

  public int inputs() {
    return inputs.get();
  }

  public String lastAuthorization() {
    return lastAuthorization;
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "{\"error\":{\"message\":\"method not allowed\"}}");
        return;
      }
      JsonNode req = json.readTree(ex.getRequestBody());
      Fault f = nextFault();
      if (f == Fault.HTTP_500) {
        send(ex, 500, "{\"error\":{\"message\":\"scripted internal error\",\"type\":\"server_error\"}}");
        return;
      }
      if (f == Fault.HTTP_503) {
        send(ex, 503, "{\"error\":{\"message\":\"scripted overload\"}}");
        return;
      }
      if (f == Fault.MALFORMED_JSON) {
        send(ex, 200, "{\"object\":\"list\",\"data\":[{\"embedding\":[0.1,");
        return;
      }
      if (f == Fault.SLOW) {
        try {
          Thread.sleep(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      JsonNode input = req.get("input");
      if (input == null || req.get("model") == null) {
        send(ex, 400, "{\"error\":{\"message\":\"'model' and 'input' are required\"}}");
        return;
      }
      ArrayNode texts = json.createArrayNode();
      if (input.isArray()) {
        texts.addAll((ArrayNode) input);
      } else {
        texts.add(input.asText());
      }
      inputs.addAndGet(texts.size());
      ObjectNode resp = json.createObjectNode();
      resp.put("object", "list");
      ArrayNode data = resp.putArray("data");
      int n = f == Fault.WRONG_COUNT ? Math.max(0, texts.size() - 1) : texts.size();
      // answer in reverse order: clients must use "index", not position
      for (int i = n - 1; i >= 0; i--) {
        ObjectNode d = data.addObject();
        d.put("object", "embedding");
        d.put("index", i);
        ArrayNode e = d.putArray("embedding");
        for (float v : hashEmbed(texts.get(i).asText())) {
          e.add(v);
        }
      }
      resp.put("model", req.get("model").asText());
      resp.putObject("usage").put("prompt_tokens", 0).put("total_tokens", 0);
      send(ex, 200, resp.toString());
    }
  }

  public static float[] hashEmbed(String text) {
    float[] v = new float[DIM];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        int h = w.hashCode();
        v[Math.floorMod(h, DIM)] += 1f;
        v[Math.floorMod(h >>> 8, DIM)] += (h & 1) == 0 ? 0.5f : -0.5f;
      }
    }
    return v;
  }

  private static void send(HttpExchange ex, int code, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
