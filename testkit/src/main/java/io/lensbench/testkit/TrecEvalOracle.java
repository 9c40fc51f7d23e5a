package io.lensbench.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The reference: trec_eval 9.0.4 as bundled in uk.ac.gla.dcs.terrierteam:jtreceval (test
 * scope). The linux-amd64 binary is copied out of the jar into target/ and run as a process.
 */
public final class TrecEvalOracle {
  private final Path binary;

  private TrecEvalOracle(Path binary) {
    this.binary = binary;
  }

  /** Extracts the binary; fails (never skips) when this platform has none. */
  public static TrecEvalOracle extract() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException("precondition: the trec_eval oracle from jtreceval runs on "
          + "linux-amd64 only; this is " + os + "/" + arch);
    }
    Path dir = Path.of("target", "trec_eval-oracle");
    Files.createDirectories(dir);
    Path bin = dir.resolve("trec_eval-linux-amd64");
    try (InputStream in = TrecEvalOracle.class.getClassLoader()
        .getResourceAsStream("trec_eval-linux-amd64")) {
      if (in == null) {
        throw new IllegalStateException("precondition: resource trec_eval-linux-amd64 not on the "
            + "test classpath (dependency uk.ac.gla.dcs.terrierteam:jtreceval:0.0.5, test scope)");
      }
      Path tmp = Files.createTempFile(dir, "trec_eval", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      tmp.toFile().setExecutable(true);
      Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return new TrecEvalOracle(bin);
  }

  public Path binary() {
    return binary;
  }

  /** Result of one trec_eval invocation. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public Result run(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toAbsolutePath().toString());
    cmd.addAll(args);
    Path out = Files.createTempFile("trec_eval", ".out");
    Path err = Files.createTempFile("trec_eval", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("trec_eval did not finish in 120 s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
