package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import java.util.Locale;

/** What a query is made of. Wire names are lower case: text, image, table_image, image_text. */
public enum QueryKind {
  TEXT,
  IMAGE,
  TABLE_IMAGE,
  IMAGE_TEXT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QueryKind parse(String s, String where) {
    for (QueryKind k : values()) {
      if (k.wireName().equals(s)) {
        return k;
      }
    }
    throw new BadInputException(
        String.format(Locale.ROOT,
            "%s: unknown query kind '%s' (expected one of text, image, table_image, image_text)",
            where, s));
  }

  public boolean hasImage() {
    return this != TEXT;
  }

  public boolean hasText() {
    return this == TEXT || this == IMAGE_TEXT;
  }
}
