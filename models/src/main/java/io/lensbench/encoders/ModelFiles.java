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
import java.util.Map;
import java.util.stream.Stream;

/** Extracts model files shipped as classpath resources into a content-addressed cache folder. */
public final class ModelFiles {
  private ModelFiles() {}

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

  /**
   * The first 12 hex digits of a SHA-256 over a model folder's files (relative path and content
   * hash of each, sorted; hidden files skipped): what a folder-based model's id carries, so that
   * swapped weights under the same folder name are a different model — never old vectors, cache
   * entries or collections.
   */
  public static String folderFingerprint(Path dir) {
    StringBuilder lines = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (!rel.startsWith(".") && !rel.contains("/.")) {
          lines.append(rel).append(' ').append(Hashing.sha256Hex(f)).append('\n');
        }
      }
    } catch (IOException e) {
      throw new InfrastructureException("model folder " + dir + ": cannot read its files ("
          + e.getMessage() + ")", e);
    }
    return Hashing.sha256Hex(lines.toString()).substring(0, 12);
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
