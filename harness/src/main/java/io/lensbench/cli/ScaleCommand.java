package io.lensbench.cli;

import io.lensbench.core.ExitCode;
import io.lensbench.eval.run.RunJson;
import io.lensbench.reports.ScalePage;
import io.lensbench.runner.Environment;
import io.lensbench.runner.ProcessMemory;
import io.lensbench.scale.ScaleFile;
import io.lensbench.scale.ScaleResults;
import io.lensbench.scale.ScaleRun;
import io.lensbench.scale.StoreServer;
import io.lensbench.stores.embedded.EmbeddedStore;
import io.lensbench.stores.embedded.EmbeddedStores;
import io.lensbench.stores.embedded.StoresConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lensbench bench scale [--quick] [PLAN]}: growth curves and index sweeps (docs/scale.md). */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Grows the dataset step by step with seeded distractors, builds every store's index sweep at each size and measures build time, latency, QPS, memory and quality.",
        "Writes scale.json and scale.html into the output directory (see the scale page of the docs)."})
final class ScaleCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
      description = "Scale plan file (default: the project's scale plan).")
  Path plan;

  @Option(names = "--quick", description = "The plan's quick profile (10 thousand and 30 thousand items in the project's scale plan), under 15 minutes on 2 cores.")
  boolean quick;

  @Option(names = {"-o", "--output"}, description = "Output directory (default: scale-quick or scale in the runs folder).")
  Path output;

  @Option(names = "--steps", split = ",", paramLabel = "N",
      description = "Corpus sizes instead of the profile's, comma-separated, such as 100k or 1M.")
  List<String> steps;

  @Option(names = "--store", split = ",", paramLabel = "NAME",
      description = "Only these stores of the plan, comma-separated (default: every store the plan lists).")
  List<String> stores;

  @Option(names = "--with", paramLabel = "DIR",
      description = "An earlier scale output directory whose steps (smaller sizes) join this run's in the fits, charts and tables.")
  Path with;

  @Override
  public Integer call() {
    Path root = ProjectRoot.find();
    Path file = plan != null ? plan : root.resolve("experiments/scale.yaml");
    ScaleFile.Plan p = ScaleFile.read(file, quick).withSteps(steps).withStores(stores);
    Path out = output != null ? output : root.resolve(quick ? "runs/scale-quick" : "runs/scale");
    long t0 = System.nanoTime();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("plan", file.toString());
    doc.put("profile", quick ? "quick" : "full");
    doc.put("started", Instant.now().toString());
    doc.put("loadAverageAtStart", ProcessMemory.loadAverage());
    doc.put("settings", p.settings().toJson());
    List<Map<String, Object>> measured =
        new ScaleRun(p.experiment(), p.settings(), Environment.system(), servers(), System.err).run();
    List<Map<String, Object>> earlier = with == null ? List.of() : ScaleFile.steps(with.resolve("scale.json"));
    doc.put("joinedFrom", with == null ? null : with.resolve("scale.json").toString());
    List<Map<String, Object>> all = ScaleFile.joined(earlier, measured);
    doc.put("steps", all);
    doc.put("growth", ScaleResults.growth(all));
    doc.put("fronts", ScaleResults.fronts(all));
    doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    doc.put("loadAverageAtEnd", ProcessMemory.loadAverage());
    doc.put("cores", Runtime.getRuntime().availableProcessors());
    RunJson.writeJson(out.resolve("scale.json"), doc);
    RunJson.writeString(out.resolve("scale.html"), ScalePage.html(RunJson.read(out.resolve("scale.json"))));
    System.out.print(ScalePage.text(RunJson.read(out.resolve("scale.json"))));
    System.out.println("scale results: " + out.resolve("scale.json") + ", " + out.resolve("scale.html"));
    return ExitCode.OK.code();
  }

  /** The embedded stores' servers by store name: their process (from their status) and data folder. */
  private static Map<String, StoreServer> servers() {
    Map<String, StoreServer> servers = new LinkedHashMap<>();
    for (EmbeddedStore s : new EmbeddedStores(StoresConfig.fromEnvironment(), line -> { }).all()) {
      servers.put(s.name(), new StoreServer(s.status().pid(), s::collectionDiskBytes));
    }
    return servers;
  }
}
