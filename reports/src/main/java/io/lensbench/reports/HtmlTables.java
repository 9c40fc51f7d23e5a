package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import java.util.List;
import java.util.function.Function;

/** Table markup shared by the sections: sortable data tables, number cells and row selectors. */
final class HtmlTables {
  private HtmlTables() {}

  /** A number cell: sortable value in data-v, shown with {@code digits} decimals. */
  static String numTd(double v, int digits) {
    return "<td class=\"num\" data-v=\"" + (Double.isNaN(v) ? "" : num(v, 6)) + "\">" + num(v, digits) + "</td>";
  }

  /** A drop-down that keeps only rows whose cell in column {@code col} equals the chosen value ("" = all). */
  static String facet(String label, int col, List<String> values, String selected) {
    if (values.size() < 2) {
      return "";
    }
    StringBuilder b = new StringBuilder("<label class=\"muted small\"> ").append(esc(label)).append(" <select class=\"facet\" data-col=\"")
        .append(col).append("\"><option value=\"\"").append(selected.isEmpty() ? " selected" : "").append(">all</option>");
    for (String v : values) {
      b.append("<option value=\"").append(esc(v)).append("\"").append(v.equals(selected) ? " selected" : "").append(">")
          .append(esc(v)).append("</option>");
    }
    return b.append("</select></label>").toString();
  }

  /** Decimals by column kind: milliseconds 1–2, rates 0–1, ratios 3, anything else 4 (1 from 100 up). */
  static int digits(String column, double v) {
    double a = Math.abs(v);
    if (column.endsWith("_ms")) {
      return a >= 100 ? 0 : a >= 10 ? 1 : 2;
    }
    if (column.equals("qps") || column.endsWith("per_second")) {
      return a >= 100 ? 0 : 1;
    }
    if (column.startsWith("ratio")) {
      return 3;
    }
    return a >= 100 ? 1 : 4;
  }

  /** Any exported table as a filterable, sortable data table; columns of numbers are right-aligned. */
  static String table(ReportTable t, String id, Function<String, String> header) {
    return table(t, id, header, "");
  }

  /** As {@link #table(ReportTable, String, Function)} with row selectors in the tool bar. */
  static String table(ReportTable t, String id, Function<String, String> header, String facets) {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows\" data-target=\"")
        .append(id).append("\">").append(facets).append("<span class=\"count\"></span></div>");
    b.append("<div class=\"wrap\"><table class=\"data\" id=\"").append(id).append("\"><thead><tr>");
    for (int i = 0; i < t.columns().size(); i++) {
      final int col = i;
      boolean isNum = !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.get(col) == null || r.get(col) instanceof Number);
      b.append("<th").append(isNum ? " class=\"num\"" : "").append(">").append(esc(header.apply(t.columns().get(i)))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<Object> r : t.rows()) {
      b.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        b.append(cell(t.columns().get(i), r.get(i)));
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  private static String cell(String column, Object v) {
    if (v instanceof Double d) {
      return numTd(d, digits(column, d));
    }
    if (v instanceof Number n) {
      return "<td class=\"num\" data-v=\"" + n + "\">" + n + "</td>";
    }
    String s = v == null ? "" : v.toString();
    String cls = "yes".equals(s) ? "sig-yes" : "no".equals(s) ? "sig-no" : "";
    return "<td class=\"" + cls + "\">" + esc(s) + "</td>";
  }
}
