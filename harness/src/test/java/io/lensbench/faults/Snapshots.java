package io.lensbench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder with its content, to prove that nothing was lost or changed. */
final class Snapshots {
  private Snapshots() {}

  /** Relative path → content (bytes as ISO-8859-1) of every file but run.lock; empty when dir is absent. */
  static Map<String, String> of(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(dir)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().equals("run.lock")) {
          m.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return m;
  }
}
