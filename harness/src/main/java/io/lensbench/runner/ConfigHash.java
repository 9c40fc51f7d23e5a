package io.lensbench.runner;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The identity of a run's configuration: SHA-256 of the resolved experiment without its output
 * path (a moved run directory still resumes). A run directory holding another configuration is
 * refused rather than mixed.
 */
final class ConfigHash {
  private ConfigHash() {}

  static String json(Experiment e) {
    try {
      return RunFiles.JSON.writeValueAsString(e) + "\n";
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  static String of(Experiment e) {
    Experiment noOutput = new Experiment(e.schemaVersion(), e.name(), e.dataset(), e.querySets(),
        e.stores(), e.models(), e.index(), e.strategies(), e.reranker(), e.k(), e.concurrency(),
        e.batchSize(), e.seed(), e.limits(), null);
    return Hashing.sha256Hex(json(noOutput));
  }

  /** Throws when {@code dir} already holds an experiment with another configuration hash. */
  static void guard(Path dir, String configHash) {
    Path f = dir.resolve("experiment.resolved.json");
    if (!Files.exists(f)) {
      return;
    }
    Experiment existing;
    try {
      existing = RunFiles.JSON.readValue(f.toFile(), Experiment.class);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT,
          "run directory %s: cannot read experiment.resolved.json (%s)", dir, e.getMessage()), e);
    }
    String there = of(existing);
    if (!there.equals(configHash)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "run directory %s holds a different experiment (config hash %s there, %s now); "
              + "choose another --output or delete it to start over",
          dir, there.substring(0, 12), configHash.substring(0, 12)));
    }
  }
}
