package io.lensbench.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A plain-text description of a loaded dataset: its card, counts per kind and language, relevant items per query. */
public final class DatasetDescription {
  private DatasetDescription() {}

  public static String describe(Dataset d) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> card = d.card();
    sb.append(String.format(Locale.ROOT, "dataset   %s  (%s)%n", d.name(), d.root()));
    if (card.get("source") instanceof Map<?, ?> src) {
      sb.append(String.format(Locale.ROOT, "source    %s%n", src.get("name")));
    }
    sb.append(String.format(Locale.ROOT, "licence   %s%n", card.getOrDefault("licence", "(not stated)")));
    sb.append(String.format(Locale.ROOT, "seed      %s%n", card.getOrDefault("seed", "(none)")));
    if (card.get("build") instanceof Map<?, ?> b) {
      sb.append(String.format(Locale.ROOT, "built by  %s%n", b.get("command")));
    }
    sb.append(String.format(Locale.ROOT, "checksum  %s%n", d.checksum()));
    long train = d.splits().values().stream().filter(s -> s == Split.TRAIN).count();
    long test = d.splits().values().stream().filter(s -> s == Split.TEST).count();
    sb.append(String.format(Locale.ROOT, "items     %d (train %d, test %d; search over: %s)%n",
        d.items().size(), train, test, card.getOrDefault("searchSplit", "all")));
    if (card.get("distractors") instanceof Map<?, ?> dis) {
      sb.append(String.format(Locale.ROOT, "grown     from %s: %s %s distractors (seed %s) to %s searchable items; %s%n",
          card.get("grownFrom") instanceof Map<?, ?> f ? f.get("root") : "?", dis.get("count"), dis.get("mode"),
          dis.get("seed"), dis.get("total"), dis.get("label")));
    }
    Map<String, Integer> texts = new TreeMap<>();
    for (Item i : d.items().values()) {
      for (String k : i.texts().keySet()) {
        texts.merge(k.substring(k.lastIndexOf('_') + 1), 1, Integer::sum);
      }
    }
    sb.append(String.format(Locale.ROOT, "texts     %s (text fields per language; ko is glossary-derived when the card says so)%n", texts));
    sb.append(String.format(Locale.ROOT, "%n%-16s %-12s %-5s %7s %9s   %s%n", "query set", "kind", "lang",
        "queries", "judged", "relevant per query (grade>0): min / median / max; grade 2: min / median / max"));
    Map<String, Integer> byKindLang = new TreeMap<>();
    for (QuerySet s : d.querySets()) {
      List<Integer> rel = new ArrayList<>();
      List<Integer> rel2 = new ArrayList<>();
      int judged = 0;
      for (Query q : s.queries()) {
        Map<String, Integer> j = s.qrels().forQuery(q.id());
        judged += j.size();
        rel.add((int) j.entrySet().stream().filter(e -> e.getValue() > 0 && !q.excludeIds().contains(e.getKey())).count());
        rel2.add((int) j.entrySet().stream().filter(e -> e.getValue() >= 2 && !q.excludeIds().contains(e.getKey())).count());
      }
      String kind = s.queries().isEmpty() ? "-" : s.queries().get(0).kind().wireName();
      String lang = s.queries().isEmpty() ? "-" : s.queries().get(0).language();
      for (Query q : s.queries()) {
        byKindLang.merge(q.kind().wireName() + "/" + q.language(), 1, Integer::sum);
      }
      sb.append(String.format(Locale.ROOT, "%-16s %-12s %-5s %7d %9d   %s ; %s%n", s.name(), kind, lang,
          s.queries().size(), judged, stats(rel), stats(rel2)));
    }
    sb.append(String.format(Locale.ROOT, "%nqueries per kind/language:%n"));
    byKindLang.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-20s %5d%n", k, v)));
    return sb.toString();
  }

  static String stats(List<Integer> values) {
    if (values.isEmpty()) {
      return "-";
    }
    List<Integer> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    return String.format(Locale.ROOT, "%d / %s / %d", v.get(0),
        median == Math.rint(median) ? String.valueOf((long) median) : String.format(Locale.ROOT, "%.1f", median),
        v.get(n - 1));
  }
}
