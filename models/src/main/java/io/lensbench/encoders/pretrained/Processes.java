package io.lensbench.encoders.pretrained;

import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Subprocess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The preparation's external programs (python, pip) through core {@link Subprocess}. */
final class Processes {
  private static final int MAX_OUTPUT = 1 << 20;
  /** What pip prints when it cannot reach its index. */
  private static final Pattern UNREACHABLE = Pattern.compile("NewConnectionError|ConnectTimeoutError"
      + "|Temporary failure in name resolution|Name or service not known|Network is unreachable"
      + "|Connection refused|ConnectionError|ReadTimeoutError|ProxyError|SSLError"
      + "|No matching distribution found");

  /** A finished program: exit code and its stdout followed by its stderr. */
  record Result(int exitCode, String output) {}

  private Processes() {}

  static Result run(List<String> command, Duration timeout) {
    try {
      Subprocess.Result r = Subprocess.run(command, null, null, timeout, MAX_OUTPUT);
      return new Result(r.exitCode(), r.stdoutText() + r.stderr());
    } catch (Subprocess.TimeoutException e) {
      throw new InfrastructureException("models: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InfrastructureException("models: cannot run " + command.get(0) + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("models: interrupted while running " + command.get(0), e);
    }
  }

  /** Fails (exit 3) naming what ran when the program did not exit 0. */
  static void require(Result r, String what) {
    if (r.exitCode() != 0) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "models: %s: expected exit 0, found exit %d:%n%s", what, r.exitCode(), tail(r.output(), 15)));
    }
  }

  /** True when pip's output says the package index could not be reached. */
  static boolean unreachable(String output) {
    return UNREACHABLE.matcher(output).find();
  }

  /** The last n lines of a program's output. */
  static String tail(String output, int n) {
    String[] lines = output.strip().split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n),
        lines.length));
  }
}
