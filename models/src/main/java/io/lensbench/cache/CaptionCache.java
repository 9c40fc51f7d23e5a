package io.lensbench.cache;

import io.lensbench.core.LensBenchHome;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On-disk captions of every captioner: {@code <root>/captions/captions.lbc}, a crash-safe framed
 * file (docs/encoders.md, "Caches"), keyed by {@link CacheKey} over (image SHA-256, captioner id,
 * prompt hash, decoding parameters). A record's value is the caption in UTF-8, decoded strictly.
 */
public final class CaptionCache implements CacheStore<String> {
  private final DiskStore disk;

  private CaptionCache(DiskStore disk) {
    this.disk = disk;
  }

  public static CaptionCache open() {
    return open(LensBenchHome.cacheDir());
  }

  public static CaptionCache open(Path cacheRoot) {
    Path dir = cacheRoot.resolve("captions");
    Path file = dir.resolve("captions" + EmbeddingCache.EXTENSION);
    DiskStore.ignoreLegacy(dir.resolve("captions.jsonl"), file);
    return new CaptionCache(DiskStore.open(file, "lensbench captions", CaptionCache::validText));
  }

  public Path file() {
    return disk.file();
  }

  public int size() {
    return disk.size();
  }

  /** Torn or corrupt tails this process truncated. */
  public Recovery repairs() {
    return disk.repairs();
  }

  @Override
  public String get(String key) {
    ByteBuffer b = disk.get(key);
    return b == null ? null : decode(b);
  }

  @Override
  public void putAll(Map<String, String> entries) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    entries.forEach((key, caption) -> bytes.put(key, caption.getBytes(StandardCharsets.UTF_8)));
    disk.putAll(bytes);
  }

  @Override
  public void refresh() {
    disk.refresh();
  }

  @Override
  public void close() {
    disk.close();
  }

  private static boolean validText(ByteBuffer value) {
    return decode(value) != null;
  }

  /** Strict UTF-8; null for malformed bytes. */
  private static String decode(ByteBuffer b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(b.duplicate()).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
