package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import io.lensbench.eval.run.RunCell;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The site's index.html: a table of the runs (dataset, date, commit, cells, and per query set the
 * best system's headline metric) linking to each report, then the comparison pages. No script;
 * the CSP forbids every fetch; every string from data is escaped; links are built from slugs.
 */
final class SiteIndex {
  private SiteIndex() {}

  static String html(List<SiteRun> runs, List<SiteRun[]> compared) {
    List<String> querySets = querySets(runs);
    StringBuilder b = new StringBuilder(Page.scriptless("LensBench reports"))
        .append("<header class=\"top\"><h1>LensBench reports</h1>")
        .append("<div class=\"sub\">").append(runs.size()).append(" runs · ").append(compared.size())
        .append(" comparisons · every page self-contained, no network</div></header><main>");
    b.append("<section class=\"card\" id=\"runs\"><h2>Runs</h2><p class=\"lead\">Oldest first. Headline: per query set the best ")
        .append("system's nDCG@10 (the report's primary metric; MRR or another overview metric when a run has no nDCG@10).</p>")
        .append("<div class=\"wrap\"><table class=\"data\" id=\"t-runs\"><thead><tr><th>run</th><th>dataset</th><th>date</th>")
        .append("<th>commit</th><th class=\"num\">cells</th>");
    querySets.forEach(qs -> b.append("<th class=\"num\">").append(esc(qs)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (SiteRun r : runs) {
      b.append(row(r, querySets));
    }
    b.append("</tbody></table></div></section>");
    b.append("<section class=\"card\" id=\"comparisons\"><h2>Comparisons</h2>");
    if (compared.isEmpty()) {
      b.append("<p class=\"muted\">No comparison pages (one run, or --pairs none).</p>");
    } else {
      b.append("<p class=\"lead\">Run B − run A per cell, paired tests and Holm correction (the report's comparison mode); ")
          .append("A is the older run. Runs are named by their page folder (under runs/).</p><ul class=\"pairs\">");
      for (SiteRun[] p : compared) {
        b.append("<li><a href=\"").append(p[0].compareHref(p[1])).append("\"><span class=\"mono\">").append(p[0].slug())
            .append("</span> → <span class=\"mono\">").append(p[1].slug()).append("</span></a></li>");
      }
      b.append("</ul>");
    }
    return b.append("</section></main></body></html>\n").toString();
  }

  private static String row(SiteRun r, List<String> querySets) {
    RunData d = r.data();
    String commit = d.provenance().path("git").path("commit").asText("");
    boolean dirty = d.provenance().path("git").path("dirty").asBoolean(false);
    String metric = ReportWriter.withAvailablePrimary(ReportOptions.defaults(), d).primaryMetric();
    StringBuilder b = new StringBuilder("<tr><td style=\"white-space:nowrap\"><a href=\"").append(r.href()).append("\">")
        .append(esc(d.name())).append("</a>").append(r.slug().equals(d.name()) ? ""
            : "<span class=\"small muted mono\" style=\"display:block\">runs/" + r.slug() + "</span>").append("</td><td>")
        .append(esc(d.datasetName())).append(d.synthetic() ? " <span class=\"caveat\">synthetic</span>" : "").append("</td><td class=\"mono\" style=\"white-space:nowrap\">")
        .append(esc(r.date().length() > 16 ? r.date().substring(0, 16) : r.date())).append("</td><td class=\"mono\" title=\"")
        .append(esc(commit)).append("\">").append(esc(commit.length() > 12 ? commit.substring(0, 12) : commit))
        .append(dirty ? " (dirty)" : "").append("</td><td class=\"num\">").append(d.cells().size()).append("</td>");
    for (String qs : querySets) {
      RunCell best = best(d, qs, metric);
      b.append(best == null ? "<td class=\"num muted\">–</td>" : "<td class=\"num\" title=\"" + esc(MetricNames.display(metric) + " of "
          + best.id().label()) + "\">" + num(best.mean(metric), 3) + "<span class=\"small muted\" style=\"display:block\">"
          + esc(best.id().system() + " · " + best.id().store()) + "</span></td>");
    }
    return b.append("</tr>").toString();
  }

  private static RunCell best(RunData d, String qs, String metric) {
    RunCell best = null;
    for (RunCell c : d.cells()) {
      if (c.id().querySet().equals(qs) && !Double.isNaN(c.mean(metric)) && (best == null || c.mean(metric) > best.mean(metric))) {
        best = c;
      }
    }
    return best;
  }

  private static List<String> querySets(List<SiteRun> runs) {
    Set<String> all = new LinkedHashSet<>();
    runs.forEach(r -> all.addAll(r.data().querySets()));
    return new ArrayList<>(all);
  }
}
