package io.lensbench.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.cache.CacheStore;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Model answers on disk, one JSON file per key under {@code <dir>/<2 hex>/<sha256>.json}. The
 * key is the SHA-256 of a canonical JSON description of the call (query text and image hash,
 * candidate ids, texts and image hashes, model, prompt hash, parameters). Writes are atomic
 * (temp file + move), so concurrent runs sharing a cache never see half a file, and a crash
 * leaves either the old entry or the new one. Entries grow per query (caption, first answer,
 * feedback answer), so the reranker reads and writes one key at a time rather than through a
 * {@link io.lensbench.cache.BatchedCache}.
 */
public final class AnswerCache implements CacheStore<ObjectNode> {
  private final Path dir;
  private final ObjectMapper json;

  public AnswerCache(Path dir, ObjectMapper json) {
    this.dir = dir;
    this.json = json;
  }

  public Path dir() {
    return dir;
  }

  public static String keyOf(ObjectMapper json, JsonNode canonicalKey) {
    try {
      return Hashing.sha256Hex(json.writeValueAsBytes(canonicalKey));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise cache key", e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  /** The stored entry, or null. A corrupt entry is treated as missing (and overwritten later). */
  @Override
  public ObjectNode get(String key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      JsonNode n = json.readTree(f.toFile());
      return n instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void putAll(Map<String, ObjectNode> entries) {
    entries.forEach(this::put);
  }

  @Override
  public void put(String key, ObjectNode entry) {
    Path f = file(key);
    try {
      Files.createDirectories(f.getParent());
      Path tmp = Files.createTempFile(f.getParent(), key.substring(0, 8), ".tmp");
      json.writeValue(tmp.toFile(), entry);
      try {
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InfrastructureException("cannot write rerank cache entry " + f + ": "
          + e.getMessage(), e);
    }
  }
}
