package io.lensbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code lensbench} as the user does — a separate JVM on the module's classpath, real exit
 * code, real stdout and stderr — so a test sees exactly what a user or a CI job would.
 */
final class Cli {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }

    /** The exit code, one "error:" line, and no stack trace anywhere. */
    Result assertFailure(int expectedCode, String... mentions) {
      assertEquals(expectedCode, code, "exit code; output:\n" + all());
      for (String m : mentions) {
        assertTrue(all().contains(m), "expected the output to mention '" + m + "':\n" + all());
      }
      assertNoStackTrace();
      return this;
    }

    void assertNoStackTrace() {
      assertFalse(all().contains("\tat ") || all().contains("Exception in thread"),
          "expected no stack trace on the console:\n" + all());
    }
  }

  private Cli() {}

  private static List<String> command(List<String> jvmArgs, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.lensbench.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Starts {@code lensbench} without waiting (for a test that kills it); its output goes to
   * {@code out} and {@code out}.err.
   */
  static Process start(Path workDir, Map<String, String> env, Path out, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(List.of(), args)).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  static Result run(Path workDir, Map<String, String> env, List<String> jvmArgs, String... args) {
    List<String> cmd = command(jvmArgs, args);
    try {
      Path out = Files.createTempFile("cli", ".out");
      Path err = Files.createTempFile("cli", ".err");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("lensbench " + String.join(" ", args) + " did not finish in 15 minutes");
      }
      Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    } catch (IOException e) {
      throw new AssertionError("cannot start lensbench: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result run(Path workDir, String... args) {
    return run(workDir, Map.of(), List.of(), args);
  }
}
