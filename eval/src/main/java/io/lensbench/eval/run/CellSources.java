package io.lensbench.eval.run;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.Evaluator;
import io.lensbench.eval.metrics.RunEvaluation;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.trec.TrecRunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the inputs of compare and gate: run directories, metrics JSON files, TREC runs. */
public final class CellSources {
  private CellSources() {}

  /**
   * Every scored cell of a run directory (metrics/*.json), keyed by cell id, with slice
   * attributes from queries/&lt;queryset&gt;.jsonl when present.
   */
  public static Map<String, ScoredCell> runDirectory(Path dir) {
    RunDirectory run = new RunDirectory(dir);
    Map<String, Map<String, Map<String, String>>> attrsByQuerySet = new LinkedHashMap<>();
    Map<String, ScoredCell> out = new LinkedHashMap<>();
    for (Path f : run.metricsFiles()) {
      ScoredCell c = MetricsFile.read(f);
      CellId id = CellId.tryParse(c.cell()).orElse(null);
      if (id != null) {
        Map<String, Map<String, String>> attrs = attrsByQuerySet.computeIfAbsent(id.querySet(), qs -> {
          Path q = run.queriesFile(qs);
          return Files.isRegularFile(q) ? QueriesFile.attributes(q) : Map.of();
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
    ScoredCell c = MetricsFile.read(p);
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
