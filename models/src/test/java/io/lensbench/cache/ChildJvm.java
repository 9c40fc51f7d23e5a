package io.lensbench.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link CacheWriterMain} in its own JVM, its stdout read line by line on a thread. */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Path stderr;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread t = new Thread(this::pump, "child-stdout");
    t.setDaemon(true);
    t.start();
  }

  /** Starts {@code java -cp <test class path> CacheWriterMain args}, behind {@code shellPrefix}. */
  static ChildJvm start(Path workDir, String shellPrefix, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> jvm = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), CacheWriterMain.class.getName()));
    jvm.addAll(List.of(args));
    if (shellPrefix.isEmpty()) {
      cmd.addAll(jvm);
    } else {
      cmd.addAll(List.of("bash", "-c", shellPrefix + " && exec \"$@\"", "child"));
      cmd.addAll(jvm);
    }
    Path err = Files.createTempFile(workDir, "child", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    return new ChildJvm(p, err);
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    } catch (IOException e) {
      lines.add("(stdout closed: " + e.getMessage() + ")");
    }
  }

  /** Waits for a line starting with {@code prefix}; returns it. */
  String await(String prefix, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(100, TimeUnit.MILLISECONDS);
      if (l != null && l.startsWith(prefix)) {
        return l;
      }
      if (l == null && !process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("child never printed '" + prefix + "'; exit "
        + (process.isAlive() ? "(alive)" : process.exitValue()) + ", stderr: " + stderr());
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not finish within " + seconds + " s");
    }
    return process.exitValue();
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
