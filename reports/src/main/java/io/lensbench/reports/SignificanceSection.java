package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Significance: per query set × store a compact system × system matrix (row minus column,
 * coloured by the delta, ● when Holm-significant), then every paired test in a collapsed table.
 */
final class SignificanceSection {
  private final Significance significance;
  private final Look look;

  SignificanceSection(Significance significance, Look look) {
    this.significance = significance;
    this.look = look;
  }

  String render() {
    ReportTable t = significance.table();
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"significance\"><h2>Significance</h2>");
    b.append("<p class=\"lead\">").append(esc(t.title())).append(". Each matrix compares the systems of one query set on one store: ")
        .append("a cell is its row's mean minus its column's (green: the row is better, red: worse; the deeper, the larger), ")
        .append("● when the difference is Holm-significant (p &lt; 0.05). Two-sided sign-flip test on per-query differences; ")
        .append("p = (hits+1)/(permutations+1).</p>");
    if (significance.rows.isEmpty()) {
      return b.append("<p class=\"muted\">Fewer than two systems share a query set and store.</p></section>").toString();
    }
    b.append("<div class=\"legend\">").append(look.systemKeys()).append("</div>").append("<div class=\"sigmats\">");
    families().forEach((family, rows) -> b.append(matrix(rows)));
    b.append("</div>");
    List<String> qs = significance.rows.stream().map(Significance.Row::querySet).distinct().toList();
    List<String> stores = significance.rows.stream().map(Significance.Row::store).distinct().sorted().toList();
    boolean paged = significance.rows.size() > 60 && qs.size() > 1;
    String facets = HtmlTables.facet("query set", 0, qs, paged ? qs.get(0) : "") + HtmlTables.facet("store", 1, stores, "");
    b.append("<details><summary>Every paired test (").append(significance.rows.size()).append(" pairs, with means and p-values)</summary>");
    if (paged) {
      b.append("<p class=\"muted small\">Showing one query set at a time; pick another, or \"all\", in the selector.</p>");
    }
    b.append(HtmlTables.table(t, "t-significance", c -> c.replace('_', ' '), facets));
    return b.append("</details></section>").toString();
  }

  /** Query set + store → its pairs, in the table's order. */
  private Map<String, List<Significance.Row>> families() {
    Map<String, List<Significance.Row>> out = new LinkedHashMap<>();
    significance.rows.forEach(r -> out.computeIfAbsent(r.querySet() + "\u0000" + r.store(), k -> new ArrayList<>()).add(r));
    return out;
  }

  private String matrix(List<Significance.Row> rows) {
    Significance.Row first = rows.get(0);
    Set<String> systems = new LinkedHashSet<>();
    look.systems().forEach(s -> {
      if (rows.stream().anyMatch(r -> r.systemA().equals(s) || r.systemB().equals(s))) {
        systems.add(s);
      }
    });
    StringBuilder b = new StringBuilder("<table class=\"sigmat\"><caption>").append(esc(first.querySet())).append(" · ")
        .append(esc(first.store())).append(look.badges(first.querySet())).append("</caption><thead><tr><th></th>");
    systems.forEach(s -> b.append("<th title=\"").append(esc(s)).append("\">").append(esc(look.key(s))).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String row : systems) {
      b.append("<tr><th title=\"").append(esc(row)).append("\">").append(esc(look.key(row))).append("</th>");
      for (String col : systems) {
        b.append(row.equals(col) ? "<td class=\"diag\"></td>" : cell(rows, row, col));
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String cell(List<Significance.Row> rows, String row, String col) {
    for (Significance.Row r : rows) {
      boolean direct = r.systemA().equals(col) && r.systemB().equals(row);
      if (direct || (r.systemA().equals(row) && r.systemB().equals(col))) {
        double d = direct ? r.delta() : -r.delta();
        double a = Math.min(1, Math.abs(d) / 0.2);
        String bg = d == 0 ? "#f4f5f7" : String.format(Locale.ROOT, d > 0 ? "rgba(47,143,78,%.2f)" : "rgba(200,69,59,%.2f)", 0.1 + 0.8 * a);
        String title = row + " − " + col + ": " + String.format(Locale.ROOT, "%+.3f", d) + ", p (Holm) " + num(r.pHolm(), 4)
            + (r.significant() ? ", significant" : ", not significant");
        return "<td style=\"background:" + bg + ";color:" + (a > 0.6 ? "#fff" : "#1d2430") + "\" title=\"" + esc(title) + "\">"
            + (r.significant() ? "●" : "") + "</td>";
      }
    }
    return "<td class=\"na\" title=\"no paired test\"></td>";
  }
}
