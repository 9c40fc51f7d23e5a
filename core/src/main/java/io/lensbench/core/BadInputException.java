package io.lensbench.core;

/** Malformed file, unknown id, invalid configuration: exit code 2. */
public class BadInputException extends LensBenchException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.BAD_INPUT;
  }
}
