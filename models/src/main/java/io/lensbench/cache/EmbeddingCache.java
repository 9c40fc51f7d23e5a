package io.lensbench.cache;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchHome;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * On-disk embedding cache for one (model id, kind) pair, keyed by the SHA-256 of the content
 * (text bytes or image file bytes). Kinds: {@code text-query}, {@code text-passage}, {@code
 * image}. File: {@code <root>/embeddings/<model-slug>-<sha12(model id)>/<kind>.bin}, records
 * appended as (32-byte key, int dim, dim floats); a torn last record is ignored on load.
 */
public final class EmbeddingCache implements AutoCloseable {
  private final String modelId;
  private final String kind;
  private final Path file;
  private final Map<String, float[]> map = new HashMap<>();
  private DataOutputStream out;

  private EmbeddingCache(String modelId, String kind, Path file) {
    this.modelId = modelId;
    this.kind = kind;
    this.file = file;
  }

  /** Opens (and loads) the cache under {@code LensBenchHome/cache}. */
  public static EmbeddingCache open(String modelId, String kind) {
    return open(LensBenchHome.cacheDir(), modelId, kind);
  }

  public static EmbeddingCache open(Path cacheRoot, String modelId, String kind) {
    String slug = modelId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60);
    }
    Path dir = cacheRoot.resolve("embeddings")
        .resolve(slug + "-" + Hashing.sha256Hex(modelId).substring(0, 12));
    EmbeddingCache c = new EmbeddingCache(modelId, kind, dir.resolve(kind + ".bin"));
    c.load();
    return c;
  }

  /** Cache key of a text. */
  public static String textKey(String text) {
    return Hashing.sha256Hex(text);
  }

  /** Cache key of an image file: SHA-256 of its bytes. */
  public static String fileKey(Path file) {
    return Hashing.sha256Hex(file);
  }

  public String modelId() {
    return modelId;
  }

  public String kind() {
    return kind;
  }

  public synchronized int size() {
    return map.size();
  }

  public synchronized float[] get(String key) {
    float[] v = map.get(key);
    return v == null ? null : v.clone();
  }

  public synchronized void put(String key, float[] vector) {
    if (map.containsKey(key)) {
      return;
    }
    map.put(key, vector.clone());
    try {
      if (out == null) {
        Files.createDirectories(file.getParent());
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
      }
      out.write(HexFormat.of().parseHex(key));
      out.writeInt(vector.length);
      for (float f : vector) {
        out.writeFloat(f);
      }
    } catch (IOException e) {
      throw new InfrastructureException("embedding cache " + file + ": write failed: "
          + e.getMessage(), e);
    }
  }

  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new InfrastructureException("embedding cache " + file + ": flush failed: "
            + e.getMessage(), e);
      }
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      byte[] k = new byte[32];
      while (true) {
        try {
          in.readFully(k);
          int dim = in.readInt();
          if (dim <= 0 || dim > 1 << 16) {
            break; // corrupt tail: stop here, later puts append valid records
          }
          float[] v = new float[dim];
          for (int i = 0; i < dim; i++) {
            v[i] = in.readFloat();
          }
          map.put(HexFormat.of().formatHex(k), v);
        } catch (EOFException eof) {
          break;
        }
      }
    } catch (IOException e) {
      throw new InfrastructureException("embedding cache " + file + ": unreadable: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new InfrastructureException("embedding cache " + file + ": close failed: "
            + e.getMessage(), e);
      } finally {
        out = null;
      }
    }
  }
}
