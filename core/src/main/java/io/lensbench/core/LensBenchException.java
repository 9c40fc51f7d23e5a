package io.lensbench.core;

/**
 * Base of every error LensBench reports to a user. The message says what was expected, what
 * was found, and where (file and line, store and collection, id).
 */
public abstract class LensBenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected LensBenchException(String message) {
    super(message);
  }

  protected LensBenchException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract ExitCode exitCode();
}
