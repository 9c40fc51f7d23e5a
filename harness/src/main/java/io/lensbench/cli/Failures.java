package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.LensBenchHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one place failures become exit codes and console lines. A {@link LensBenchException} says
 * what went wrong itself (exit 2 bad input, 3 infrastructure). Anything else — an unexpected
 * exception, {@link OutOfMemoryError}, {@link StackOverflowError} — is exit 3 with one line
 * naming the command and the failure; the stack trace goes to a log file under the LensBench
 * home (and to the console only with {@code --debug}). Never exit 1: that code means a quality
 * regression.
 */
final class Failures {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Failures() {}

  static int report(Throwable failure, String command, boolean debug, PrintWriter err) {
    LensBenchException known = known(failure);
    if (known != null) {
      err.println("error: " + known.getMessage());
      if (debug) {
        failure.printStackTrace(err);
      }
      err.flush();
      return known.exitCode().code();
    }
    String what = describe(failure);
    String log = writeLog(failure, command);
    err.println(String.format(Locale.ROOT, "error: lensbench %s failed unexpectedly: %s%s",
        command, what, log == null ? "" : " (stack trace in " + log + ")"));
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INFRASTRUCTURE.code();
  }

  /** The LensBenchException behind a failure (it may arrive wrapped), or null. */
  private static LensBenchException known(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LensBenchException lbe) {
        return lbe;
      }
      if (c instanceof Error) {
        return null; // an Error inside is the real failure, whatever wraps it
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof OutOfMemoryError) {
      return "out of memory (" + root.getMessage() + "); raise the heap with "
          + "LENSBENCH_JAVA_OPTS=-Xmx<size> or reduce the input";
    }
    if (root instanceof StackOverflowError) {
      return "stack overflow (input nested or recursive beyond what is supported)";
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** Writes the stack trace to {@code <home>/logs/error-<time>.log}; null when that fails too. */
  private static String writeLog(Throwable t, String command) {
    try {
      StringWriter sw = new StringWriter();
      try (PrintWriter pw = new PrintWriter(sw)) {
        pw.println("lensbench " + command);
        t.printStackTrace(pw);
      }
      Path dir = LensBenchHome.resolve().resolve("logs");
      Files.createDirectories(dir);
      Path f = dir.resolve("error-" + STAMP.format(Instant.now()) + ".log");
      Files.writeString(f, sw.toString(), StandardCharsets.UTF_8);
      return f.toString();
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return null;
    }
  }
}
