package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rerank: before and after per reranked cell, with the reranker's fault counters. */
final class RerankSection {
  /** The metrics shown before → after, when the run has them. */
  private static final List<String> SHOWN = List.of("success_at_1", "mrr", "ndcg_at_10");

  private final RerankSummary rerank;

  RerankSection(RerankSummary rerank) {
    this.rerank = rerank;
  }

  String render() {
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"rerank\"><h2>Rerank</h2>");
    b.append("<p class=\"lead\">Before = the same strategy and store without the reranker; after = the reranked cell. ")
        .append("Fault counters summed over queries from records/&lt;cell&gt;.jsonl: <b>dropped</b> (first-stage ids the reranker left out), ")
        .append("<b>duplicated</b>, <b>invented</b> (ids not in the candidate list), malformed replies, timeouts; the policy says what ")
        .append("happened on failure (fail-open keeps the first-stage order).</p>");
    List<Integer> shown = new ArrayList<>();
    for (String m : SHOWN) {
      if (rerank.metrics.contains(m)) {
        shown.add(rerank.metrics.indexOf(m));
      }
    }
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows\" data-target=\"t-rerank\">")
        .append("<span class=\"count\"></span></div><div class=\"wrap\"><table class=\"data\" id=\"t-rerank\"><thead><tr>")
        .append("<th>query set</th><th>first stage</th><th>reranker</th><th>policy</th>");
    for (int i : shown) {
      b.append("<th class=\"num\">").append(esc(MetricNames.display(rerank.metrics.get(i)))).append(" before → after</th>");
    }
    b.append("<th class=\"num\">reordered</th><th class=\"num\">dropped</th><th class=\"num\">duplicated</th>")
        .append("<th class=\"num\">invented</th><th class=\"num\">malformed</th><th class=\"num\">timeouts</th>")
        .append("<th class=\"num\">HTTP errors</th><th class=\"num\">retries</th><th class=\"num\">tokens in / out</th>")
        .append("<th class=\"num\">mean rerank ms</th></tr></thead><tbody>");
    for (RerankSummary.Row r : rerank.rows) {
      b.append(row(r, shown));
    }
    return b.append("</tbody></table></div></section>").toString();
  }

  private static String row(RerankSummary.Row r, List<Integer> shown) {
    CellId id = r.cell().id();
    StringBuilder b = new StringBuilder("<tr><td>").append(esc(id.querySet())).append("</td><td>")
        .append(esc(id.strategy() + " · " + id.store())).append("</td><td>")
        .append(esc(id.reranker())).append("</td><td>").append(esc(r.policy())).append("</td>");
    for (int i : shown) {
      double before = r.before().get(i);
      double after = r.after().get(i);
      double d = after - before;
      b.append("<td class=\"num ba\" data-v=\"").append(Double.isNaN(d) ? "" : num(d, 6)).append("\">").append(num(before, 3))
          .append("<span class=\"arrow\">→</span>").append(num(after, 3)).append(" <span class=\"")
          .append(d > 0 ? "pos" : d < 0 ? "neg" : "muted").append("\">")
          .append(Double.isNaN(d) ? "" : String.format(Locale.ROOT, "(%+.3f)", d)).append("</span></td>");
    }
    RerankSummary.Counters k = r.counters();
    b.append("<td class=\"num\" data-v=\"").append(k.reordered()).append("\">").append(k.reordered())
        .append(" / ").append(k.queries()).append("</td>");
    for (long v : new long[] {k.dropped(), k.duplicated(), k.invented(), k.malformed(), k.timeouts(), k.httpErrors(), k.retries()}) {
      b.append("<td class=\"num").append(v > 0 ? " neg" : "").append("\" data-v=\"").append(v).append("\">").append(v).append("</td>");
    }
    b.append("<td class=\"num\" data-v=\"").append(k.promptTokens()).append("\">")
        .append(String.format(Locale.ROOT, "%,d / %,d", k.promptTokens(), k.completionTokens()))
        .append("</td>").append(HtmlTables.numTd(k.meanRerankMs(), 1)).append("</tr>");
    return b.toString();
  }
}
