package io.lensbench.regress;

import io.lensbench.core.BadInputException;
import io.lensbench.eval.run.CellId;
import io.lensbench.reports.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Markdown table of expected values for the README and docs: one row per query set, one column
 * per strategy (per strategy and store when several stores are shown), each cell the chosen
 * metrics joined by " / " with the file's 4 decimals (never rounded twice). Query sets whose
 * queries are derived (glossary-derived Korean) carry a dagger, read from the file's counts.
 *
 * @param stores stores shown (empty = the file's first store)
 * @param strategies strategies shown, in order (empty = every strategy of the file)
 * @param querySets query sets shown, in order (empty = every query set of the file)
 * @param metrics metrics per cell (empty = Recall@10, Success@10, MRR, nDCG@10)
 */
public record ResultsTable(List<String> stores, List<String> strategies, List<String> querySets, List<String> metrics) {
  static final List<String> DEFAULT_METRICS = List.of("recall_at_10", "success_at_10", "mrr", "ndcg_at_10");

  /** The caption line and the table, for a region reading {@code source} (a link relative to the document). */
  String render(Expected e, String where, String source) {
    List<String> st = orDefault(stores, List.of(first(e.stores(), where)), e.stores(), "store", where);
    List<String> sy = orDefault(strategies, column(e, CellIdPart.STRATEGY), column(e, CellIdPart.STRATEGY), "strategy", where);
    List<String> qs = orDefault(querySets, column(e, CellIdPart.QUERY_SET), column(e, CellIdPart.QUERY_SET), "query set", where);
    List<String> ms = orDefault(metrics, DEFAULT_METRICS, e.metrics(), "metric", where);
    Map<String, Expected.Cell> byKey = new LinkedHashMap<>();
    e.cells().forEach((id, c) -> {
      CellId cid = CellId.parse(id);
      if (cid.reranker() == null) {
        byKey.put(cid.querySet() + "\u0000" + cid.strategy() + "\u0000" + cid.store(), c);
      }
    });
    StringBuilder b = new StringBuilder(caption(e, st, qs, ms, source));
    b.append("\n\n| query set |");
    for (String s : sy) {
      for (String store : st) {
        b.append(' ').append(s).append(st.size() > 1 ? " · " + store : "").append(" |");
      }
    }
    b.append("\n|---|").append("---|".repeat(sy.size() * st.size())).append('\n');
    for (String q : qs) {
      Expected.QuerySetCount count = e.counts().querySets().get(q);
      b.append("| ").append(q).append(count != null && count.derived() != null ? " †" : "").append(" |");
      for (String s : sy) {
        for (String store : st) {
          b.append(' ').append(values(byKey.get(q + "\u0000" + s + "\u0000" + store), ms)).append(" |");
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String caption(Expected e, List<String> stores, List<String> querySets, List<String> metrics, String source) {
    List<String> names = metrics.stream().map(MetricNames::display).toList();
    Expected.MeasuredOn m = e.measuredOn();
    StringBuilder b = new StringBuilder(String.join(" / ", names)).append(" on ").append(String.join(" and ", stores))
        .append(", generated from [").append(source.substring(source.lastIndexOf('/') + 1)).append("](").append(source).append(")");
    List<String> on = new ArrayList<>();
    if (m.dataset() != null) {
      on.add("dataset " + m.dataset() + (m.datasetChecksum() == null ? "" : " `" + shortHash(m.datasetChecksum()) + "`"));
    }
    if (m.commit() != null) {
      on.add("commit `" + shortHash(m.commit()) + "`");
    }
    b.append(on.isEmpty() ? "" : " (" + String.join(", ", on) + ")").append('.');
    List<String> derived = querySets.stream().map(q -> e.counts().querySets().get(q))
        .filter(q -> q != null && q.derived() != null).map(Expected.QuerySetCount::derived).distinct().toList();
    if (!derived.isEmpty()) {
      b.append(" † derived queries (").append(String.join(", ", derived)).append(").");
    }
    return b.toString();
  }

  private static String values(Expected.Cell c, List<String> metrics) {
    if (c == null) {
      return "–";
    }
    List<String> out = new ArrayList<>();
    for (String m : metrics) {
      Double v = c.values().get(m);
      out.add(v == null ? "–" : ExpectedYaml.value(v));
    }
    return String.join(" / ", out);
  }

  private static String shortHash(String h) {
    return h.substring(0, Math.min(12, h.length()));
  }

  private enum CellIdPart { STRATEGY, QUERY_SET }

  private static List<String> column(Expected e, CellIdPart part) {
    Set<String> out = new LinkedHashSet<>();
    e.cells().keySet().forEach(id -> out.add(part == CellIdPart.STRATEGY ? CellId.parse(id).strategy() : CellId.parse(id).querySet()));
    return List.copyOf(out);
  }

  private static String first(List<String> values, String where) {
    if (values.isEmpty()) {
      throw new BadInputException(where + ": expected cells in the expected file, found none");
    }
    return values.get(0);
  }

  private static List<String> orDefault(List<String> asked, List<String> fallback, List<String> known, String what, String where) {
    if (asked.isEmpty()) {
      return fallback;
    }
    for (String a : asked) {
      if (!known.contains(a)) {
        throw new BadInputException(String.format(Locale.ROOT, "%s: expected a %s of the expected file (%s), found '%s'",
            where, what, String.join(", ", known), a));
      }
    }
    return asked;
  }
}
