package io.lensbench.eval.treceval;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
* Java port of NIST's trec_eval (10.0, with a 9.0.4 compatibility mode).
*
* <pre>
*   TrecEvalOptions o = TrecEvalOptions.parse("-q", "-m", "all_trec", "qrels.txt", "run.txt");
*   TrecEval.run(o, System.out);   // byte-identical to the binary's standard output
* </pre>
*
* Failures are reported as {@link TrecEvalException} carrying the binary's exit status and standard-error
* text; output already produced before the failure (as the binary would have flushed it) is written first.
* Nothing here calls {@code System.exit}.
*/
public final class TrecEval {
  private TrecEval() {
  }

  /** Evaluates, writing trec_eval's standard output to {@code out}; "-v"/"-h" texts go to {@code out} too. */
  public static void run(TrecEvalOptions options, PrintStream out) throws TrecEvalException {
    run(options, out, out, System.in);
  }

  /**
  * Evaluates. {@code out} receives what trec_eval writes to standard output, {@code err} the version line
  * of "-v" (trec_eval writes it to standard error); {@code stdin} is read for a results file named "-"
  * (10.0 only).
  */
  public static void run(TrecEvalOptions options, OutputStream out, OutputStream err, InputStream stdin)
    throws TrecEvalException {
    try {
      switch (options.action) {
        case VERSION:
          err.write(CText.bytes("trec_eval version " + options.version.label() + "\n"));
          err.flush();
          return;
        case HELP:
          out.write(CText.bytes(Help.text(options)));
          out.flush();
          return;
        default:
          break;
      }
      BufferedOutputStream bout = new BufferedOutputStream(out, 1 << 16);
      try {
        new Evaluator(options).run(bout, stdin);
      } finally {
        bout.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Convenience: parse and run, returning standard output as a string. */
  public static String evaluate(String... args) throws TrecEvalException {
    java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
    run(TrecEvalOptions.parse(args), bo, bo, System.in);
    return bo.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
