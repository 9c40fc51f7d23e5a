package io.lensbench.reports;

import io.lensbench.eval.run.QueryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caveats a reader must see beside a query set's numbers, read from the data: queries whose
 * rows say they were derived (attribute {@code derived}, e.g. {@code glossary-ko}), Korean queries
 * of a dataset whose card says its Korean text is glossary-derived, and synthetic data (the card or
 * provenance says {@code synthetic}, or the rows carry {@code synthetic: true}).
 */
final class Caveats {
  /** One badge: short label and the sentence behind it. */
  record Badge(String label, String title) {}

  private final Map<String, List<Badge>> byQuerySet = new LinkedHashMap<>();

  Caveats(RunData run) {
    String cardNote = run.card().path("derived").path("queries").asText("");
    for (String qs : run.querySets()) {
      List<QueryRow> rows = run.queries().getOrDefault(qs, List.of());
      List<Badge> badges = new ArrayList<>();
      String derived = shared(rows, "derived");
      if (derived != null) {
        badges.add(new Badge(derived.toLowerCase(Locale.ROOT).contains("glossary") ? "glossary-derived" : "derived",
            "Queries derived (" + derived + ")" + (cardNote.isEmpty() ? "." : ": " + cardNote + ".")));
      } else if (run.koreanIsGlossaryDerived() && !rows.isEmpty() && rows.stream().allMatch(r -> "ko".equals(r.language()))) {
        badges.add(new Badge("glossary-derived", Look.KOREAN_NOTE));
      }
      if (run.synthetic() || (!rows.isEmpty() && "true".equals(shared(rows, "synthetic")))) {
        badges.add(new Badge("synthetic", "Synthetic data (dataset card): rankings are generated, not produced by a model."));
      }
      byQuerySet.put(qs, List.copyOf(badges));
    }
  }

  /** The badges of a query set (empty when none apply). */
  List<Badge> of(String querySet) {
    return byQuerySet.getOrDefault(querySet, List.of());
  }

  /** The value of attribute {@code key} when any row has it (the first one found), else null. */
  private static String shared(List<QueryRow> rows, String key) {
    return rows.stream().map(r -> r.attributes().get(key)).filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
  }
}
