package io.lensbench.runner;

import io.lensbench.core.Subprocess;
import io.lensbench.datasets.Dataset;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * provenance.json (docs/run-directory.md): git commit and dirty flag, JDK, OS, times, the
 * experiment, the dataset (name, checksum, corpus size), the config hash, every model's card and
 * every store's version, engine, address (never credentials), layout and fallbacks (what the
 * engine cannot do natively and the adapter does instead).
 */
final class RunProvenance {
  private final Experiment exp;
  private final String experimentFile;
  private final Dataset dataset;
  private final long corpusSize;
  private final String configHash;
  private final Instant started;

  RunProvenance(Experiment exp, String experimentFile, Dataset dataset, long corpusSize,
      String configHash, Instant started) {
    this.exp = exp;
    this.experimentFile = experimentFile;
    this.dataset = dataset;
    this.corpusSize = corpusSize;
    this.configHash = configHash;
    this.started = started;
  }

  /** @param finished null while the run is going */
  Map<String, Object> toJson(List<Map<String, Object>> models, OpenStores stores, Instant finished) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("git", git());
    p.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    p.put("startedAt", started.toString());
    p.put("finishedAt", finished == null ? null : finished.toString());
    p.put("experimentFile", experimentFile);
    p.put("experimentName", exp.name());
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", dataset.name());
    ds.put("checksum", dataset.checksum());
    ds.put("root", dataset.root() == null ? null : dataset.root().toString());
    ds.put("corpusItems", corpusSize);
    if (dataset.card().get("distractors") != null) {
      ds.put("distractors", dataset.card().get("distractors"));
    }
    p.put("dataset", ds);
    p.put("configHash", configHash);
    p.put("models", models);
    List<Map<String, Object>> storeRows = new ArrayList<>();
    for (Experiment.StoreSpec s : exp.stores()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("version", stores.versions().get(s.name()));
      m.put("engine", stores.get(s.name()).engine());
      m.put("uri", stores.uris().get(s.name()));
      if (!stores.layouts().get(s.name()).isEmpty()) {
        m.put("layout", stores.layouts().get(s.name()));
      }
      m.put("fallbacks", stores.get(s.name()).fallbacks());
      storeRows.add(m);
    }
    p.put("stores", storeRows);
    return p;
  }

  static Map<String, Object> git() {
    Map<String, Object> m = new LinkedHashMap<>();
    String commit = run("git", "rev-parse", "HEAD");
    String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
    m.put("commit", commit == null ? "unknown" : commit.strip());
    m.put("dirty", status == null ? null : !status.isBlank());
    return m;
  }

  /** The command's stdout, or null when git is missing, fails or takes over 10 s. */
  private static String run(String... cmd) {
    try {
      Subprocess.Result r = Subprocess.run(List.of(cmd), null, null, Duration.ofSeconds(10), 1 << 20);
      return r.exitCode() == 0 ? r.stdoutText() : null;
    } catch (IOException | Subprocess.TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
