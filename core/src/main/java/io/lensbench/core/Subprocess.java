package io.lensbench.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program with a real deadline: stdout and stderr are drained on their own
 * threads (so a program that fills a pipe cannot block us, and one that hangs is noticed at the
 * deadline rather than when it closes its output), output is capped, and a program still running
 * at the deadline is killed — its whole process tree.
 */
public final class Subprocess {
  /** What a finished program left. */
  public record Result(int exitCode, byte[] stdout, String stderr, boolean truncated) {
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** The program did not finish within its deadline (it has been killed). */
  public static final class TimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    TimeoutException(String message) {
      super(message);
    }
  }

  private Subprocess() {}

  /**
   * @param stdin bytes for the program's standard input, or null for none
   * @param maxOutput bytes kept of stdout (and of stderr); the rest is read and dropped
   */
  public static Result run(List<String> command, Path workDir, byte[] stdin, Duration timeout,
      int maxOutput) throws IOException, TimeoutException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Process p = pb.start();
    CompletableFuture<byte[]> out = drain(p.getInputStream(), maxOutput);
    CompletableFuture<byte[]> err = drain(p.getErrorStream(), maxOutput);
    try {
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException e) {
        // the program closed its input early: its exit code and output tell the rest
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new TimeoutException(String.format(java.util.Locale.ROOT,
            "%s did not finish within %d ms (killed)", command.get(0), timeout.toMillis()));
      }
      byte[] o = out.join();
      byte[] e = err.join();
      boolean truncated = o.length > maxOutput;
      return new Result(p.exitValue(), truncated ? java.util.Arrays.copyOf(o, maxOutput) : o,
          new String(e, 0, Math.min(e.length, maxOutput), StandardCharsets.UTF_8), truncated);
    } finally {
      if (p.isAlive()) {
        kill(p);
      }
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads a stream to its end on a daemon thread, keeping at most max + 1 bytes. */
  private static CompletableFuture<byte[]> drain(InputStream in, int max) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          int room = max + 1 - kept.size();
          if (room > 0) {
            kept.write(buf, 0, Math.min(room, n));
          }
        }
      } catch (IOException e) {
        // the process was killed or closed its end: keep what was read
      }
      f.complete(kept.toByteArray());
    }, "subprocess-drain");
    t.setDaemon(true);
    t.start();
    return f;
  }
}
