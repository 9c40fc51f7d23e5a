package io.lensbench.strategies;

import io.lensbench.datasets.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an item's catalogue text and attributes as English sentences ("text-summary"), e.g.
 * {@code "Puma Men's Speed Cat Shoe. A white casual shoes for men, for casual wear, from the fall
 * 2010 season, in footwear / shoes."}. Uses the dataset's {@code summary_en} text when present.
 */
public final class TextSummary {
  /** Bumped whenever the rendering changes (it is part of content hashes). */
  public static final String VERSION = "1";

  private TextSummary() {}

  public static String render(Item item) {
    String summary = item.text("summary", "en");
    if (summary != null && !summary.isBlank()) {
      return summary;
    }
    List<String> parts = new ArrayList<>();
    String name = name(item);
    if (name != null && !name.isBlank()) {
      parts.add(name.strip() + ".");
    }
    StringBuilder s = new StringBuilder("A");
    boolean any = false;
    for (String key : List.of("baseColour", "articleType")) {
      String v = item.attributes().get(key);
      if (v != null && !v.isBlank()) {
        s.append(' ').append(v.strip().toLowerCase(Locale.ROOT));
        any = true;
      }
    }
    String gender = item.attributes().get("gender");
    if (gender != null && !gender.isBlank()) {
      s.append(" for ").append(gender.strip().toLowerCase(Locale.ROOT));
      any = true;
    }
    String usage = item.attributes().get("usage");
    if (usage != null && !usage.isBlank()) {
      s.append(", for ").append(usage.strip().toLowerCase(Locale.ROOT)).append(" wear");
      any = true;
    }
    String season = item.attributes().get("season");
    String year = item.attributes().get("year");
    if ((season != null && !season.isBlank()) || (year != null && !year.isBlank())) {
      s.append(", from the");
      if (season != null && !season.isBlank()) {
        s.append(' ').append(season.strip().toLowerCase(Locale.ROOT));
      }
      if (year != null && !year.isBlank()) {
        s.append(' ').append(year.strip());
      }
      s.append(" season");
      any = true;
    }
    String master = item.attributes().get("masterCategory");
    String sub = item.attributes().get("subCategory");
    if (master != null && !master.isBlank()) {
      s.append(", in ").append(master.strip().toLowerCase(Locale.ROOT));
      if (sub != null && !sub.isBlank()) {
        s.append(" / ").append(sub.strip().toLowerCase(Locale.ROOT));
      }
      any = true;
    }
    if (any) {
      parts.add(s.append('.').toString());
    }
    return String.join(" ", parts);
  }

  /** The item's English name: {@code name_en}, else the {@code productDisplayName} attribute. */
  public static String name(Item item) {
    String n = item.text("name", "en");
    return n != null ? n : item.attributes().get("productDisplayName");
  }
}
