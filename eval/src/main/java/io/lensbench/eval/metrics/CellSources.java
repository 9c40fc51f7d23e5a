package io.lensbench.eval.metrics;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.trec.TrecRunReader;
import io.lensbench.eval.stats.BootstrapOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Loads the inputs of compare and gate: run directories, metrics JSON files, TREC runs. */
public final class CellSources {
  private CellSources() {}

  /**
   * Every scored cell of a run directory (metrics/*.json), keyed by cell id, with slice
   * attributes from queries/<queryset>.jsonl when present.
   */
  public static Map<String, ScoredCell> runDirectory(Path dir) {
    Path metrics = dir.resolve("metrics");
    if (!Files.isDirectory(metrics)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: not a run directory (expected %s with one <cell>.json per cell, "
              + "see docs/run-directory.md)", dir, metrics));
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(metrics)) {
      s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new BadInputException("cannot list " + metrics + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new BadInputException(metrics + ": no <cell>.json files (has the run been scored?)");
    }
    Map<String, Map<String, Map<String, String>>> attrsByQuerySet = new LinkedHashMap<>();
    Map<String, ScoredCell> out = new LinkedHashMap<>();
    for (Path f : files) {
      ScoredCell c = ScoredCell.read(f);
      String qs = CellInfo.parse(c.cell()).querySet();
      if (qs != null) {
        Map<String, Map<String, String>> attrs = attrsByQuerySet.computeIfAbsent(qs, k -> {
          Path q = dir.resolve("queries").resolve(k + ".jsonl");
          return Files.isRegularFile(q) ? QueryAttributes.read(q) : Map.of();
        });
        c = c.withAttributes(attrs);
      }
      out.put(c.cell(), c);
    }
    return out;
  }

  /** A baseline/current given as a file (metrics JSON) or a run directory. */
  public static Map<String, ScoredCell> metricsFileOrDirectory(Path p) {
    if (Files.isDirectory(p)) {
      return runDirectory(p);
    }
    if (!Files.exists(p)) {
      throw new BadInputException("file not found: " + p);
    }
    ScoredCell c = ScoredCell.read(p);
    Map<String, ScoredCell> m = new LinkedHashMap<>();
    m.put(c.cell(), c);
    return m;
  }

  /** Scores a TREC run file with trec_eval -c semantics into a comparable cell. */
  public static ScoredCell trecRun(Path run, Qrels qrels, Map<String, Map<String, String>> attrs,
      EvalOptions options) {
    TrecRun r = TrecRunReader.read(run);
    RunEvaluation ev = new Evaluator(options.withComplete(true)).evaluate(qrels, r, run.toString());
    CellMetrics cm = CellMetrics.of(ev, attrs, List.of(), new BootstrapOptions(1, 0, 0.95));
    String name = run.getFileName().toString().replaceFirst("\\.trec$", "");
    return cm.toScoredCell(name);
  }
}
