package io.lensbench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Git commit and dirty flag of the working directory, for provenance.json. */
final class Provenance {
  private Provenance() {}

  static Map<String, Object> git() {
    Map<String, Object> m = new LinkedHashMap<>();
    String commit = run("git", "rev-parse", "HEAD");
    String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
    m.put("commit", commit == null ? "unknown" : commit.strip());
    m.put("dirty", status == null ? null : !status.isBlank());
    return m;
  }

  private static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
      p.getOutputStream().close();
      String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.getErrorStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      return outText;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
