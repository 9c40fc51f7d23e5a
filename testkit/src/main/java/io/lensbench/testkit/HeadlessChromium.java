package io.lensbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian Chromium in headless mode, driven over the DevTools protocol (java.net.http WebSocket):
 * records every event so a test can assert on console messages, exceptions, network requests and
 * JavaScript dialogs. Fresh --user-data-dir per instance, debugging port chosen by Chromium and
 * read from its stderr, bound to 127.0.0.1. Waits below are generous guards for a loaded 2-core
 * box, never timed assertions.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final String BINARY = System.getenv().getOrDefault("LENSBENCH_CHROMIUM", "/usr/bin/chromium");
  private static final Duration GUARD = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  public final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<CountDownLatch> loaded = new AtomicReference<>(new CountDownLatch(1));

  public HeadlessChromium(int width, int height) throws IOException, InterruptedException {
    profile = Files.createTempDirectory("lensbench-chromium-");
    process = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String wsBrowser = readDevToolsUrl();
    Matcher m = Pattern.compile("ws://127\\.0\\.0\\.1:(\\d+)/").matcher(wsBrowser);
    if (!m.find()) {
      close();
      throw new IllegalStateException("unexpected DevTools URL " + wsBrowser);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    String pageWs = null;
    for (int attempt = 0; attempt < 50 && pageWs == null; attempt++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/json/list"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : JSON.readTree(r.body())) {
        if ("page".equals(t.path("type").asText())) {
          pageWs = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageWs == null) {
        Thread.sleep(200);
      }
    }
    if (pageWs == null) {
      close();
      throw new IllegalStateException("chromium exposed no page target");
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new Listener()).join();
  }

  private String readDevToolsUrl() throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = err.readLine()) != null) {
          if (line.startsWith("DevTools listening on ")) {
            // keep draining stderr so chromium never blocks on a full pipe
            Thread drain = new Thread(() -> {
              try {
                while (err.readLine() != null) {
                  // discard
                }
              } catch (IOException ignored) {
                // process ended
              }
            }, "chromium-stderr");
            drain.setDaemon(true);
            drain.start();
            return line.substring("DevTools listening on ".length()).trim();
          }
          seen.append(line).append('\n');
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("chromium exited before opening DevTools; stderr:\n" + seen);
    });
    try {
      return url.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("chromium did not open DevTools within " + GUARD + ": " + e.getMessage() + "\n" + seen, e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buf = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buf.append(data);
      if (last) {
        String msg = buf.toString();
        buf.setLength(0);
        try {
          JsonNode n = JSON.readTree(msg);
          if (n.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
            if (f != null) {
              f.complete(n);
            }
          } else {
            events.add(n);
            if ("Page.loadEventFired".equals(n.path("method").asText())) {
              loaded.get().countDown();
            }
            if ("Page.javascriptDialogOpening".equals(n.path("method").asText())) {
              // recorded above; dismiss it so the page keeps loading and the test can report it
              ObjectNode dismiss = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Page.handleJavaScriptDialog");
              dismiss.putObject("params").put("accept", true);
              ws.sendText(dismiss.toString(), true);
            }
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "parse-error").put("text", msg));
        }
      }
      ws.request(1);
      return null;
    }
  }

  public JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params == null ? JSON.createObjectNode() : params);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).join();
    JsonNode r = f.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  public static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Enables the event domains, navigates and waits for the load event. */
  public void open(String url) throws Exception {
    for (String d : List.of("Runtime.enable", "Log.enable", "Network.enable", "Page.enable")) {
      send(d, null);
    }
    loaded.set(new CountDownLatch(1));
    send("Page.navigate", params().put("url", url));
    if (!loaded.get().await(GUARD.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("page " + url + " did not fire load within " + GUARD);
    }
  }

  /** Evaluates an expression returning a JSON-serialisable value. */
  public JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluation threw: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  public void screenshot(Path png) throws Exception {
    JsonNode r = send("Page.captureScreenshot", params().put("format", "png"));
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
  }

  public List<JsonNode> events(String method) {
    synchronized (events) {
      return events.stream().filter(e -> method.equals(e.path("method").asText())).toList();
    }
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        socket.abort();
      }
    } catch (RuntimeException ignored) {
      // already closed
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        child.destroy();
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
    for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // a late write by a dying child: try again
      }
    }
  }
}
