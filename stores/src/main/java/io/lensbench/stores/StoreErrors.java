package io.lensbench.stores;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LensBenchException;
import io.lensbench.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How every store adapter reports a failure: where ({@code "milvus (http://…) collection 'x'"}),
 * one message shape for an engine failure and one for an unreachable store, and one redaction of
 * credentials, applied to every message: the configured {@link Secret} values, {@code
 * token=…}/{@code password: …}-style pairs, {@code Bearer}/{@code Basic} authorizations and
 * {@code user:password@} in URLs.
 */
public final class StoreErrors {
  /** Longest root-cause text kept in a message. */
  static final int ROOT_MESSAGE_LIMIT = 500;

  /** Secrets shorter than this cannot be told from ordinary text and are not searched for. */
  static final int MIN_SECRET_LENGTH = 4;

  private final StoreId id;
  private final String address;
  private final boolean embedded;
  private final List<String> secrets;
  private final Predicate<Throwable> connectionFailure;

  /**
   * @param connectionFailure true for an engine exception that means the store is not reachable
   *     (reported as unreachable, not as a failed call)
   */
  public StoreErrors(StoreId id, StoreConfig config, Predicate<Throwable> connectionFailure) {
    this.id = id;
    this.address = config.address(id.kind());
    this.embedded = config.isEmbedded(id.kind());
    this.secrets = secretTexts(config.secrets(id.kind()));
    this.connectionFailure = connectionFailure;
  }

  /** Errors of the store named after its kind. */
  public StoreErrors(StoreKind kind, StoreConfig config, Predicate<Throwable> connectionFailure) {
    this(StoreId.of(kind), config, connectionFailure);
  }

  private static List<String> secretTexts(List<Secret> secrets) {
    List<String> out = new ArrayList<>();
    for (Secret s : secrets) {
      String v = s.reveal();
      out.add(v);
      int colon = v.indexOf(':');
      if (colon >= 0) {
        out.add(v.substring(colon + 1)); // "user:password" tokens: the password on its own too
      }
    }
    out.removeIf(v -> v.length() < MIN_SECRET_LENGTH);
    out.sort((a, b) -> b.length() - a.length()); // longest first: a part never splits a whole
    return List.copyOf(out);
  }

  /** The prefix of every message about one collection. */
  public String where(String collection) {
    return String.format(Locale.ROOT, "%s (%s) collection '%s'", id.name(), address, collection);
  }

  /** The store does not answer; for the embedded store the message says how to start it. */
  public InfrastructureException unreachable(String what, Throwable cause) {
    return new InfrastructureException(
        String.format(
            Locale.ROOT,
            "%s at %s is unreachable (%s): expected %s, found: %s%s",
            id.name(),
            address,
            what,
            id.kind().server(),
            redact(rootMessage(cause)),
            embedded ? "; " + StoreConfig.START_HINT : ""),
        cause);
  }

  /**
   * The exception to throw for a failure of {@code what} on {@code collection}: LensBench's own
   * exceptions with credentials redacted, a connection failure as {@link #unreachable}, any other
   * engine exception as an {@link InfrastructureException} "where: what failed: cause".
   */
  public RuntimeException wrap(String collection, String what, RuntimeException e) {
    if (e instanceof LensBenchException known) {
      return redacted(known);
    }
    if (connectionFailure.test(e)) {
      return unreachable(what + ", collection '" + collection + "'", e);
    }
    return new InfrastructureException(
        where(collection) + ": " + what + " failed: " + redact(rootMessage(e)), e);
  }

  /** A failure while connecting: LensBench's own exceptions redacted, anything else unreachable. */
  public RuntimeException onOpen(RuntimeException e) {
    return e instanceof LensBenchException known ? redacted(known) : unreachable("connect", e);
  }

  private RuntimeException redacted(LensBenchException e) {
    String message = String.valueOf(e.getMessage());
    String clean = redact(message);
    if (clean.equals(message)) {
      return e;
    }
    return e instanceof BadInputException
        ? new BadInputException(clean, e.getCause())
        : new InfrastructureException(clean, e.getCause());
  }

  /** The text with every credential replaced by {@code ****}. */
  public String redact(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, Secret.HIDDEN);
    }
    return Secret.redact(out);
  }

  /** The distinct messages of a cause chain joined by " / ", at most about {@value #ROOT_MESSAGE_LIMIT} characters. */
  static String rootMessage(Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < ROOT_MESSAGE_LIMIT; t = t.getCause()) {
      String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
      if (b.indexOf(m) < 0) {
        b.append(b.length() > 0 ? " / " : "").append(m);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return b.toString();
  }
}
