package io.lensbench.core;

/** Process exit codes, mapped once at the CLI edge. */
public enum ExitCode {
  OK(0),
  /** A quality gate failed: a metric regressed beyond tolerance. */
  REGRESSION(1),
  /** Bad input or configuration: malformed file, unknown id, unknown option. */
  BAD_INPUT(2),
  /** Infrastructure: store down, model missing, endpoint unreachable. */
  INFRASTRUCTURE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
