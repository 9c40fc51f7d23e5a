package io.lensbench.stores.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Asks a node at {@code url} whether it is healthy: cluster status and the plugins and modules LensBench needs. */
final class OpenSearchHealth {
  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  OpenSearchHealth(String url) {
    this.url = url;
  }

  /** Cluster health green/yellow, {@code nodes} nodes joined, and the required plugins and modules loaded. */
  Health check(int nodes) {
    try {
      JsonNode h = get("/_cluster/health");
      String status = h.path("status").asText("?");
      int joined = h.path("number_of_nodes").asInt(0);
      if (!status.equals("green") && !status.equals("yellow") || joined < nodes) {
        return new Health(false, true, String.format(Locale.ROOT, "cluster status %s, %d of %d node(s) joined",
            status, joined, nodes), "");
      }
      JsonNode nodeInfo = get("/_nodes/_local/plugins").path("nodes");
      Set<String> plugins = new TreeSet<>();
      Set<String> modules = new TreeSet<>();
      for (JsonNode node : nodeInfo) {
        node.path("plugins").forEach(p -> plugins.add(p.path("name").asText()));
        node.path("modules").forEach(m -> modules.add(m.path("name").asText()));
      }
      List<String> missing = new ArrayList<>();
      EmbeddedOpenSearch.REQUIRED_PLUGINS.stream().filter(p -> !plugins.contains(p)).forEach(p -> missing.add("plugin " + p));
      EmbeddedOpenSearch.REQUIRED_MODULES.stream().filter(m -> !modules.contains(m)).forEach(m -> missing.add("module " + m));
      String version = get("/").path("version").path("number").asText("?");
      String detail = String.format(Locale.ROOT, "cluster %s, %d node(s); plugins %s; modules %s", status, joined,
          String.join(", ", plugins), String.join(", ", modules));
      if (!missing.isEmpty()) {
        return new Health(false, true, "missing " + String.join(", ", missing) + " (" + detail + ")", version);
      }
      return new Health(true, true, detail, version);
    } catch (IOException e) {
      return new Health(false, false, "no answer on " + url + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(false, false, "interrupted", "");
    }
  }

  /** True when a node of this name is in the cluster (asked of the node at {@code url}). */
  boolean hasNode(String name) {
    try {
      for (JsonNode n : get("/_cat/nodes?format=json&h=name")) {
        if (n.path("name").asText().equals(name)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Shard health: "12 active (6 primary), 0 relocating, 0 initializing, 0 unassigned; indexes
   * green 6, yellow 0, red 0", or why it cannot be read.
   */
  String shards() {
    try {
      JsonNode h = get("/_cluster/health?level=indices");
      Map<String, Integer> byStatus = new TreeMap<>(Map.of("green", 0, "yellow", 0, "red", 0));
      h.path("indices").forEach(i -> byStatus.merge(i.path("status").asText("?"), 1, Integer::sum));
      return String.format(Locale.ROOT,
          "%d active (%d primary), %d relocating, %d initializing, %d unassigned; indexes green %d, yellow %d, red %d",
          h.path("active_shards").asInt(), h.path("active_primary_shards").asInt(), h.path("relocating_shards").asInt(),
          h.path("initializing_shards").asInt(), h.path("unassigned_shards").asInt(), byStatus.get("green"),
          byStatus.get("yellow"), byStatus.get("red"));
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (resp.statusCode() != 200) {
      throw new IOException("GET " + path + " answered HTTP " + resp.statusCode() + ": "
          + Processes.abbreviate(resp.body(), 200));
    }
    return json.readTree(resp.body());
  }

  /** Healthy, answering at all, what was seen, the version reported. */
  record Health(boolean ok, boolean answered, String detail, String version) {}
}
