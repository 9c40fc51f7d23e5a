package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.treceval.TrecEval;
import io.lensbench.eval.treceval.TrecEvalException;
import io.lensbench.eval.treceval.TrecEvalOptions;
import io.lensbench.eval.treceval.TrecEvalVersion;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code lensbench eval}: trec_eval itself (LensBench's exact Java port of trec_eval 10.0, with a
 * 9.0.4 mode) — every measure and option, byte-identical output — plus LensBench's machine-key
 * JSON/CSV output with bootstrap intervals.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {
      "Scores a TREC run against qrels exactly as trec_eval does and prints trec_eval's output, byte for byte.",
      "Every trec_eval option and measure is accepted as trec_eval spells it (-q, -c, -l N, -m MEASURE[.PARAMS], "
          + "-M N, -N N, -J, -n, -R FORMAT, -T FORMAT, -Z FILE, -D N), in trec_eval's positional form "
          + "QRELS RUN or with --qrels and --run.",
      "With --format json or csv it prints LensBench's machine-key metrics (recall_at_10, mrr, ndcg_at_10, ...) "
          + "with bootstrap confidence intervals instead."})
public final class EvalCommand implements Callable<Integer> {
  private final OutputStream out;
  private final PrintStream err;

  @Option(names = "--qrels", paramLabel = "FILE", description = "TREC qrels file: qid iter docid grade.")
  Path qrels;

  @Option(names = "--run", paramLabel = "FILE", description = "TREC run file: qid Q0 docid rank score tag.")
  Path run;

  @Option(names = "--format", paramLabel = "trec|json|csv", description = "Output format (default: trec, trec_eval's own).")
  String format = "trec";

  @Option(names = "--trec-eval-version", paramLabel = "10.0|9.0.4",
      description = "The trec_eval version to reproduce (default: 10.0; docs/metrics.md lists the differences).")
  String version = "10.0";

  @Option(names = "--duplicates", paramLabel = "error|keep-first",
      description = "A doc id twice in one query's ranking: refuse as trec_eval does (default), or keep the first occurrence.")
  String duplicates = "error";

  @Option(names = "--unknown-queries", paramLabel = "ignore|warn|error",
      description = "Run queries absent from the qrels: ignore them as trec_eval does (default), warn, or refuse (exit 2).")
  String unknownQueries = "ignore";

  @Option(names = "--resamples", description = "Bootstrap resamples for the json and csv intervals (default: 1000).")
  int resamples = 1000;

  @Option(names = "--seed", description = "Bootstrap seed (default: 42).")
  long seed = 42;

  @Unmatched
  List<String> trecEvalArgs = new ArrayList<>();

  public EvalCommand() {
    this(System.out, System.err);
  }

  public EvalCommand(OutputStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    requireOneOf("--format", format, "trec", "json", "csv");
    requireOneOf("--duplicates", duplicates, "error", "keep-first");
    requireOneOf("--unknown-queries", unknownQueries, "ignore", "warn", "error");
    TrecEvalVersion v;
    try {
      v = TrecEvalVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--trec-eval-version: expected 10.0 or 9.0.4, found '" + version + "'");
    }
    List<String> args = new ArrayList<>(trecEvalArgs);
    if (qrels != null || run != null) {
      if (qrels == null || run == null) {
        throw new BadInputException("give both --qrels FILE and --run FILE, or trec_eval's positional QRELS RUN");
      }
      args.add(qrels.toString());
      args.add(run.toString());
    }
    TrecEvalOptions options = parse(args, v);
    TrecEvalInputs inputs = TrecEvalInputs.prepare(options, args, duplicates.equals("keep-first"),
        unknownQueries, err);
    try {
      if (format.equals("trec")) {
        TrecEval.run(inputs.options(), out, err, System.in);
      } else {
        TrecEvalInputs.machineKeys(inputs.options(), format, resamples, seed, out);
      }
    } catch (TrecEvalException e) {
      throw badInput(e, args);
    } finally {
      inputs.close();
    }
    out.flush();
    return 0;
  }

  private static TrecEvalOptions parse(List<String> args, TrecEvalVersion v) {
    try {
      return TrecEvalOptions.parse(args.toArray(new String[0]), v);
    } catch (TrecEvalException e) {
      throw badInput(e, args);
    }
  }

  /** trec_eval's refusal as bad input (exit 2), naming the file and line when trec_eval knows them. */
  static BadInputException badInput(TrecEvalException e, List<String> args) {
    String msg = e.getMessage().strip().replace("\n", "; ");
    String where = e.fileName() == null ? "lensbench eval " + String.join(" ", args)
        : e.fileName() + (e.lineNumber() > 0 ? " line " + e.lineNumber() : "");
    return new BadInputException(String.format(Locale.ROOT, "%s: %s (trec_eval exit status %d)",
        where, msg, e.exitCode()), e);
  }

  private static void requireOneOf(String option, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: expected %s, found '%s'",
          option, String.join(" or ", allowed), value));
    }
  }
}
