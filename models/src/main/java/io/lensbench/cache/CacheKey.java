package io.lensbench.cache;

import io.lensbench.core.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of a cached result: SHA-256 (64 hex digits) over what produced it, joined by NUL — the
 * content's SHA-256, the model's id (which carries its weights fingerprint), then every parameter
 * that changes the result (role, prompt hash, decoding parameters).
 */
public final class CacheKey {
  private CacheKey() {}

  public static String of(String contentSha256, String modelId, String... parameters) {
    List<String> parts = new ArrayList<>(parameters.length + 2);
    parts.add(contentSha256);
    parts.add(modelId);
    parts.addAll(List.of(parameters));
    return Hashing.sha256Hex(String.join("\u0000", parts));
  }
}
