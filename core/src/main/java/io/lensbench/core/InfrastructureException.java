package io.lensbench.core;

/** A store that is down, a model that is missing, an endpoint that misbehaves: exit code 3. */
public class InfrastructureException extends LensBenchException {
  private static final long serialVersionUID = 1L;

  public InfrastructureException(String message) {
    super(message);
  }

  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INFRASTRUCTURE;
  }
}
