package io.lensbench.runner;

import io.lensbench.eval.run.RunDirectory;
import io.lensbench.eval.run.RunJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run cost, beside its results: {@code indexing.json} (every collection made ready, built
 * with its times or reused) and {@code resources.json} (this JVM's peak resident set and peak live
 * heap, the machine's cores and load) — docs/run-directory.md.
 */
final class RunResources {
  private RunResources() {}

  static void writeIndexing(RunDirectory runDir, List<IndexBuild> builds) {
    List<Map<String, Object>> rows = new ArrayList<>();
    builds.forEach(b -> rows.add(b.toJson()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("builds", rows);
    RunJson.writeJson(runDir.file("indexing.json"), m);
  }

  static void writeMemory(RunDirectory runDir, ProcessMemory memory, OpenStores stores) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jvm", memory.jvm());
    m.put("machine", machine());
    RunJson.writeJson(runDir.file("resources.json"), m);
  }

  /** Cores, memory and the load average when the run ended (timings are read against it). */
  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memTotalBytes", ProcessMemory.field(java.nio.file.Path.of("/proc/meminfo"), "MemTotal")
        .stream().boxed().findFirst().orElse(null));
    m.put("loadAverage", ProcessMemory.loadAverage());
    return m;
  }
}
