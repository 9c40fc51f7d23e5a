package io.lensbench.stores.embedded;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A project-owned Python virtualenv with pinned requirements (a resource next to this class),
 * created once: a stamp file holds the requirements' hash, so the venv is rebuilt only when they
 * change. Used for Milvus Lite ({@code <home>/venv}) and the Milvus server package ({@code
 * <home>/install/milvus-2.3.5/venv}).
 */
final class PythonVenv {
  private final Path dir;
  private final String requirementsResource;
  private final String python;
  private final Path pipLog;
  private final String store;
  private final Consumer<String> log;

  /**
   * @param store the store it serves, for messages ("milvus-lite")
   * @param python interpreter that creates the venv (3.10+)
   */
  PythonVenv(String store, Path dir, String requirementsResource, String python, Path pipLog, Consumer<String> log) {
    this.store = store;
    this.dir = dir;
    this.requirementsResource = requirementsResource;
    this.python = python;
    this.pipLog = pipLog;
    this.log = log;
  }

  Path dir() {
    return dir;
  }

  /** An executable of the venv ({@code bin/<name>}). */
  Path bin(String name) {
    return dir.resolve("bin").resolve(name);
  }

  String requirements() {
    try (InputStream in = PythonVenv.class.getResourceAsStream(requirementsResource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + requirementsResource + " missing from the LensBench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + requirementsResource, e);
    }
  }

  /** Creates the venv with the pinned requirements unless it is there with these requirements. */
  void ensure(Path home, String marker) {
    Path stamp = dir.resolve(".lensbench-requirements");
    String reqs = requirements();
    try (FileLock lock = FileLock.acquire(home, "install-" + dir.getFileName() + "-" + Hashing.sha256Hex(dir.toString()).substring(0, 8))) {
      String fingerprint = Hashing.sha256Hex(reqs);
      if (Processes.readQuietly(stamp).trim().equals(fingerprint) && Files.isExecutable(bin(marker))) {
        return;
      }
      long t0 = System.nanoTime();
      String version = checkPython();
      log.accept(store + ": creating virtualenv " + dir + " (Python " + version + ", pinned requirements "
          + requirementsResource + "); pip log: " + pipLog);
      Processes.deleteTree(dir);
      Processes.Result mk = Processes.run(List.of(python, "-m", "venv", dir.toString()), Duration.ofMinutes(5));
      if (!mk.ok()) {
        throw new InfrastructureException(store + ": `" + python + " -m venv " + dir + "` failed (exit "
            + mk.exitCode() + "; on Debian install python3-venv): " + mk.output().trim());
      }
      Path reqFile = dir.resolve("lensbench-requirements.txt");
      Files.writeString(reqFile, reqs, StandardCharsets.UTF_8);
      Files.createDirectories(pipLog.getParent());
      List<String> pip = List.of(bin("python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
          "--no-input", "--progress-bar", "off", "-r", reqFile.toString());
      Processes.Result install = Processes.run(pip, Duration.ofMinutes(20));
      Files.writeString(pipLog, String.join(" ", pip) + "\n" + install.output(), StandardCharsets.UTF_8);
      if (!install.ok()) {
        throw new InfrastructureException(store + ": pip failure: installing the pinned requirements into " + dir
            + " failed (exit " + install.exitCode() + "; PyPI reachable?)\n" + Processes.tail(pipLog, 20));
      }
      Files.writeString(stamp, fingerprint + "\n", StandardCharsets.UTF_8);
      log.accept(String.format(Locale.ROOT, "%s: virtualenv ready in %.1f s", store, (System.nanoTime() - t0) / 1e9));
    } catch (IOException e) {
      throw new InfrastructureException(store + ": cannot create virtualenv " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The interpreter's version; InfrastructureException unless it is Python 3.10+. */
  private String checkPython() {
    Processes.Result py = Processes.run(List.of(python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"),
        Duration.ofSeconds(60));
    if (!py.ok()) {
      throw new InfrastructureException(store + ": no Python: expected a Python 3.10+ interpreter '" + python
          + "' (set LENSBENCH_PYTHON): " + py.output().trim());
    }
    String found = py.output().trim();
    String[] v = found.split("\\.");
    if (v.length != 2 || Integer.parseInt(v[0]) < 3 || Integer.parseInt(v[0]) == 3 && Integer.parseInt(v[1]) < 10) {
      throw new InfrastructureException(store + ": expected Python 3.10+, found " + found + " at '" + python
          + "' (set LENSBENCH_PYTHON)");
    }
    return found;
  }
}
