package io.lensbench.encoders.pretrained;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python scripts and the hash-locked requirements that prepare the pretrained models, shipped
 * inside the jar ({@code models/src/main/python/lensbench_models}). Their bytes form the recipe
 * fingerprint: a changed script or pin prepares into a new folder.
 */
final class PreparationScripts {
  static final String REQUIREMENTS = "requirements-prep.txt";
  static final String MAIN = "prepare_models.py";
  private static final String ROOT = "/io/lensbench/encoders/pretrained/python/lensbench_models/";
  private static final List<String> FILES = List.of("common.py", "use_model.py", "effnet_model.py",
      "cards.py", MAIN, REQUIREMENTS);

  private final Map<String, byte[]> files;
  private final String fingerprint;

  private PreparationScripts(Map<String, byte[]> files) {
    this.files = files;
    MessageDigest md = Hashing.sha256();
    files.forEach((name, bytes) -> {
      md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(Hashing.sha256Hex(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    this.fingerprint = HexFormat.of().formatHex(md.digest());
  }

  /** The scripts on the class path. */
  static PreparationScripts load() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      try (InputStream in = PreparationScripts.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new InfrastructureException("model preparation: expected resource " + ROOT + name
              + " in the LensBench jar, found nothing (rebuild: mvn -DskipTests package)");
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new InfrastructureException("model preparation: cannot read resource " + ROOT + name
            + ": " + e.getMessage(), e);
      }
    }
    return new PreparationScripts(files);
  }

  /** SHA-256 over every script and the requirements (names and contents). */
  String fingerprint() {
    return fingerprint;
  }

  byte[] requirements() {
    return files.get(REQUIREMENTS);
  }

  /** Writes every file into dir (atomically per file); returns the main script's path. */
  Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Path tmp = Files.createTempFile(dir, ".script", ".tmp");
        Files.write(tmp, e.getValue());
        Files.move(tmp, dir.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      return dir.resolve(MAIN);
    } catch (IOException e) {
      throw new InfrastructureException("model preparation: cannot write the scripts into " + dir
          + ": " + e.getMessage(), e);
    }
  }
}
