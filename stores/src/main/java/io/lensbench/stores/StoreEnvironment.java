package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code LENSBENCH_*} store settings of an environment, parsed and checked: where the
 * embedded stores listen ({@code stores up} reads the same variables) and the values
 * {@link StoreConfig#fromEnvironment(Map)} takes over.
 */
final class StoreEnvironment {
  static final int MILVUS_PORT = 19730;
  static final int MILVUS_LITE_PORT = 19530;
  static final int OPENSEARCH_PORT = 19200;

  private final Map<String, String> env;

  StoreEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /** The embedded Milvus server: {@code http://127.0.0.1:<LENSBENCH_MILVUS_PORT|19730>}. */
  String milvusServerUri() {
    return local(port("LENSBENCH_MILVUS_PORT", MILVUS_PORT));
  }

  /** The embedded Milvus Lite: {@code LENSBENCH_MILVUS_LITE_URI}, else its port on 127.0.0.1. */
  String milvusLiteUri() {
    return orDefault(value("LENSBENCH_MILVUS_LITE_URI"), local(port("LENSBENCH_MILVUS_LITE_PORT", MILVUS_LITE_PORT)));
  }

  /**
   * The embedded OpenSearch node(s): {@code LENSBENCH_OPENSEARCH_NODES} (default 1) consecutive
   * HTTP ports from {@code LENSBENCH_OPENSEARCH_PORT} (default 19200).
   */
  List<String> openSearchUrls() {
    int first = port("LENSBENCH_OPENSEARCH_PORT", OPENSEARCH_PORT);
    int nodes = count("LENSBENCH_OPENSEARCH_NODES", 1, 9);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      urls.add(local(first + i));
    }
    return urls;
  }

  /** True when the URL is a loopback address on one of the embedded stores' ports. */
  boolean isEmbeddedMilvus(String url) {
    int port = URI.create(url).getPort();
    return isLoopback(url) && (port == port("LENSBENCH_MILVUS_PORT", MILVUS_PORT)
        || port == port("LENSBENCH_MILVUS_LITE_PORT", MILVUS_LITE_PORT));
  }

  boolean isEmbeddedOpenSearch(List<String> urls) {
    return urls.stream().allMatch(StoreEnvironment::isLoopback)
        && URI.create(urls.get(0)).getPort() == port("LENSBENCH_OPENSEARCH_PORT", OPENSEARCH_PORT);
  }

  /** The trimmed value, or null when unset or blank. */
  String value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  int batchSize(int dflt) {
    String text = value("LENSBENCH_STORE_BATCH_SIZE");
    if (text == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadInputException("LENSBENCH_STORE_BATCH_SIZE: expected an integer, found '" + text + "'", e);
    }
  }

  boolean flag(String name) {
    String value = value(name);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new BadInputException(name + ": expected true or false, found '" + value + "'");
    };
  }

  private int port(String name, int dflt) {
    String v = value(name);
    if (v == null) {
      return dflt;
    }
    try {
      int p = Integer.parseInt(v);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(name + ": expected a port 1..65535, found '" + v + "'");
  }

  private int count(String name, int dflt, int max) {
    String v = value(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(String.format(Locale.ROOT, "%s: expected 1..%d, found '%s'", name, max, v));
  }

  private static String local(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static boolean isLoopback(String url) {
    String host = URI.create(url).getHost();
    return host.equals("127.0.0.1") || host.equals("localhost");
  }

  static String orDefault(String value, String dflt) {
    return value == null || value.isBlank() ? dflt : value;
  }

  /** One or more URLs separated by commas (blanks around them ignored). */
  static List<String> urlList(String urls) {
    return List.of(urls.trim().split("\\s*,\\s*"));
  }

  static String requireHttpUri(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new BadInputException(what + ": expected an http(s) URL, found nothing");
    }
    String v = value.trim();
    URI uri;
    try {
      uri = URI.create(v);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + ": expected an http(s) URL, found '" + v + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new BadInputException(
          what + ": expected an http(s) URL like http://host:port, found '" + v + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new BadInputException(
          what + ": credentials must not be embedded in the URL; use the *_USER/*_PASSWORD/*_TOKEN variables");
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }
}
