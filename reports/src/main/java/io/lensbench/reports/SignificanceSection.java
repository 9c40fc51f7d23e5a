package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import java.util.List;

/** Significance: the paired tests between the systems of each query set and store. */
final class SignificanceSection {
  private final Significance significance;

  SignificanceSection(Significance significance) {
    this.significance = significance;
  }

  String render() {
    ReportTable t = significance.table();
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"significance\"><h2>Significance</h2>");
    b.append("<p class=\"lead\">").append(esc(t.title())).append(". Pairs share query set and store; delta = B − A. ")
        .append("Two-sided sign-flip test on per-query differences; p = (hits+1)/(permutations+1); significant when Holm p &lt; 0.05.</p>");
    if (significance.rows.isEmpty()) {
      return b.append("<p class=\"muted\">Fewer than two systems share a query set and store.</p></section>").toString();
    }
    List<String> qs = significance.rows.stream().map(Significance.Row::querySet).distinct().toList();
    List<String> stores = significance.rows.stream().map(Significance.Row::store).distinct().sorted().toList();
    boolean paged = significance.rows.size() > 60 && qs.size() > 1;
    String facets = HtmlTables.facet("query set", 0, qs, paged ? qs.get(0) : "") + HtmlTables.facet("store", 1, stores, "");
    if (paged) {
      b.append("<p class=\"muted small\">").append(significance.rows.size()).append(" pairs in all; showing one query set at a time — ")
          .append("pick another, or \"all\", in the selector.</p>");
    }
    b.append(HtmlTables.table(t, "t-significance", c -> c.replace('_', ' '), facets));
    return b.append("</section>").toString();
  }
}
