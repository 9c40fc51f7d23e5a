package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.trec.TrecQrelsReader;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.trec.TrecRunReader;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.DuplicatePolicy;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.Evaluator;
import io.lensbench.eval.metrics.RunEvaluation;
import io.lensbench.eval.metrics.TrecEvalOutput;
import io.lensbench.eval.stats.BootstrapOptions;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scores a TREC run against qrels, exactly as trec_eval 9.0.4 (drop-in output). */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {
      "Scores a TREC run against qrels exactly as trec_eval 9.0.4 and prints trec_eval's output.",
      "Also accepts trec_eval's positional form: lensbench eval [options] QRELS RUN."})
public final class EvalCommand implements Callable<Integer> {
  private final OutputStream out;
  private final PrintStream err;

  @Option(names = "--qrels", paramLabel = "FILE", description = "TREC qrels, lines of: qid iter docid grade.")
  Path qrels;

  @Option(names = "--run", paramLabel = "FILE", description = "TREC run, lines of: qid Q0 docid rank score tag.")
  Path run;

  @Parameters(arity = "0..2", paramLabel = "QRELS RUN", description = "The qrels and the run, as trec_eval takes them.")
  List<Path> positional = new ArrayList<>();

  @Option(names = {"-m", "--measure"}, paramLabel = "MEASURE",
      description = "A trec_eval measure, optionally with parameters after a dot (repeatable; default: official), "
          + "for example: recall.5,10 or ndcg_cut.10 or P or success.1 or map_cut.10 or recip_rank or num_q or all_trec.")
  List<String> measures = new ArrayList<>();

  @Option(names = "-q", description = "Also print per-query values.")
  boolean perQuery;

  @Option(names = "-c", description = "Average over every qrels query (missing queries score 0).")
  boolean complete;

  @Option(names = "-l", paramLabel = "N", description = "Minimum grade that is relevant (default: 1).")
  int level = 1;

  @Option(names = "--format", paramLabel = "trec|json|csv", description = "Output format (default: trec).")
  String format = "trec";

  @Option(names = "--duplicates", paramLabel = "error|keep-first",
      description = "Duplicate doc ids in one ranking: refuse them (default) or keep the first.")
  String duplicates = "error";

  @Option(names = "--unknown-queries", paramLabel = "warn|error",
      description = "Run queries absent from the qrels: warn and ignore them (default, as trec_eval does) "
          + "or refuse them (exit 2, naming file and line).")
  String unknownQueries = "warn";

  @Option(names = "--resamples", description = "Bootstrap resamples for the intervals of the json and csv formats (default: 1000).")
  int resamples = 1000;

  @Option(names = "--seed", description = "Bootstrap seed (default: 42).")
  long seed = 42;

  public EvalCommand() {
    this(System.out, System.err);
  }

  public EvalCommand(OutputStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static DuplicatePolicy duplicatePolicy(String s) {
    return switch (s) {
      case "error" -> DuplicatePolicy.ERROR;
      case "keep-first" -> DuplicatePolicy.KEEP_FIRST;
      default -> throw new BadInputException(
          "--duplicates: expected error or keep-first, found '" + s + "'");
    };
  }

  @Override
  public Integer call() throws Exception {
    Path q = qrels;
    Path r = run;
    if (!positional.isEmpty()) {
      if (positional.size() != 2 || q != null || r != null) {
        throw new BadInputException(
            "give either --qrels FILE --run FILE or the two positional files QRELS RUN");
      }
      q = positional.get(0);
      r = positional.get(1);
    }
    if (q == null || r == null) {
      throw new BadInputException("missing --qrels FILE and/or --run FILE");
    }
    if (!List.of("trec", "json", "csv").contains(format)) {
      throw new BadInputException("--format: expected trec, json or csv, found '" + format + "'");
    }
    if (!List.of("warn", "error").contains(unknownQueries)) {
      throw new BadInputException(
          "--unknown-queries: expected warn or error, found '" + unknownQueries + "'");
    }
    DuplicatePolicy dup = duplicatePolicy(duplicates);
    TrecEvalOutput selection = TrecEvalOutput.parse(measures);
    EvalOptions options = selection.options(level, complete, dup);
    if (!format.equals("trec")) {
      // machine-key formats: LensBench's default cutoffs plus any requested with -m
      options = options.withCutoffs(measures.isEmpty() ? EvalOptions.DEFAULT_CUTOFFS
          : merge(options.cutoffs(), EvalOptions.DEFAULT_CUTOFFS));
    }
    Qrels judgments = TrecQrelsReader.read(q);
    TrecRun trecRun = TrecRunReader.read(r);
    RunEvaluation ev = new Evaluator(options).evaluate(judgments, trecRun, r.toString());
    if (!ev.unjudgedRunQueries().isEmpty() && unknownQueries.equals("error")) {
      String first = null;
      int line = Integer.MAX_VALUE;
      for (String uq : ev.unjudgedRunQueries()) {
        int l = trecRun.rankings().get(uq).line(0);
        if (l < line) {
          line = l;
          first = uq;
        }
      }
      throw new BadInputException(String.format(Locale.ROOT,
          "%s line %d: query '%s' is not in %s (%d unknown query id(s) in all)", r, line,
          first, q, ev.unjudgedRunQueries().size()));
    }
    if (!ev.unjudgedRunQueries().isEmpty()) {
      err.printf(Locale.ROOT, "warning: %d query id(s) in %s are not in %s and were ignored "
          + "(as trec_eval does), e.g. '%s'%n", ev.unjudgedRunQueries().size(), r, q,
          ev.unjudgedRunQueries().get(0));
    }
    if (ev.duplicatesRemoved() > 0) {
      err.printf(Locale.ROOT, "warning: removed %d duplicate doc id(s) from %s (kept the "
          + "first occurrence)%n", ev.duplicatesRemoved(), r);
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    switch (format) {
      case "trec" -> selection.write(ev, perQuery, w);
      case "json" -> {
        CellMetrics cm = CellMetrics.of(ev, java.util.Map.of(),
            new BootstrapOptions(resamples, seed, 0.95));
        w.write(io.lensbench.eval.run.MetricsFile.toJson(cm, trecRun.runId()));
        w.write('\n');
      }
      default -> {
        CellMetrics cm = CellMetrics.of(ev, java.util.Map.of(),
            new BootstrapOptions(resamples, seed, 0.95));
        cm.writeCsv(w, perQuery);
      }
    }
    w.flush();
    return 0;
  }

  private static int[] merge(int[] a, int[] b) {
    return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .sorted().distinct().toArray();
  }
}
