package io.lensbench.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On-disk caption cache: {@code <root>/captions/captions.jsonl}, one JSON object per line with
 * the key parts (image SHA-256, captioner id, prompt hash, decoding parameters) and the caption.
 * The key is the SHA-256 over those parts. Unparseable lines (a torn last write) are skipped.
 */
public final class CaptionCache implements AutoCloseable {
  /** The parts of a caption's cache key. */
  public record Key(String imageSha256, String captionerId, String promptHash, String decoding) {
    public String hash() {
      return Hashing.sha256Hex(String.join("\u0000", imageSha256, captionerId, promptHash,
          decoding));
    }
  }

  private final Path file;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> map = new HashMap<>();
  private BufferedWriter out;

  private CaptionCache(Path file) {
    this.file = file;
  }

  public static CaptionCache open() {
    return open(LensBenchHome.cacheDir());
  }

  public static CaptionCache open(Path cacheRoot) {
    CaptionCache c = new CaptionCache(cacheRoot.resolve("captions").resolve("captions.jsonl"));
    c.load();
    return c;
  }

  public synchronized String get(Key key) {
    return map.get(key.hash());
  }

  public synchronized int size() {
    return map.size();
  }

  public synchronized void put(Key key, String caption) {
    String h = key.hash();
    if (caption.equals(map.get(h))) {
      return;
    }
    map.put(h, caption);
    ObjectNode n = json.createObjectNode();
    n.put("key", h);
    n.put("image", key.imageSha256());
    n.put("captioner", key.captionerId());
    n.put("prompt", key.promptHash());
    n.put("decoding", key.decoding());
    n.put("caption", caption);
    try {
      if (out == null) {
        Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      out.write(n.toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new InfrastructureException("caption cache " + file + ": write failed: "
          + e.getMessage(), e);
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        try {
          JsonNode n = json.readTree(line);
          if (n != null && n.hasNonNull("key") && n.hasNonNull("caption")) {
            map.put(n.get("key").asText(), n.get("caption").asText());
          }
        } catch (IOException torn) {
          // a torn last line from an interrupted run: skip it
        }
      }
    } catch (IOException e) {
      throw new InfrastructureException("caption cache " + file + ": unreadable: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new InfrastructureException("caption cache " + file + ": close failed: "
            + e.getMessage(), e);
      } finally {
        out = null;
      }
    }
  }
}
