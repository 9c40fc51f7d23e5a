package io.lensbench.eval.treceval;

/**
* Failure of an evaluation, carrying the exit status the trec_eval binary would have returned and the
* message it would have written to standard error (possibly several lines, newline-terminated).
* Status 1: bad command line; 2: bad or unreadable input (the usual case); 4: a measure could not be
* calculated (e.g. duplicate docnos in a run); 7: no query has both results and relevance info;
* 255: unreadable Z-score file.
*/
public final class TrecEvalException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String fileName;
  private final long lineNumber;

  public TrecEvalException(int exitCode, String message) {
    this(exitCode, message, null, 0);
  }

  public TrecEvalException(int exitCode, String message, String fileName, long lineNumber) {
    super(message);
    this.exitCode = exitCode;
    this.fileName = fileName;
    this.lineNumber = lineNumber;
  }

  /** Input file the error was found in, or null. */
  public String fileName() {
    return fileName;
  }

  /**
  * Physical (1-based) line number of the offending line in {@link #fileName()}, or 0. trec_eval's own
  * message counts only data lines (comments and blank lines excluded); this counts every line.
  */
  public long lineNumber() {
    return lineNumber;
  }

  /** Exit status of the trec_eval binary for the same failure. */
  public int exitCode() {
    return exitCode;
  }
}
