package io.lensbench.reports;

import java.util.Locale;

/**
 * Escaping for every string that came from data. Two contexts only are used by the report:
 * HTML text/attribute values ({@link #esc}) and JSON embedded in a non-executed
 * {@code <script type="application/json">} block ({@link #jsonForScript}). Data never goes into
 * executable script, CSS or URLs (thumbnails are base64 produced by this module).
 */
public final class Html {
  private Html() {}

  /** Escapes for HTML element content and quoted attribute values (both quote kinds). */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '`' -> b.append("&#96;");
        case '\u0000' -> b.append('\uFFFD');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Makes JSON text safe inside {@code <script type="application/json">}: {@code <}, {@code >},
   * {@code &} and the JS line separators become {@code \\uXXXX} escapes (valid JSON, and no
   * {@code </script>} or {@code <!--} can appear).
   */
  public static String jsonForScript(String json) {
    StringBuilder b = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Reduces a data string to an identifier-safe token (for CSS classes and element ids). */
  public static String token(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ? c : '_');
    }
    return b.toString();
  }

  /** Formats a number with Locale.ROOT; NaN becomes an en dash. */
  public static String num(double v, int digits) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
