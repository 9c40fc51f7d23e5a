package io.lensbench.encoders.pretrained;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The project's model venv, {@code <home>/venv-models}: Python 3.11 with the hash-locked
 * requirements of the preparation scripts. Rebuilt only when the requirements change (a stamp
 * file holds their SHA-256; docs/decisions.md#pip-no-cache).
 */
final class ModelVenv {
  static final String PYTHON_VERSION = "3.11";
  private static final String STAMP = ".lensbench-requirements-sha256";

  private final Path dir;
  private final Path pipLog;
  private final ModelPreparation.Options options;
  private final Consumer<String> log;

  ModelVenv(Path home, ModelPreparation.Options options, Consumer<String> log) {
    this.dir = home.resolve("venv-models");
    this.pipLog = home.resolve("logs").resolve("models-venv-pip.log");
    this.options = options;
    this.log = log;
  }

  /** The venv's Python, creating or rebuilding the venv when its requirements changed. */
  Path ensure(byte[] requirements) {
    Path python = dir.resolve("bin").resolve("python");
    String sha = Hashing.sha256Hex(requirements);
    Path stamp = dir.resolve(STAMP);
    try {
      if (Files.isExecutable(python) && Files.isRegularFile(stamp)
          && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(sha)) {
        return python;
      }
      long t0 = System.nanoTime();
      checkPythonVersion();
      log.accept("models: creating the model venv " + dir + " (Python " + PYTHON_VERSION
          + ", hash-locked requirements); pip log: " + pipLog);
      deleteTree(dir);
      Processes.require(Processes.run(List.of(options.python(), "-m", "venv", dir.toString()),
          Duration.ofMinutes(5)), "`" + options.python() + " -m venv " + dir + "` (on Debian install"
          + " python3-venv)");
      Path req = dir.resolve("requirements-prep.txt");
      Files.write(req, requirements);
      install(python, req);
      Files.writeString(stamp, sha + "\n", StandardCharsets.UTF_8);
      log.accept(String.format(Locale.ROOT, "models: model venv ready in %.1f s",
          (System.nanoTime() - t0) / 1e9));
      return python;
    } catch (IOException e) {
      throw new InfrastructureException("models: cannot create the model venv " + dir + ": "
          + e.getMessage(), e);
    }
  }

  private void install(Path python, Path req) throws IOException {
    List<String> pip = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install",
        "--require-hashes", "--only-binary=:all:", "--disable-pip-version-check", "--no-input",
        "--progress-bar", "off", "--retries", "1", "--timeout", "30", "-r", req.toString()));
    if (options.indexUrl() != null) {
      pip.addAll(List.of("--index-url", options.indexUrl()));
    }
    Processes.Result r = Processes.run(pip, Duration.ofMinutes(20));
    Files.createDirectories(pipLog.getParent());
    Files.writeString(pipLog, String.join(" ", pip) + "\n" + r.output(), StandardCharsets.UTF_8);
    if (r.exitCode() != 0) {
      throw new InfrastructureException(Processes.unreachable(r.output())
          ? ModelPreparation.pypiUnreachable("installing the pinned packages into " + dir, pipLog)
          : "models: pip install of the pinned preparation requirements into " + dir
              + " failed (exit " + r.exitCode() + "); see " + pipLog + ":\n" + Processes.tail(r.output(), 15));
    }
  }

  private void checkPythonVersion() {
    Processes.Result r = Processes.run(List.of(options.python(), "-c",
        "import sys; print('%d.%d' % sys.version_info[:2])"), Duration.ofSeconds(60));
    String found = r.exitCode() == 0 ? r.output().strip() : "no working interpreter (" + r.output().strip() + ")";
    if (!found.equals(PYTHON_VERSION)) {
      throw new InfrastructureException("models: expected Python " + PYTHON_VERSION + " at '"
          + options.python() + "' (the pinned preparation wheels are built for CPython "
          + PYTHON_VERSION + "; set LENSBENCH_PYTHON), found " + found);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
