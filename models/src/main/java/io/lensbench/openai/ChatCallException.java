package io.lensbench.openai;

import io.lensbench.core.InfrastructureException;

/**
 * A call that did not produce an answer after all retries: a timeout, an HTTP error, a transport
 * failure or a response that is not the chat-completions shape. Callers with a fail-open policy
 * count it and go on; configuration errors (401/403/404, connection refused) are thrown as plain
 * {@link InfrastructureException} instead, because every later call would fail the same way.
 */
public final class ChatCallException extends InfrastructureException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the last attempt. */
  public enum Kind {
    TIMEOUT,
    HTTP_ERROR,
    TRANSPORT,
    BAD_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final transient CallStats stats;

  public ChatCallException(Kind kind, int status, CallStats stats, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.stats = stats;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status of the last response; 0 when there was none. */
  public int status() {
    return status;
  }

  public CallStats stats() {
    return stats;
  }
}
