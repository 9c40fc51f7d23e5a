package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Pid files, ownership checks through /proc, ports, log tails: the process plumbing. */
final class Processes {
  private Processes() {}

  /** The pid recorded in a pid file, if the file exists and holds a number. */
  static OptionalLong readPid(Path pidFile) {
    try {
      String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
      return OptionalLong.of(Long.parseLong(text));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static void writePid(Path pidFile, long pid) {
    try {
      Files.createDirectories(pidFile.getParent());
      Files.writeString(pidFile, Long.toString(pid) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InfrastructureException("cannot write pid file " + pidFile + ": " + e.getMessage(), e);
    }
  }

  /** The command line of a live process, NUL separators replaced by spaces, or empty. */
  static Optional<String> cmdline(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == 0) {
          raw[i] = ' ';
        }
      }
      return Optional.of(new String(raw, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True when the environment of a live process holds {@code entry} ("NAME=value"). */
  static boolean environmentHas(long pid, String entry) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      for (String e : new String(raw, StandardCharsets.UTF_8).split("\0")) {
        if (e.equals(entry)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when some live process's command line contains {@code text}. */
  static boolean anyCommandLineContains(String text) {
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (cmdline(Long.parseLong(proc.getFileName().toString())).orElse("").contains(text)) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: assume in use
    }
    return false;
  }

  /**
   * The live process recorded in {@code pidFile} whose command line contains {@code marker} (the
   * instance folder, so a recycled pid never counts as ours). A stale pid file is deleted.
   */
  static Optional<ProcessHandle> ours(Path pidFile, String marker) {
    return ours(pidFile, pid -> cmdline(pid).orElse("").contains(marker));
  }

  /** The live process recorded in {@code pidFile} that passes {@code isOurs}; a stale pid file is deleted. */
  static Optional<ProcessHandle> ours(Path pidFile, java.util.function.LongPredicate isOurs) {
    OptionalLong pid = readPid(pidFile);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
    if (handle.isPresent() && !isZombie(pid.getAsLong()) && isOurs.test(pid.getAsLong())) {
      return handle;
    }
    deleteQuietly(pidFile);
    return Optional.empty();
  }

  /** True for a process that has exited but not been reaped (it counts as gone). */
  static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** SIGTERM, wait up to {@code grace}, then SIGKILL. True when the process is gone. */
  static boolean terminate(ProcessHandle process, Duration grace) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
        return true;
      } catch (Exception again) {
        return !process.isAlive();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    }
  }

  /** True when something accepts TCP connections on 127.0.0.1:port. */
  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when 127.0.0.1:port can be bound right now (nobody listens on it, on any address). */
  static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Who listens on a TCP port, best effort from /proc/net/tcp{,6} and /proc/[pid]/fd: "pid 123
   * (python3 -m http.server)" or "an unknown process".
   */
  static String portOwner(int port) {
    List<String> inodes = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 10 || !f[3].equals("0A")) { // 0A = LISTEN
            continue;
          }
          String local = f[1];
          int colon = local.lastIndexOf(':');
          if (colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port) {
            inodes.add(f[9]);
          }
        }
      } catch (IOException | RuntimeException e) {
        // best effort
      }
    }
    if (!inodes.isEmpty()) {
      try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path proc : procs) {
          try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
              String target = Files.readSymbolicLink(fd).toString();
              for (String inode : inodes) {
                if (target.equals("socket:[" + inode + "]")) {
                  long pid = Long.parseLong(proc.getFileName().toString());
                  String cmd = cmdline(pid).orElse("?");
                  return String.format(Locale.ROOT, "pid %d (%s)", pid, abbreviate(cmd, 160));
                }
              }
            }
          } catch (IOException | RuntimeException e) {
            // not ours to read, or gone
          }
        }
      } catch (IOException e) {
        // best effort
      }
    }
    return "another process (owner not visible to this user)";
  }

  /** The last {@code n} lines of a text file, or a note that it does not exist. */
  static String tail(Path file, int n) {
    if (!Files.isRegularFile(file)) {
      return "  (no log file " + file + ")";
    }
    try {
      // stack frames ("at ...", "... 6 more") bury the messages: leave them out
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.trim().startsWith("at ") && !l.trim().matches("\\.\\.\\. \\d+ more"))
          .toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - n), lines.size());
      StringBuilder sb = new StringBuilder();
      sb.append("  --- last ").append(last.size()).append(" lines (stack frames left out) of ").append(file).append(" ---\n");
      for (String l : last) {
        sb.append("  | ").append(abbreviate(l, 400)).append('\n');
      }
      return sb.toString().stripTrailing();
    } catch (IOException | UncheckedIOException e) {
      return "  (cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /**
   * The message of the last exception in a log ("Plugin [x] was built for ..."), or empty.
   */
  static Optional<String> lastExceptionMessage(String logs) {
    String[] lines = logs.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String l = lines[i].trim();
      if (l.startsWith("at ")) {
        continue;
      }
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("(?:Exception|Error): (.+)$").matcher(l);
      if (m.find()) {
        String msg = m.group(1);
        int nested = msg.lastIndexOf("Exception: ");
        return Optional.of(abbreviate(nested >= 0 ? msg.substring(nested + 11) : msg, 300));
      }
    }
    return Optional.empty();
  }

  /** Whole text of a log file, or "" (for pattern checks). */
  static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a later run retries
    }
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /**
   * Stops the store process LensBench started (live pid in the pid file, verified by the marker
   * on its command line): SIGTERM, then SIGKILL after {@code grace}. A process LensBench did not
   * start is left alone. True when one was stopped.
   */
  static boolean stop(String store, Path pidFile, String marker, int port, Duration grace, Consumer<String> log) {
    return stop(store, pidFile, ours(pidFile, marker), port, grace, log);
  }

  /** {@link #stop(String, Path, String, int, Duration, Consumer)} of an already identified process. */
  static boolean stop(String store, Path pidFile, Optional<ProcessHandle> running, int port, Duration grace,
      Consumer<String> log) {
    if (running.isEmpty()) {
      log.accept(store + ": not running (no live pid in " + pidFile + ")"
          + (listening(port)
              ? "; port " + port + " is served by " + portOwner(port) + ", which LensBench did not start: left alone"
              : ""));
      return false;
    }
    long pid = running.get().pid();
    if (!terminate(running.get(), grace)) {
      throw new InfrastructureException(store + ": pid " + pid + " did not stop after SIGTERM and SIGKILL");
    }
    deleteQuietly(pidFile);
    log.accept(store + ": stopped (pid " + pid + ")");
    return true;
  }

  /**
   * Starts a store process detached from the terminal: output (with errors) appended to {@code
   * output}, no input, its pid written to {@code pidFile}.
   */
  static Process launch(String store, ProcessBuilder pb, Path output, Path pidFile) {
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      writePid(pidFile, p.pid());
      return p;
    } catch (IOException e) {
      throw new InfrastructureException(store + ": cannot start " + pb.command() + ": " + e.getMessage(), e);
    }
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  /** Runs a short command to completion; returns its exit code and combined output. */
  static Result run(List<String> command, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"))
        || run(List.of("id", "-u"), Duration.ofSeconds(10)).output().trim().equals("0");
  }
}
