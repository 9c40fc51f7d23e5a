package io.lensbench.core;

import java.util.Objects;

/**
 * A credential (token, password). Its {@link #toString()} never shows the value, so records
 * holding a Secret can be printed or logged safely; only {@link #reveal()} hands it to a client.
 */
public final class Secret {
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

  @Override
  public String toString() {
    return "****";
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
