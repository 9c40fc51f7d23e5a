package io.lensbench.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credential (token, password). Its {@link #toString()} never shows the value, so records
 * holding a Secret can be printed or logged safely; only {@link #reveal()} hands it to a client.
 */
public final class Secret {
  /** What a hidden credential reads as. */
  public static final String HIDDEN = "****";

  private static final Pattern URL_USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern KEY_VALUE =
      Pattern.compile("(?i)(token|password|passwd|secret|api[_-]?key|authorization)([\"']?\\s*[=:]\\s*[\"']?)"
          + "(?!(?:basic|bearer)\\s)[^\\s,;\"'&)]+");

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A secret, or null when the value is null or blank. */
  public static Secret ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Secret(value);
  }

  public String reveal() {
    return value;
  }

  /**
   * The text with every credential of a recognisable shape replaced by {@value #HIDDEN}: the user
   * info of URLs ({@code http://user:password@host} → {@code http://****@host}), {@code
   * Bearer}/{@code Basic} authorizations and {@code token=…}/{@code password: …}-style pairs. For
   * every message, log line or file that may hold a URL or an error text from a remote service.
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = URL_USER_INFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
    out = AUTHORIZATION.matcher(out).replaceAll("$1 " + HIDDEN);
    return KEY_VALUE.matcher(out).replaceAll("$1$2" + HIDDEN);
  }

  @Override
  public String toString() {
    return HIDDEN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
