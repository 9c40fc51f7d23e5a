package io.lensbench.cache;

import io.lensbench.core.Hashing;
import io.lensbench.core.LensBenchHome;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * On-disk vectors of one (model id, kind) pair — kinds {@code text-query}, {@code text-passage},
 * {@code image}, {@code image-text} — in {@code <root>/embeddings/<model-slug>-<sha12(model
 * id)>/<kind>.lbc}, a crash-safe framed file (docs/encoders.md, "Caches"). A record's value is
 * the dimension (u32) and the floats (IEEE 754, big-endian); vectors are read on demand, so the
 * memory held is the index (16 bytes a slot), not the vectors.
 */
public final class EmbeddingCache extends DiskCache<float[]> {
  static final String EXTENSION = ".lbc";
  private static final int MAX_DIMENSION = 1 << 16;

  private final String modelId;
  private final String kind;

  private EmbeddingCache(String modelId, String kind, DiskStore disk) {
    super(disk);
    this.modelId = modelId;
    this.kind = kind;
  }

  /** Opens the cache under {@code LensBenchHome/cache}. */
  public static EmbeddingCache open(String modelId, String kind) {
    return open(LensBenchHome.cacheDir(), modelId, kind);
  }

  public static EmbeddingCache open(Path cacheRoot, String modelId, String kind) {
    return open(cacheRoot, modelId, kind, FramedFile.FULL_WRITES);
  }

  static EmbeddingCache open(Path cacheRoot, String modelId, String kind,
      FramedFile.FrameWriter writer) {
    Path dir = modelDir(cacheRoot, modelId);
    Path file = dir.resolve(kind + EXTENSION);
    DiskStore.ignoreLegacy(dir.resolve(kind + ".bin"), file);
    String description = "lensbench embeddings; kind=" + kind + "; model=" + modelId;
    return new EmbeddingCache(modelId, kind,
        DiskStore.open(file, description, EmbeddingCache::validVector, writer));
  }

  static Path modelDir(Path cacheRoot, String modelId) {
    String slug = modelId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60);
    }
    return cacheRoot.resolve("embeddings")
        .resolve(slug + "-" + Hashing.sha256Hex(modelId).substring(0, 12));
  }

  public String modelId() {
    return modelId;
  }

  public String kind() {
    return kind;
  }

  @Override
  byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * v.length).putInt(v.length);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  @Override
  float[] decode(ByteBuffer b) {
    float[] v = new float[b.getInt()];
    b.asFloatBuffer().get(v);
    return v;
  }

  private static boolean validVector(ByteBuffer value) {
    if (value.remaining() < 4) {
      return false;
    }
    int dim = value.getInt(value.position());
    return dim > 0 && dim <= MAX_DIMENSION && value.remaining() == 4 + 4L * dim;
  }
}
