package io.lensbench.runner;

import io.lensbench.eval.run.RunJson;
import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The identity of a run's configuration: SHA-256 of the resolved experiment without its output
 * path (a moved run directory still resumes), the dataset's content checksum and every
 * strategy's fingerprint (which names its models by id and weights). A run directory holding
 * another configuration — another experiment, a rebuilt dataset, swapped model weights — is
 * refused rather than resumed into its old cells.
 */
final class ConfigHash {
  private ConfigHash() {}

  static String json(Experiment e) {
    try {
      return RunJson.JSON.writeValueAsString(e) + "\n";
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  /** The configuration hash of a run of {@code e} on a dataset with {@code datasetChecksum}. */
  static String of(Experiment e, String datasetChecksum, java.util.Collection<String> fingerprints) {
    return Hashing.sha256Hex(of(e) + "\n" + datasetChecksum + "\n" + String.join("\n", fingerprints));
  }

  /** The experiment part alone. */
  static String of(Experiment e) {
    Experiment noOutput = new Experiment(e.schemaVersion(), e.name(), e.dataset(), e.querySets(),
        e.stores(), e.models(), e.index(), e.strategies(), e.reranker(), e.k(), e.concurrency(),
        e.batchSize(), e.seed(), e.limits(), null);
    return Hashing.sha256Hex(json(noOutput));
  }

  /**
   * Throws when {@code dir} already holds a run with another configuration hash (recorded in its
   * provenance.json). A directory with finished cells but no readable hash is refused too.
   */
  static void guard(Path dir, String configHash) {
    Path provenance = dir.resolve("provenance.json");
    if (!Files.exists(provenance)) {
      if (Files.isDirectory(dir.resolve("cells"))) {
        throw new BadInputException(String.format(Locale.ROOT,
            "run directory %s: expected provenance.json beside its finished cells, found none; "
                + "choose another --output or delete it to start over", dir));
      }
      return;
    }
    String there = RunJson.read(provenance).path("configHash").asText("");
    if (!there.equals(configHash)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "run directory %s holds a different run (config hash %s there, %s now: another "
              + "experiment, dataset content or model weights, or an older LensBench); "
              + "choose another --output or delete it to start over",
          dir, there.isEmpty() ? "none" : there.substring(0, Math.min(12, there.length())),
          configHash.substring(0, 12)));
    }
  }
}
