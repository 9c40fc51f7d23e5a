package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import io.lensbench.core.BoundedText;
import io.lensbench.datasets.Qrels;
import io.lensbench.eval.metrics.CellMetrics;
import io.lensbench.eval.metrics.DuplicatePolicy;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.Evaluator;
import io.lensbench.eval.metrics.RunEvaluation;
import io.lensbench.eval.run.MetricsFile;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.trec.TrecQrelsReader;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.trec.TrecRunReader;
import io.lensbench.eval.treceval.TrecEvalException;
import io.lensbench.eval.treceval.TrecEvalOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code lensbench eval} adds around trec_eval: dropping duplicate doc ids when asked
 * (through a de-duplicated copy of the run, so trec_eval itself still sees a valid run), checking
 * run queries against the qrels, and the machine-key JSON/CSV output.
 */
final class TrecEvalInputs implements AutoCloseable {
  private final TrecEvalOptions options;
  private final Path tempRun;

  private TrecEvalInputs(TrecEvalOptions options, Path tempRun) {
    this.options = options;
    this.tempRun = tempRun;
  }

  TrecEvalOptions options() {
    return options;
  }

  static TrecEvalInputs prepare(TrecEvalOptions options, List<String> args, boolean keepFirst,
      String unknownQueries, PrintStream err) {
    if (options.action() != TrecEvalOptions.Action.EVALUATE) {
      return new TrecEvalInputs(options, null);
    }
    Path run = Path.of(options.resultsFile());
    if (!unknownQueries.equals("ignore")) {
      checkQueries(Path.of(options.relInfoFile()), run, unknownQueries.equals("error"), err);
    }
    if (!keepFirst) {
      return new TrecEvalInputs(options, null);
    }
    Path dedup = withoutDuplicates(run, err);
    List<String> replaced = new ArrayList<>(args);
    replaced.set(replaced.lastIndexOf(options.resultsFile()), dedup.toString());
    try {
      return new TrecEvalInputs(TrecEvalOptions.parse(replaced.toArray(new String[0]), options.version()), dedup);
    } catch (TrecEvalException e) {
      throw EvalCommand.badInput(e, args);
    }
  }

  /** A copy of the run keeping the first line of each (query, doc id). */
  private static Path withoutDuplicates(Path run, PrintStream err) {
    try {
      Path tmp = Files.createTempFile("lensbench-eval-", ".trec");
      Set<String> seen = new HashSet<>();
      int[] removed = {0};
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        BoundedText.eachLine(run, BoundedText.MAX_LINE_BYTES, (line, no) -> {
          String[] f = line.strip().split("\\s+");
          if (f.length >= 3 && !seen.add(f[0] + '\u0000' + f[2])) {
            removed[0]++;
            return;
          }
          write(w, line);
        });
      }
      if (removed[0] > 0) {
        err.printf(Locale.ROOT, "warning: removed %d duplicate doc id(s) from %s (kept the first occurrence)%n",
            removed[0], run);
      }
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a de-duplicated copy of " + run, e);
    }
  }

  private static void write(Writer w, String line) {
    try {
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Run queries missing from the qrels: a warning, or bad input naming the first one's line. */
  private static void checkQueries(Path qrels, Path run, boolean refuse, PrintStream err) {
    Set<String> judged = new HashSet<>();
    BoundedText.eachLine(qrels, BoundedText.MAX_LINE_BYTES, (line, no) -> {
      String q = firstField(line);
      if (q != null) {
        judged.add(q);
      }
    });
    Set<String> unknown = new TreeSet<>();
    int[] firstLine = {0};
    String[] first = {null};
    BoundedText.eachLine(run, BoundedText.MAX_LINE_BYTES, (line, no) -> {
      String q = firstField(line);
      if (q != null && !judged.contains(q) && unknown.add(q) && first[0] == null) {
        first[0] = q;
        firstLine[0] = no;
      }
    });
    if (unknown.isEmpty()) {
      return;
    }
    if (refuse) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s line %d: query '%s' is not in %s (%d unknown query id(s) in all)", run, firstLine[0],
          first[0], qrels, unknown.size()));
    }
    err.printf(Locale.ROOT, "warning: %d query id(s) in %s are not in %s and were ignored "
        + "(as trec_eval does), e.g. '%s'%n", unknown.size(), run, qrels, first[0]);
  }

  private static String firstField(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("#")) {
      return null;
    }
    int sp = s.indexOf(' ');
    int tab = s.indexOf('\t');
    int end = sp < 0 ? tab : tab < 0 ? sp : Math.min(sp, tab);
    return end < 0 ? s : s.substring(0, end);
  }

  /** LensBench's machine-key metrics (JSON like metrics/&lt;cell&gt;.json, or CSV). */
  static void machineKeys(TrecEvalOptions o, String format, int resamples, long seed, OutputStream out)
      throws IOException {
    EvalOptions eo = new EvalOptions((int) o.relevanceLevel(), cutoffs(o), EvalOptions.DEFAULT_IPREC,
        DuplicatePolicy.ERROR, o.completeRelInfo());
    Qrels judgments = TrecQrelsReader.read(Path.of(o.relInfoFile()));
    TrecRun trecRun = TrecRunReader.read(Path.of(o.resultsFile()));
    RunEvaluation ev = new Evaluator(eo).evaluate(judgments, trecRun, o.resultsFile());
    CellMetrics cm = CellMetrics.of(ev, Map.of(), new BootstrapOptions(resamples, seed, 0.95));
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (format.equals("json")) {
      w.write(MetricsFile.toJson(cm, trecRun.runId()));
      w.write('\n');
    } else {
      cm.writeCsv(w, o.perQuery());
    }
    w.flush();
  }

  /** LensBench's default cutoffs plus every integer cutoff given with -m (e.g. recall.5,50). */
  private static int[] cutoffs(TrecEvalOptions o) {
    TreeSet<Integer> ks = new TreeSet<>();
    for (int k : EvalOptions.DEFAULT_CUTOFFS) {
      ks.add(k);
    }
    for (String[] m : o.measureArgs()) {
      if (m.length > 1 && m[1] != null) {
        for (String p : m[1].split(",")) {
          if (p.matches("[1-9][0-9]{0,5}")) {
            ks.add(Integer.parseInt(p));
          }
        }
      }
    }
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public void close() {
    if (tempRun != null) {
      try {
        Files.deleteIfExists(tempRun);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
