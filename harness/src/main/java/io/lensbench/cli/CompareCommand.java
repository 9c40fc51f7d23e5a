package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.trec.TrecQrelsReader;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.MetricKey;
import io.lensbench.eval.metrics.RunComparison;
import io.lensbench.eval.metrics.ScoredCell;
import io.lensbench.eval.run.CellSources;
import io.lensbench.eval.run.RunIdentity;
import io.lensbench.eval.run.QueriesFile;
import io.lensbench.eval.stats.PairedOptions;
import io.lensbench.eval.stats.PairedResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Paired comparison of runs: means, difference with CI, p, Holm-adjusted p, win/tie/loss. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {
      "Compares runs B, C, ... against run A on the same queries.",
      "Inputs: run directories (matching cells are compared) or TREC run files (with --qrels).",
      "Per metric and slice: means, B−A with bootstrap CI, paired randomization p, "
          + "Holm–Bonferroni adjusted p (family = every run×metric test of a slice) and wins, ties and losses."})
public final class CompareCommand implements Callable<Integer> {
  private final PrintStream out;

  @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run directories or TREC run files; the first is the baseline A.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--qrels", paramLabel = "FILE", description = "Qrels for TREC run files.")
  Path qrels;

  @Option(names = "--queries", paramLabel = "FILE", description = "Queries (JSON lines) for the slice attributes of TREC run files.")
  Path queries;

  @Option(names = {"-m", "--metric"}, paramLabel = "KEY",
      description = "Metric machine keys (default: recall_at_10, success_at_1, success_at_10, mrr, ndcg_at_10, map).")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--slice-by", split = ",", paramLabel = "ATTR", description = "Slice attributes, comma-separated (default: kind and language).")
  List<String> sliceBy = new ArrayList<>(List.of("kind", "language"));

  @Option(names = "-l", description = "Minimum relevant grade for TREC run files (default: 1).")
  int level = 1;

  @Mixin StatsOptions stats = new StatsOptions();

  @Option(names = "--across-datasets",
      description = "Compare runs measured on different data (dataset, queries or qrels): means only, queries never paired.")
  boolean acrossDatasets;

  @Option(names = "--format", description = "Output format: text (default), markdown or csv.")
  String format = "text";

  public CompareCommand() {
    this(System.out);
  }

  public CompareCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (!List.of("text", "markdown", "csv").contains(format)) {
      throw new BadInputException("--format: expected text, markdown or csv, found '" + format + "'");
    }
    List<String> keys = metrics.isEmpty()
        ? List.of("recall_at_10", "success_at_1", "success_at_10", "mrr", "ndcg_at_10", "map")
        : metrics;
    for (String k : keys) {
      MetricKey.parse(k);
    }
    PairedOptions po = stats.paired();
    boolean dirs = runs.stream().allMatch(Files::isDirectory);
    boolean files = runs.stream().noneMatch(Files::isDirectory);
    if (!dirs && !files) {
      throw new BadInputException("give either run directories or TREC run files, not a mix");
    }
    Map<String, List<ScoredCell>> groups = new LinkedHashMap<>();
    if (dirs) {
      if (!acrossDatasets) {
        RunIdentity first = RunIdentity.of(runs.get(0));
        for (Path r : runs.subList(1, runs.size())) {
          RunIdentity.requireComparable(first, RunIdentity.of(r));
        }
      }
      List<Map<String, ScoredCell>> loaded = new ArrayList<>();
      for (Path r : runs) {
        loaded.add(CellSources.runDirectory(r));
      }
      Set<String> cells = new LinkedHashSet<>(loaded.get(0).keySet());
      for (Map<String, ScoredCell> m : loaded) {
        cells.retainAll(m.keySet());
      }
      if (cells.isEmpty()) {
        throw new BadInputException("the run directories have no cell in common: " + runs);
      }
      for (String cell : cells) {
        List<ScoredCell> g = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
          ScoredCell c = loaded.get(i).get(cell);
          g.add(c.withCell(runs.get(i).getFileName() + "/" + cell));
        }
        groups.put(cell, g);
      }
    } else {
      for (Path r : runs) {
        if (!Files.exists(r)) {
          throw new BadInputException("file not found: " + r);
        }
      }
      if (qrels == null) {
        throw new BadInputException("TREC run files need --qrels FILE");
      }
      Qrels q = TrecQrelsReader.read(qrels);
      Map<String, Map<String, String>> attrs = queries == null ? Map.of() : QueriesFile.attributes(queries);
      if (queries != null) {
        for (String qid : q.queryIds()) {
          if (!attrs.containsKey(qid)) {
            throw new BadInputException(String.format(Locale.ROOT,
                "query '%s' is in %s but not in %s", qid, qrels, queries));
          }
        }
      }
      int[] cut = keys.stream().map(MetricKey::parse).filter(k -> k.kind().hasCutoff())
          .mapToInt(MetricKey::cutoff).sorted().distinct().toArray();
      EvalOptions eo = EvalOptions.defaults().withRelevanceLevel(level)
          .withCutoffs(java.util.stream.IntStream.concat(java.util.Arrays.stream(cut),
              java.util.Arrays.stream(EvalOptions.DEFAULT_CUTOFFS)).toArray());
      List<ScoredCell> g = new ArrayList<>();
      for (Path r : runs) {
        g.add(CellSources.trecRun(r, q, attrs, eo));
      }
      groups.put("runs", g);
    }
    StringBuilder sb = new StringBuilder();
    if (format.equals("csv")) {
      sb.append("cell,slice,metric,baseline,run,n,mean_baseline,mean_run,diff,ci_low,ci_high,p,p_holm,wins,ties,losses\n");
    }
    for (Map.Entry<String, List<ScoredCell>> e : groups.entrySet()) {
      if (acrossDatasets) {
        renderMeans(sb, e.getKey(), e.getValue(), keys);
      } else {
        render(sb, e.getKey(), RunComparison.compare(e.getValue(), keys, sliceBy, po));
      }
    }
    out.print(sb);
    out.flush();
    return 0;
  }

  private void render(StringBuilder sb, String cell, List<RunComparison.Row> rows) {
    if (format.equals("csv")) {
      for (RunComparison.Row r : rows) {
        PairedResult p = r.result();
        sb.append(String.join(",", csv(cell), csv(r.slice()), r.metric(), csv(r.baseline()),
            csv(r.run()), Integer.toString(p.n()), d(p.meanA()), d(p.meanB()), d(p.diff()),
            d(p.ci().low()), d(p.ci().high()), d(p.p()), d(r.holmP()),
            Integer.toString(p.wins()), Integer.toString(p.ties()), Integer.toString(p.losses())))
            .append('\n');
      }
      return;
    }
    boolean md = format.equals("markdown");
    String slice = null;
    for (RunComparison.Row r : rows) {
      if (!r.slice().equals(slice)) {
        slice = r.slice();
        sb.append(md ? "\n### " : "\n== ").append(cell).append(" — ").append(slice)
            .append(String.format(Locale.ROOT, " (%d queries; baseline A = %s)%n", r.result().n(), r.baseline()));
        if (md) {
          sb.append("\n| Metric | Run | Mean A | Mean run | Diff | CI 95% | p | p (Holm) | W/T/L |\n")
              .append("|---|---|---|---|---|---|---|---|---|\n");
        } else {
          sb.append(String.format(Locale.ROOT, "%-16s %-40s %8s %8s %8s %19s %7s %8s %s%n",
              "metric", "run", "mean A", "mean", "diff", "CI95(diff)", "p", "p(Holm)", "W/T/L"));
        }
      }
      PairedResult p = r.result();
      String ci = String.format(Locale.ROOT, "[%+.4f, %+.4f]", p.ci().low(), p.ci().high());
      String wtl = p.wins() + "/" + p.ties() + "/" + p.losses();
      if (md) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %+.4f | %s | %.4f | %.4f | %s |%n",
            r.metric(), r.run().replace("|", "\\|"), p.meanA(), p.meanB(), p.diff(), ci, p.p(), r.holmP(), wtl));
      } else {
        sb.append(String.format(Locale.ROOT, "%-16s %-40s %8.4f %8.4f %+8.4f %19s %7.4f %8.4f %s%n",
            r.metric(), r.run(), p.meanA(), p.meanB(), p.diff(), ci, p.p(), r.holmP(), wtl));
      }
    }
  }

  /** Across datasets: each run's mean per metric, no pairing, no p-values. */
  private void renderMeans(StringBuilder sb, String cell, List<ScoredCell> runsOfCell, List<String> keys) {
    if (format.equals("csv")) {
      for (String m : keys) {
        for (ScoredCell c : runsOfCell) {
          Double v = c.means().get(m);
          sb.append(String.join(",", csv(cell), "all", m, csv(runsOfCell.get(0).cell()), csv(c.cell()),
              Integer.toString(c.numQueries()), "", d(v == null ? Double.NaN : v), "", "", "", "", "",
              "", "", "")).append('\n');
        }
      }
      return;
    }
    sb.append(String.format(Locale.ROOT, "%n== %s — means only (runs on different data: queries not paired)%n", cell));
    for (String m : keys) {
      for (ScoredCell c : runsOfCell) {
        Double v = c.means().get(m);
        sb.append(String.format(Locale.ROOT, "%-16s %-40s %8s  (%d queries)%n", m, c.cell(),
            v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", v), c.numQueries()));
      }
    }
  }

  private static String d(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
