package io.lensbench.cache;

import io.lensbench.core.LensBenchHome;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * On-disk captions of every captioner: {@code <root>/captions/captions.lbc}, a crash-safe framed
 * file (docs/encoders.md, "Caches"), keyed by {@link CacheKey} over (image SHA-256, captioner id,
 * prompt hash, decoding parameters). A record's value is the caption in UTF-8, decoded strictly.
 */
public final class CaptionCache extends DiskCache<String> {
  private CaptionCache(DiskStore disk) {
    super(disk);
  }

  public static CaptionCache open() {
    return open(LensBenchHome.cacheDir());
  }

  public static CaptionCache open(Path cacheRoot) {
    Path dir = cacheRoot.resolve("captions");
    Path file = dir.resolve("captions" + EmbeddingCache.EXTENSION);
    DiskStore.ignoreLegacy(dir.resolve("captions.jsonl"), file);
    return new CaptionCache(DiskStore.open(file, "lensbench captions",
        value -> strictUtf8(value) != null));
  }

  @Override
  byte[] encode(String caption) {
    return caption.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  String decode(ByteBuffer bytes) {
    return strictUtf8(bytes);
  }

  /** The text, or null for malformed UTF-8. */
  private static String strictUtf8(ByteBuffer b) {
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
