package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;
import static io.lensbench.reports.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.Hashing;
import io.lensbench.reports.RunData.CellMetrics;
import io.lensbench.reports.RunData.Hit;
import io.lensbench.reports.RunData.ItemRow;
import io.lensbench.reports.RunData.QueryRecord;
import io.lensbench.reports.RunData.QueryRow;
import io.lensbench.reports.RunData.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the HTML page. Rules kept throughout: every data string goes through {@link Html#esc};
 * the only executable script is the module's own report.js, allowed by a CSP hash; data for scripts
 * sits in a {@code <script type="application/json">} block escaped by {@link Html#jsonForScript};
 * images are base64 thumbnails in CSS classes; the CSP forbids every network fetch.
 */
final class HtmlReport {
  static final String JOINT_NOTE = "The trained joint model maps images onto catalogue attributes (gender, colour, "
      + "article type, usage); it will not answer open-ended queries about style, pattern or brand. Read its "
      + "numbers as attribute-matching quality.";
  static final String KOREAN_NOTE = "Korean text in this dataset is glossary-derived (dataset card): catalogue "
      + "attributes translated through a glossary, not native Korean product copy.";

  private final RunData run;
  private final RunData other;
  private final ReportOptions options;
  private final Analysis analysis;
  private final Thumbnails thumbs;
  private final BenchData bench;
  private final ObjectMapper json;
  private final Map<String, Integer> strategyColors = new LinkedHashMap<>();
  final List<ReportTable> tables = new ArrayList<>();

  HtmlReport(RunData run, RunData other, ReportOptions options, ObjectMapper json) {
    this.run = run;
    this.other = other;
    this.options = options;
    this.analysis = new Analysis(run, options);
    this.thumbs = new Thumbnails(0.72f);
    this.bench = BenchData.load(run.dir(), run.jmh());
    this.json = json;
    for (CellMetrics c : run.cells()) {
      strategyColors.putIfAbsent(c.strategy() + (c.reranker() == null ? "" : " + " + c.reranker()), strategyColors.size());
    }
  }

  private String sysColor(CellMetrics c) {
    return Svg.color(strategyColors.getOrDefault(Analysis.sys(c), 0));
  }

  private boolean hasJoint() {
    return run.cells().stream().anyMatch(c -> isJoint(c.strategy()));
  }

  static boolean isJoint(String strategy) {
    return strategy.toLowerCase(Locale.ROOT).contains("joint");
  }

  private boolean hasKorean() {
    return run.queries().values().stream().flatMap(List::stream).anyMatch(q -> "ko".equals(q.language()))
        || run.cells().stream().anyMatch(c -> c.querySet().endsWith("-ko"));
  }

  private String notes(boolean joint, boolean korean) {
    StringBuilder b = new StringBuilder();
    if (joint && hasJoint()) {
      b.append("<div class=\"note\"><b>† Joint model.</b> ").append(esc(JOINT_NOTE)).append("</div>");
    }
    if (korean && hasKorean() && run.koreanIsGlossaryDerived()) {
      b.append("<div class=\"note\"><b>Korean.</b> ").append(esc(KOREAN_NOTE)).append("</div>");
    }
    return b.toString();
  }

  String render() {
    StringBuilder body = new StringBuilder();
    body.append(header());
    body.append("<main>");
    body.append(provenance());
    body.append(overview());
    if (other != null) {
      body.append(comparison());
    }
    body.append(charts());
    if (run.hasReranker()) {
      body.append(rerank());
    }
    body.append(significance());
    body.append(latency());
    body.append(drilldown());
    body.append("<footer id=\"budget\">@@BUDGET@@</footer>");
    body.append("</main>");

    String script = resource("report.js");
    String scriptHash = Base64.getEncoder().encodeToString(Hashing.sha256().digest(script.getBytes(StandardCharsets.UTF_8)));
    String title = "LensBench report — " + datasetName() + " — " + run.dir().getFileName()
        + (other != null ? " vs " + other.dir().getFileName() : "");
    StringBuilder page = new StringBuilder(body.length() + 100_000);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
        .append("style-src 'unsafe-inline'; script-src 'sha256-").append(scriptHash).append("'; base-uri 'none'; form-action 'none'\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\">")
        .append("<title>").append(esc(title)).append("</title>")
        .append("<style>").append(resource("report.css")).append(thumbs.css()).append("</style></head><body>");
    page.append(body);
    page.append("<script type=\"application/json\" id=\"report-data\">").append(Html.jsonForScript(dataJson())).append("</script>");
    page.append("<script>").append(script).append("</script></body></html>\n");
    return page.toString();
  }

  /** The default report aims to stay under this many bytes (about 3 MB); the footer says when a run exceeds it. */
  static final long SIZE_BUDGET_BYTES = 3_000_000L;

  String budgetFooter(long htmlBytes) {
    String over = htmlBytes > SIZE_BUDGET_BYTES
        ? String.format(Locale.ROOT, " Over the %,d-byte budget: lower --max-drilldown to shrink it.", SIZE_BUDGET_BYTES)
        : String.format(Locale.ROOT, " Budget: %,d bytes.", SIZE_BUDGET_BYTES);
    return esc(String.format(Locale.ROOT,
        "Size budget: drill-down limited to %d queries per query set (--max-drilldown), top %d results per cell, "
            + "%d px JPEG thumbnails cached per image hash — %d thumbnails, %,d bytes of images; this file ≈ %,d bytes. "
            + "Self-contained: no network requests (Content-Security-Policy default-src 'none').",
        options.maxDrilldown(), options.topK(), options.thumbPx(), thumbs.count(), thumbs.totalBytes(), htmlBytes) + over);
  }

  private String dataJson() {
    ObjectNode root = json.createObjectNode();
    root.put("run", String.valueOf(run.dir().getFileName()));
    ArrayNode cells = root.putArray("cells");
    for (CellMetrics c : run.cells()) {
      ObjectNode o = cells.addObject();
      o.put("cell", c.cell());
      o.put("querySet", c.querySet());
      o.put("strategy", c.strategy());
      o.put("store", c.store());
      o.put("reranker", c.reranker());
      ObjectNode s = o.putObject("summary");
      c.summary().forEach((k, v) -> s.put(k, v.mean()));
    }
    try {
      return json.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/lensbench/reports/" + name + " in the reports jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- header and provenance

  private String datasetName() {
    String n = run.card().path("name").asText("");
    if (n.isEmpty()) {
      n = run.provenance().path("dataset").path("name").asText("");
    }
    if (n.isEmpty() && !run.cells().isEmpty()) {
      n = run.cells().get(0).dataset();
    }
    return n;
  }

  private boolean synthetic(RunData r) {
    return r.card().path("synthetic").asBoolean(false) || r.provenance().path("synthetic").asBoolean(false);
  }

  private String header() {
    StringBuilder b = new StringBuilder("<header class=\"top\"><h1>LensBench report · ").append(esc(datasetName()));
    if (synthetic(run)) {
      b.append("<span class=\"badge\">synthetic fixture</span>");
    }
    b.append("</h1><div class=\"sub\">run <span class=\"mono\">").append(esc(String.valueOf(run.dir().getFileName())))
        .append("</span>");
    if (other != null) {
      b.append(" compared with <span class=\"mono\">").append(esc(String.valueOf(other.dir().getFileName()))).append("</span>");
    }
    b.append(" · ").append(run.cells().size()).append(" cells · ").append(analysis.querySets().size()).append(" query sets</div></header>");
    b.append("<nav><a href=\"#provenance\">Provenance</a><a href=\"#overview\">Overview</a>");
    if (other != null) {
      b.append("<a href=\"#comparison\">Comparison</a>");
    }
    b.append("<a href=\"#charts\">Charts</a>");
    if (run.hasReranker()) {
      b.append("<a href=\"#rerank\">Rerank</a>");
    }
    b.append("<a href=\"#significance\">Significance</a><a href=\"#latency\">Latency</a><a href=\"#drilldown\">Drill-down</a></nav>");
    return b.toString();
  }

  /** Flattens JSON into path → scalar, e.g. models[0].id → minilm. */
  static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    if (n == null || n.isMissingNode()) {
      return;
    }
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(prefix + "[" + i + "]", n.get(i), out);
      }
    } else {
      out.put(prefix, n.isNull() ? "null" : n.asText());
    }
  }

  private static String chipFor(Map<String, String> flat, String label, String... keyParts) {
    for (Map.Entry<String, String> e : flat.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      for (String part : keyParts) {
        if (k.endsWith(part.toLowerCase(Locale.ROOT))) {
          String v = e.getValue();
          return "<span class=\"chip\"><b>" + esc(label) + "</b><span class=\"mono\">" + esc(Svg.shorten(v, 48)) + "</span></span>";
        }
      }
    }
    return "";
  }

  private String provenanceOf(RunData r) {
    Map<String, String> prov = new LinkedHashMap<>();
    flatten("", r.provenance(), prov);
    StringBuilder b = new StringBuilder("<div class=\"chips\">");
    b.append(chipFor(prov, "commit", "git.commit", "commit", "gitcommit"));
    b.append(chipFor(prov, "dirty", "git.dirty", "dirty"));
    b.append(chipFor(prov, "JDK", "jdk", "java.version", "javaversion", "jdk.version"));
    b.append(chipFor(prov, "dataset checksum", "dataset.checksum", "checksum"));
    b.append(chipFor(prov, "config hash", "confighash", "config.hash"));
    b.append(experimentChip(r));
    b.append(chipFor(prov, "started", "started", "startedat"));
    b.append("</div>");
    // arrays of objects (models, stores, ...) and maps of objects become small tables
    StringBuilder blocks = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = r.provenance().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("models") && e.getValue().isArray()) {
        blocks.append("<div class=\"wide\"><h3>models</h3>").append(modelCards(e.getValue())).append("</div>");
        continue;
      }
      String tbl = objectTable(e.getValue());
      if (tbl != null) {
        blocks.append("<div><h3>").append(esc(e.getKey())).append("</h3>").append(tbl).append("</div>");
      }
    }
    if (blocks.length() > 0) {
      b.append("<div class=\"grid2\">").append(blocks).append("</div>");
    }
    b.append("<details><summary>All provenance fields (provenance.json, ").append(prov.size()).append(")</summary>")
        .append(kv(prov)).append("</details>");
    Map<String, String> card = new LinkedHashMap<>();
    flatten("", r.card(), card);
    b.append("<details><summary>Dataset card (dataset-card.json, ").append(card.size()).append(" fields)</summary>")
        .append(kv(card)).append("</details>");
    b.append("<details><summary>Resolved experiment (experiment.resolved.json)</summary><pre>")
        .append(esc(r.experiment().isMissingNode() ? "(missing)" : r.experiment().toPrettyString())).append("</pre></details>");
    return b.toString();
  }

  /** The experiment file name when the run came from one, else the experiment name; plus a short config hash. */
  static String experimentChip(RunData r) {
    JsonNode p = r.provenance();
    String file = text(p.path("experimentFile"));
    if (file.isEmpty()) {
      file = text(p.path("experiment").path("file"));
    }
    String name = text(p.path("experimentName"));
    if (name.isEmpty()) {
      name = text(r.experiment().path("name"));
    }
    String hash = text(p.path("configHash"));
    String shown = !file.isEmpty() ? file : (!name.isEmpty() ? name + " (built-in, no experiment file)" : "(unnamed)");
    String title = "experiment: " + shown + (hash.isEmpty() ? "" : " · resolved config sha-256 " + hash)
        + " · full text: experiment.resolved.json below";
    return "<span class=\"chip\" title=\"" + esc(title) + "\"><b>experiment</b><span class=\"mono\">" + esc(Svg.shorten(shown, 64))
        + (hash.isEmpty() ? "" : " · " + esc(hash.substring(0, Math.min(12, hash.length())))) + "</span></span>";
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? "" : n.asText("");
  }

  private static final List<String> CARD_KEYS = List.of("kind", "dimension", "architecture", "engine", "textEncoder",
      "imageSize", "folder", "trainedAt", "paramsSha256");

  /** Model cards as compact key/value cards: headline fields, held-out metrics, limitations highlighted, raw JSON collapsed. */
  static String modelCards(JsonNode models) {
    StringBuilder b = new StringBuilder("<div class=\"mcards\">");
    for (JsonNode m : models) {
      JsonNode card = m.path("card").isObject() || m.path("card").isTextual() ? m.path("card") : m;
      String id = text(m.path("id"));
      String cid = text(card.path("id"));
      boolean big = card.path("heldOut").isObject() || !text(card.path("limitations")).isEmpty();
      b.append("<div class=\"mcard").append(big ? " big" : "").append("\"><div class=\"mhead\"><b class=\"mono\">").append(esc(id.isEmpty() ? cid : id)).append("</b>");
      if (!card.path("kind").isMissingNode()) {
        b.append(" <span class=\"pill\">").append(esc(text(card.path("kind")))).append("</span>");
      }
      b.append("</div><dl class=\"mkv\">");
      if (!cid.isEmpty() && !cid.equals(id)) {
        b.append("<dt>card id</dt><dd class=\"mono\" title=\"").append(esc(cid)).append("\">").append(esc(Svg.shorten(cid, 56))).append("</dd>");
      }
      for (String k : CARD_KEYS) {
        if (k.equals("kind")) {
          continue;
        }
        String v = text(card.path(k));
        if (!v.isEmpty() && card.path(k).isValueNode()) {
          b.append("<dt>").append(esc(k)).append("</dt><dd class=\"mono\" title=\"").append(esc(v)).append("\">")
              .append(esc(Svg.shorten(v, 56))).append("</dd>");
        }
      }
      if (card.isTextual()) {
        b.append("<dt>card</dt><dd>").append(esc(card.asText())).append("</dd>");
      }
      b.append("</dl>");
      JsonNode held = card.path("heldOut");
      if (held.isObject() && held.size() > 0) {
        b.append("<div class=\"mheld\"><b>held-out</b> ");
        Iterator<Map.Entry<String, JsonNode>> it = held.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isNumber()) {
            continue;
          }
          double v = e.getValue().asDouble();
          String f = e.getValue().isIntegralNumber() ? String.valueOf(e.getValue().asLong())
              : String.format(Locale.ROOT, "%.3f", v);
          b.append("<span class=\"chip").append(e.getKey().startsWith("chance") ? " dim" : "").append("\"><b>")
              .append(esc(e.getKey())).append("</b><span class=\"mono\">").append(esc(f)).append("</span></span>");
        }
        String def = text(held.path("definition"));
        if (!def.isEmpty()) {
          b.append("<div class=\"muted small\">").append(esc(def)).append("</div>");
        }
        b.append("</div>");
      }
      String lim = text(card.path("limitations"));
      if (!lim.isEmpty()) {
        b.append("<div class=\"note warn small\"><b>Limitations.</b> ").append(esc(lim)).append("</div>");
      }
      b.append("<details><summary>full card JSON</summary><pre>").append(esc(card.toPrettyString())).append("</pre></details></div>");
    }
    return b.append("</div>").toString();
  }

  /** A table for an array of objects or an object of objects; null for anything else. */
  static String objectTable(JsonNode n) {
    List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
    boolean named = false;
    if (n.isArray() && n.size() > 0) {
      for (JsonNode x : n) {
        if (!x.isObject()) {
          return null;
        }
        rows.add(Map.entry("", x));
      }
    } else if (n.isObject() && n.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isObject()) {
          return null;
        }
        rows.add(e);
      }
      named = true;
    } else {
      return null;
    }
    Set<String> cols = new LinkedHashSet<>();
    rows.forEach(e -> e.getValue().fieldNames().forEachRemaining(cols::add));
    StringBuilder b = new StringBuilder("<table class=\"data mini\"><thead><tr>");
    if (named) {
      b.append("<th>name</th>");
    }
    cols.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (Map.Entry<String, JsonNode> e : rows) {
      b.append("<tr>");
      if (named) {
        b.append("<td class=\"mono\">").append(esc(e.getKey())).append("</td>");
      }
      for (String c : cols) {
        JsonNode v = e.getValue().get(c);
        b.append("<td class=\"mono\">").append(v == null || v.isNull() ? "" : esc(v.isValueNode() ? v.asText() : v.toString()))
            .append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String kv(Map<String, String> m) {
    if (m.isEmpty()) {
      return "<p class=\"muted\">(not recorded)</p>";
    }
    StringBuilder b = new StringBuilder("<dl class=\"kv\">");
    m.forEach((k, v) -> b.append("<dt>").append(esc(k)).append("</dt><dd class=\"mono\">").append(esc(v)).append("</dd>"));
    return b.append("</dl>").toString();
  }

  private String provenance() {
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"provenance\"><h2>Provenance</h2>");
    b.append("<p class=\"lead\">What produced these numbers: from provenance.json, dataset-card.json and experiment.resolved.json.</p>");
    if (synthetic(run)) {
      b.append("<div class=\"note info\">This run is a <b>synthetic fixture</b> (dataset card says synthetic): rankings are generated, not produced by a model.</div>");
    }
    if (other == null) {
      b.append(provenanceOf(run));
    } else {
      b.append("<div class=\"grid2\"><div><h3>Run A · ").append(esc(String.valueOf(run.dir().getFileName()))).append("</h3>")
          .append(provenanceOf(run)).append("</div><div><h3>Run B · ").append(esc(String.valueOf(other.dir().getFileName())))
          .append("</h3>").append(provenanceOf(other)).append("</div></div>");
    }
    return b.append("</section>").toString();
  }

  // ---------------------------------------------------------------- overview

  private String metricCell(Stat s, String cls) {
    if (s == null || Double.isNaN(s.mean())) {
      return "<td class=\"num metric\" data-v=\"\">–</td>";
    }
    StringBuilder b = new StringBuilder("<td class=\"num metric ").append(cls).append("\" data-v=\"")
        .append(num(s.mean(), 6)).append("\"><span class=\"v\">").append(num(s.mean(), 3)).append("</span>");
    if (s.hasCi()) {
      double lo = Math.max(0, Math.min(1, s.ciLow()));
      double hi = Math.max(0, Math.min(1, s.ciHigh()));
      double m = Math.max(0, Math.min(1, s.mean()));
      b.append("<span class=\"ci\" title=\"95% CI ").append(num(s.ciLow(), 3)).append("–").append(num(s.ciHigh(), 3))
          .append("\"><i style=\"left:").append(num(lo * 100, 1)).append("%;width:").append(num(Math.max(0.5, (hi - lo) * 100), 1))
          .append("%\"></i><b style=\"left:").append(num(m * 100, 1)).append("%\"></b></span><span class=\"cit\">")
          .append(num(s.ciLow(), 3)).append("–").append(num(s.ciHigh(), 3)).append("</span>");
    }
    return b.append("</td>").toString();
  }

  private String overview() {
    ReportTable t = analysis.overview();
    tables.add(t);
    List<String> ms = analysis.overviewMetrics();
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"overview\"><h2>Overview</h2>");
    b.append("<p class=\"lead\">Mean over queries with the 95 % bootstrap interval (bar: interval, tick: mean). ")
        .append("★ best in its query set; green tint: interval overlaps the best one's, so not clearly worse (a visual check — ")
        .append("see the significance table for paired tests). <b>Success@k is what CLIP papers call R@K</b>; Recall@k is ")
        .append("the share of all relevant items found in the top k. MRR is trec_eval's recip_rank over the whole list.</p>");
    b.append(notes(true, true));
    List<String> qsNames = new ArrayList<>(new java.util.LinkedHashSet<>(run.cells().stream().map(CellMetrics::querySet).toList()));
    List<String> storeNames = new ArrayList<>(new java.util.TreeSet<>(run.cells().stream().map(CellMetrics::store).toList()));
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows (e.g. milvus text-en)\" ")
        .append("data-target=\"t-overview\">")
        .append(facet("query set", 0, qsNames, ""))
        .append(facet("store", 2, storeNames, ""))
        .append("<span class=\"count\"></span></div>");
    b.append("<table class=\"data\" id=\"t-overview\"><thead><tr><th>query set</th><th>strategy</th><th>store</th><th>reranker</th><th class=\"num\">queries</th>");
    for (String m : ms) {
      b.append("<th class=\"num\">").append(esc(Analysis.display(m))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    Map<String, List<CellMetrics>> byQs = new LinkedHashMap<>();
    run.cells().forEach(c -> byQs.computeIfAbsent(c.querySet(), k -> new ArrayList<>()).add(c));
    byQs.forEach((qs, cells) -> {
      b.append("<tr class=\"qsgroup\"><td colspan=\"").append(5 + ms.size()).append("\">").append(esc(qs)).append("</td></tr>");
      Map<String, Stat> best = new HashMap<>();
      for (String m : ms) {
        for (CellMetrics c : cells) {
          Stat s = c.summary().get(m);
          if (s != null && !Double.isNaN(s.mean()) && (best.get(m) == null || s.mean() > best.get(m).mean())) {
            best.put(m, s);
          }
        }
      }
      for (CellMetrics c : cells) {
        b.append("<tr><td>").append(esc(c.querySet())).append("</td><td>")
            .append("<i style=\"display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;background:")
            .append(sysColor(c)).append("\"></i>").append(esc(c.strategy())).append(isJoint(c.strategy()) ? " †" : "")
            .append("</td><td>").append(esc(c.store())).append("</td><td>").append(esc(c.reranker() == null ? "" : c.reranker()))
            .append("</td><td class=\"num\" data-v=\"").append(c.numQueries()).append("\">").append(c.numQueries()).append("</td>");
        for (String m : ms) {
          Stat s = c.summary().get(m);
          Stat bst = best.get(m);
          String cls = "";
          if (s != null && bst != null && !Double.isNaN(s.mean())) {
            if (s.mean() == bst.mean()) {
              cls = "best";
            } else if (s.hasCi() && bst.hasCi() && s.ciHigh() >= bst.ciLow()) {
              cls = "tie";
            }
          }
          b.append(metricCell(s, cls));
        }
        b.append("</tr>");
      }
    });
    b.append("</tbody></table></section>");
    return b.toString();
  }

  // ---------------------------------------------------------------- comparison

  private String comparison() {
    List<String> ms = analysis.overviewMetrics();
    ReportTable t = Analysis.compare(run, other, ms, options);
    tables.add(t);
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"comparison\"><h2>Comparison: run B − run A</h2>");
    b.append("<p class=\"lead\">A = <span class=\"mono\">").append(esc(String.valueOf(run.dir().getFileName())))
        .append("</span>, B = <span class=\"mono\">").append(esc(String.valueOf(other.dir().getFileName())))
        .append("</span>. Cells matched by id; per-query values paired by query id. ").append(esc(t.title())).append(".</p>");
    Set<String> onlyA = new LinkedHashSet<>();
    run.cells().forEach(c -> onlyA.add(c.cell()));
    Set<String> onlyB = new LinkedHashSet<>();
    other.cells().forEach(c -> onlyB.add(c.cell()));
    Set<String> common = new LinkedHashSet<>(onlyA);
    common.retainAll(onlyB);
    onlyA.removeAll(common);
    onlyB.removeAll(common);
    if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
      b.append("<div class=\"note info\">Only in A: ").append(esc(String.join(", ", onlyA).isEmpty() ? "none" : String.join(", ", onlyA)))
          .append(". Only in B: ").append(esc(String.join(", ", onlyB).isEmpty() ? "none" : String.join(", ", onlyB))).append(".</div>");
    }
    b.append(deltaMatrix(t));
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter (cell, metric, yes)\" data-target=\"t-compare\"><span class=\"count\"></span></div>");
    b.append("<table class=\"data\" id=\"t-compare\"><thead><tr><th>cell</th><th>metric</th><th class=\"num\">A</th><th class=\"num\">B</th>")
        .append("<th class=\"num\">Δ B−A</th><th class=\"num\">paired q</th><th class=\"num\">p</th><th class=\"num\">p (Holm)</th><th>significant</th></tr></thead><tbody>");
    for (List<Object> r : t.rows()) {
      double d = (Double) r.get(4);
      boolean sig = "yes".equals(r.get(8));
      b.append("<tr><td class=\"mono\">").append(esc((String) r.get(0))).append("</td><td>").append(esc(Analysis.display((String) r.get(1))))
          .append("</td>").append(numTd((Double) r.get(2), 3)).append(numTd((Double) r.get(3), 3))
          .append("<td class=\"num ").append(sig ? (d > 0 ? "pos" : d < 0 ? "neg" : "") : "").append("\" data-v=\"").append(num(d, 6)).append("\">")
          .append(Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%+.3f", d)).append("</td>")
          .append("<td class=\"num\" data-v=\"").append(r.get(5)).append("\">").append(r.get(5)).append("</td>")
          .append(numTd((Double) r.get(6), 4)).append(numTd((Double) r.get(7), 4))
          .append("<td class=\"").append(sig ? "sig-yes" : "sig-no").append("\">").append(sig ? "yes" : "no").append("</td></tr>");
    }
    return b.append("</tbody></table></section>").toString();
  }

  /** Systems × query sets; each cell A → B with Δ, coloured by sign and size, * when Holm-significant. */
  private String deltaMatrix(ReportTable t) {
    Map<String, List<Object>> byCell = new HashMap<>();
    for (List<Object> r : t.rows()) {
      if (r.get(1).equals(options.primaryMetric())) {
        byCell.put((String) r.get(0), r);
      }
    }
    if (byCell.isEmpty()) {
      return "";
    }
    List<String> qsets = analysis.querySets();
    Set<String> systems = new LinkedHashSet<>();
    run.cells().forEach(c -> systems.add(c.store() + "\u0000" + Analysis.sys(c)));
    StringBuilder b = new StringBuilder("<h3>").append(esc(Analysis.display(options.primaryMetric())))
        .append(": run A → run B, Δ (* = Holm-significant)</h3><div class=\"wrap\"><table class=\"data delta\"><thead><tr><th>store</th><th>system</th>");
    qsets.forEach(q -> b.append("<th>").append(esc(q)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String sysKey : systems) {
      String[] p = sysKey.split("\u0000", 2);
      b.append("<tr><td style=\"text-align:left\">").append(esc(p[0])).append("</td><td style=\"text-align:left\">").append(esc(p[1]))
          .append("</td>");
      for (String qs : qsets) {
        CellMetrics c = run.cells().stream()
            .filter(x -> x.querySet().equals(qs) && x.store().equals(p[0]) && Analysis.sys(x).equals(p[1])).findFirst().orElse(null);
        List<Object> r = c == null ? null : byCell.get(c.cell());
        if (r == null) {
          b.append("<td class=\"muted\">–</td>");
          continue;
        }
        double d = (Double) r.get(4);
        boolean sig = "yes".equals(r.get(8));
        double a = Math.min(1, Math.abs(d) / 0.1);
        String bg = Double.isNaN(d) || d == 0 ? "transparent" : String.format(Locale.ROOT, d > 0 ? "rgba(47,143,78,%.2f)" : "rgba(200,69,59,%.2f)", 0.08 + 0.4 * a);
        b.append("<td class=\"").append(sig ? "sig" : "").append("\" data-v=\"").append(num(d, 6)).append("\" style=\"background:")
            .append(bg).append("\"><span class=\"d\">").append(Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%+.3f", d))
            .append("</span><span class=\"ab\">").append(num((Double) r.get(2), 3)).append(" → ").append(num((Double) r.get(3), 3))
            .append("</span></td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  private static String numTd(double v, int digits) {
    return "<td class=\"num\" data-v=\"" + (Double.isNaN(v) ? "" : num(v, 6)) + "\">" + num(v, digits) + "</td>";
  }

  // ---------------------------------------------------------------- charts

  private String legend(List<CellMetrics> cells, boolean storesDashed) {
    StringBuilder b = new StringBuilder("<div class=\"legend\">");
    Set<String> seen = new LinkedHashSet<>();
    for (CellMetrics c : cells) {
      if (seen.add(Analysis.sys(c))) {
        b.append("<span><i style=\"background:").append(sysColor(c)).append("\"></i>").append(esc(Analysis.sys(c)))
            .append(isJoint(c.strategy()) ? " †" : "").append("</span>");
      }
    }
    if (storesDashed) {
      List<String> stores = stores();
      for (int i = 0; i < stores.size(); i++) {
        b.append("<span><i ").append(i == 0 ? "" : "class=\"dash\" ").append("style=\"--c:#5f6b7a;background:#5f6b7a\"></i>store ")
            .append(esc(stores.get(i))).append("</span>");
      }
    }
    return b.append("</div>").toString();
  }

  private List<String> stores() {
    Set<String> s = new LinkedHashSet<>();
    run.cells().forEach(c -> s.add(c.store()));
    return List.copyOf(s);
  }

  private String curves(String family, String title) {
    List<Integer> ks = analysis.cutoffs(family);
    if (ks.size() < 2) {
      return "";
    }
    List<String> xl = ks.stream().map(k -> "k=" + k).toList();
    List<String> stores = stores();
    StringBuilder b = new StringBuilder("<div class=\"charts\">");
    for (String qs : analysis.querySets()) {
      List<Svg.Series> series = new ArrayList<>();
      for (CellMetrics c : run.cells()) {
        if (!c.querySet().equals(qs)) {
          continue;
        }
        double[] ys = ks.stream().mapToDouble(k -> c.mean(family + "_at_" + k)).toArray();
        series.add(new Svg.Series(c.label(), sysColor(c), stores.indexOf(c.store()) > 0, ys));
      }
      b.append(Svg.lines(title + " · " + qs, xl, series, family + "@k"));
    }
    return b.append("</div>").toString();
  }

  private String charts() {
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"charts\"><h2>Charts</h2>");
    b.append("<p class=\"lead\">Hover a point or bar for its value. Colour = strategy; dashed line = second store.</p>");
    b.append(legend(run.cells(), stores().size() > 1));
    b.append(notes(true, false));
    b.append("<h3>Recall@k curves</h3>").append(curves("recall", "Recall@k"));
    b.append("<h3>Success@k curves <span class=\"muted\">(= R@K in CLIP papers)</span></h3>").append(curves("success", "Success@k"));

    ReportTable slices = analysis.slices(options.primaryMetric());
    tables.add(slices);
    if (!slices.isEmpty()) {
      b.append("<h3>Per slice: ").append(esc(Analysis.display(options.primaryMetric()))).append("</h3>");
      b.append(notes(false, true));
      b.append("<div class=\"charts\">");
      for (String store : stores()) {
        List<String> cats = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        for (List<Object> r : slices.rows()) {
          if (r.get(0).equals(store)) {
            if (!cats.contains((String) r.get(2))) {
              cats.add((String) r.get(2));
            }
            if (!systems.contains((String) r.get(1))) {
              systems.add((String) r.get(1));
            }
          }
        }
        cats.sort(HtmlReport::sliceOrder);
        List<Svg.Series> series = new ArrayList<>();
        for (String sys : systems) {
          double[] v = new double[cats.size()];
          java.util.Arrays.fill(v, Double.NaN);
          for (List<Object> r : slices.rows()) {
            if (r.get(0).equals(store) && r.get(1).equals(sys)) {
              v[cats.indexOf((String) r.get(2))] = (Double) r.get(4);
            }
          }
          series.add(new Svg.Series(sys, Svg.color(strategyColors.getOrDefault(sys, 0)), false, v));
        }
        b.append(Svg.groupedBars(Analysis.display(options.primaryMetric()) + " per slice · store " + store, cats, series,
            "mean " + Analysis.display(options.primaryMetric())));
      }
      b.append("</div>");
    }

    b.append(qualityVsLatency());

    ReportTable parity = analysis.parity();
    tables.add(parity);
    b.append("<h3>Store parity</h3>");
    if (parity.isEmpty()) {
      b.append("<p class=\"muted\">No parity.json in this run (it needs the same strategy on two stores).</p>");
    } else {
      List<String> labels = new ArrayList<>();
      double[] v = new double[parity.rows().size()];
      String[] cols = new String[v.length];
      Set<String> pairKinds = new LinkedHashSet<>();
      parity.rows().forEach(r -> pairKinds.add(r.get(2) + " vs " + r.get(3) + ", k=" + r.get(4)));
      boolean uniform = pairKinds.size() == 1;
      for (int i = 0; i < v.length; i++) {
        List<Object> r = parity.rows().get(i);
        labels.add(r.get(0) + " · " + r.get(1) + (uniform ? "" : " (" + r.get(2) + " vs " + r.get(3) + ", k=" + r.get(4) + ")"));
        v[i] = (Double) r.get(5);
        cols[i] = v[i] >= 0.9 ? "#59a14f" : v[i] >= 0.7 ? "#edc948" : "#e15759";
      }
      String parityTitle = "Store parity: overlap@k" + (uniform ? " (" + pairKinds.iterator().next() + ")" : "");
      b.append("<p class=\"lead\">Mean overlap of the two stores' top-k lists for the same strategy and queries ")
          .append("(1.0 = identical sets). Green ≥ 0.9, yellow ≥ 0.7, red below.</p>");
      if (uniform && v.length > 16) {
        b.append(parityMatrix(parity, parityTitle));
      } else {
        b.append("<div class=\"charts\">").append(Svg.hbars(parityTitle, labels, v, cols, "%.3f")).append("</div>");
      }
    }
    return b.append("</section>").toString();
  }

  /** Strategy × query set matrix of overlap@k, cells coloured like the bars; compact for many strategies and slices. */
  private String parityMatrix(ReportTable parity, String title) {
    List<String> strategies = parity.rows().stream().map(r -> String.valueOf(r.get(0))).distinct().toList();
    List<String> qsets = parity.rows().stream().map(r -> String.valueOf(r.get(1))).distinct().sorted(HtmlReport::sliceOrder).toList();
    Map<String, Double> v = new HashMap<>();
    parity.rows().forEach(r -> v.put(r.get(0) + "\u0000" + r.get(1), (Double) r.get(5)));
    StringBuilder b = new StringBuilder("<div class=\"wrap\"><table class=\"data parity\" id=\"t-parity\"><caption>")
        .append(esc(title)).append("</caption><thead><tr><th>strategy</th>");
    qsets.forEach(q -> b.append("<th class=\"num\">").append(esc(q)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (String st : strategies) {
      b.append("<tr><td>").append(esc(st)).append("</td>");
      for (String q : qsets) {
        Double x = v.get(st + "\u0000" + q);
        if (x == null || x.isNaN()) {
          b.append("<td class=\"num\">–</td>");
        } else {
          String cls = x >= 0.9 ? "pgood" : x >= 0.7 ? "pmid" : "pbad";
          b.append("<td class=\"num ").append(cls).append("\" data-v=\"").append(x).append("\">")
              .append(String.format(Locale.ROOT, "%.3f", x)).append("</td>");
        }
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  static int sliceOrder(String a, String b) {
    int ia = Analysis.sliceRank(a);
    int ib = Analysis.sliceRank(b);
    return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
  }

  private String qualityVsLatency() {
    StringBuilder b = new StringBuilder("<h3>Quality vs p99 latency</h3>");
    List<Svg.Point> pts = new ArrayList<>();
    List<Analysis.JmhResult> jmh = analysis.jmh();
    List<BenchData.Lat> harness1 = bench.latency().stream().filter(l -> l.harness() && l.threads() == 1).toList();
    String source;
    if (!harness1.isEmpty()) {
      if (!jmh.isEmpty()) {
        tables.add(analysis.jmhTable()); // every JMH row stays in tables/jmh.csv
      }
      source = bench.source() + ": SearchBenchmark.harness p99 at 1 thread per strategy × store (encoding excluded); "
          + "quality = mean " + Analysis.display(options.primaryMetric()) + " over that strategy × store's query sets";
      for (BenchData.Lat l : harness1) {
        double q = analysis.qualityFor(Map.of("strategy", l.strategy(), "store", l.store()));
        if (!Double.isNaN(q) && !Double.isNaN(l.p99Ms()) && l.p99Ms() > 0) {
          Integer ci = strategyColors.get(l.strategy());
          pts.add(new Svg.Point(l.strategy() + " · " + l.store() + (l.k().isEmpty() ? "" : " · k=" + l.k()), l.p99Ms(), q,
              Svg.color(ci == null ? 0 : ci), stores().indexOf(l.store()) > 0));
        }
      }
    } else if (!jmh.isEmpty()) {
      ReportTable jt = analysis.jmhTable();
      tables.add(jt);
      source = "JMH (bench/jmh.json, SampleTime p99 per operation)";
      for (Analysis.JmhResult r : jmh) {
        double q = analysis.qualityFor(r.params());
        if (!Double.isNaN(q) && !Double.isNaN(r.p99Ms()) && r.p99Ms() > 0) {
          String strat = r.params().getOrDefault("strategy", "?");
          String rr = r.params().get("reranker");
          Integer ci = strategyColors.get(rr == null || rr.equals("none") ? strat : strat + " + " + rr);
          StringBuilder extra = new StringBuilder();
          r.params().forEach((k, v) -> {
            if (!List.of("strategy", "store", "reranker", "querySet", "k").contains(k)) {
              extra.append(" · ").append(k).append('=').append(v);
            }
          });
          String bench = r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
          pts.add(new Svg.Point(bench + " · " + strat + " · " + r.params().getOrDefault("store", "?")
              + (rr == null || rr.equals("none") ? "" : " · " + rr) + extra
              + (r.params().containsKey("querySet") ? " · " + r.params().get("querySet") : ""), r.p99Ms(), q,
              Svg.color(ci == null ? 0 : ci), stores().indexOf(r.params().getOrDefault("store", "")) > 0));
        }
      }
    } else {
      source = "run-time records (timingMs.total per query; no bench/jmh.json in this run — run `lensbench bench` for JMH numbers)";
      ReportTable lat = analysis.latency();
      Map<String, Double> p99 = new HashMap<>();
      lat.rows().forEach(r -> p99.put((String) r.get(0), (Double) r.get(4)));
      for (CellMetrics c : run.cells()) {
        Double p = p99.get(c.cell());
        double q = c.mean(options.primaryMetric());
        if (p != null && p > 0 && !Double.isNaN(q)) {
          pts.add(new Svg.Point(c.label() + " · " + c.querySet(), p, q, sysColor(c), stores().indexOf(c.store()) > 0));
        }
      }
    }
    if (pts.isEmpty()) {
      return b.append("<p class=\"muted\">No latency data (neither bench/jmh.json nor timingMs in records).</p>").toString();
    }
    b.append("<p class=\"lead\">Up and to the left is better. Source: ").append(esc(source))
        .append(". Hollow markers: second store.</p>");
    b.append("<div class=\"charts\">").append(Svg.scatter(Analysis.display(options.primaryMetric()) + " vs p99 latency", pts,
        "p99 latency (ms)", Analysis.display(options.primaryMetric()))).append("</div>");
    return b.toString();
  }

  // ---------------------------------------------------------------- rerank, significance, latency tables

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

  /** Decimals by column kind: milliseconds 1–2, rates 0–1, ratios 3, anything else as before (4, or 1 from 100 up). */
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

  private String genericTable(ReportTable t, String id, java.util.function.Function<String, String> header) {
    return genericTable(t, id, header, "");
  }

  private String genericTable(ReportTable t, String id, java.util.function.Function<String, String> header, String facets) {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows\" data-target=\"")
        .append(id).append("\">").append(facets).append("<span class=\"count\"></span></div>");
    b.append("<div class=\"wrap\"><table class=\"data\" id=\"").append(id).append("\"><thead><tr>");
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      final int col = i;
      boolean isNum = !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.get(col) == null || r.get(col) instanceof Number);
      numeric.add(isNum);
      b.append("<th").append(isNum ? " class=\"num\"" : "").append(">").append(esc(header.apply(t.columns().get(i)))).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<Object> r : t.rows()) {
      b.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        if (v instanceof Double d) {
          b.append(numTd(d, digits(t.columns().get(i), d)));
        } else if (v instanceof Number n) {
          b.append("<td class=\"num\" data-v=\"").append(n).append("\">").append(n).append("</td>");
        } else {
          String s = v == null ? "" : v.toString();
          String cls = "yes".equals(s) ? "sig-yes" : "no".equals(s) ? "sig-no" : "";
          b.append("<td class=\"").append(cls).append("\">").append(esc(s)).append("</td>");
        }
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  private String rerank() {
    ReportTable t = analysis.rerank();
    tables.add(t);
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"rerank\"><h2>Rerank</h2>");
    b.append("<p class=\"lead\">Before = the same strategy and store without the reranker; after = the reranked cell. ")
        .append("Fault counters summed over queries from records/&lt;cell&gt;.jsonl: <b>dropped</b> (first-stage ids the reranker left out), ")
        .append("<b>duplicated</b>, <b>invented</b> (ids not in the candidate list), malformed replies, timeouts; the policy says what ")
        .append("happened on failure (fail-open keeps the first-stage order).</p>");
    List<String> cols = t.columns();
    List<String> shown = new ArrayList<>();
    for (String m : List.of("success_at_1", "mrr", "ndcg_at_10")) {
      if (cols.contains(m + "_before")) {
        shown.add(m);
      }
    }
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter rows\" data-target=\"t-rerank\">")
        .append("<span class=\"count\"></span></div><div class=\"wrap\"><table class=\"data\" id=\"t-rerank\"><thead><tr>")
        .append("<th>query set</th><th>first stage</th><th>reranker</th><th>policy</th>");
    for (String m : shown) {
      b.append("<th class=\"num\">").append(esc(Analysis.display(m))).append(" before → after</th>");
    }
    b.append("<th class=\"num\">reordered</th><th class=\"num\">dropped</th><th class=\"num\">duplicated</th>")
        .append("<th class=\"num\">invented</th><th class=\"num\">malformed</th><th class=\"num\">timeouts</th>")
        .append("<th class=\"num\">HTTP errors</th><th class=\"num\">retries</th><th class=\"num\">tokens in / out</th>")
        .append("<th class=\"num\">mean rerank ms</th></tr></thead><tbody>");
    for (List<Object> r : t.rows()) {
      java.util.function.Function<String, Object> get = c -> r.get(cols.indexOf(c));
      b.append("<tr><td>").append(esc((String) get.apply("query_set"))).append("</td><td>")
          .append(esc(get.apply("strategy") + " · " + get.apply("store"))).append("</td><td>")
          .append(esc((String) get.apply("reranker"))).append("</td><td>").append(esc((String) get.apply("policy"))).append("</td>");
      for (String m : shown) {
        double before = (Double) get.apply(m + "_before");
        double after = (Double) get.apply(m + "_after");
        double d = after - before;
        b.append("<td class=\"num ba\" data-v=\"").append(Double.isNaN(d) ? "" : num(d, 6)).append("\">").append(num(before, 3))
            .append("<span class=\"arrow\">→</span>").append(num(after, 3)).append(" <span class=\"")
            .append(d > 0 ? "pos" : d < 0 ? "neg" : "muted").append("\">")
            .append(Double.isNaN(d) ? "" : String.format(Locale.ROOT, "(%+.3f)", d)).append("</span></td>");
      }
      b.append("<td class=\"num\" data-v=\"").append(get.apply("reordered")).append("\">").append(get.apply("reordered"))
          .append(" / ").append(get.apply("queries")).append("</td>");
      for (String c : List.of("dropped", "duplicated", "invented", "malformed", "timeouts", "http_errors", "retries")) {
        Object v = get.apply(c);
        boolean bad = v instanceof Number n && n.longValue() > 0;
        b.append("<td class=\"num").append(bad ? " neg" : "").append("\" data-v=\"").append(v).append("\">").append(v).append("</td>");
      }
      b.append("<td class=\"num\" data-v=\"").append(get.apply("prompt_tokens")).append("\">")
          .append(String.format(Locale.ROOT, "%,d / %,d", (Long) get.apply("prompt_tokens"), (Long) get.apply("completion_tokens")))
          .append("</td>").append(numTd((Double) get.apply("mean_rerank_ms"), 1)).append("</tr>");
    }
    b.append("</tbody></table></div>");
    return b.append("</section>").toString();
  }

  private String significance() {
    ReportTable t = analysis.significance(options.primaryMetric());
    tables.add(t);
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"significance\"><h2>Significance</h2>");
    b.append("<p class=\"lead\">").append(esc(t.title())).append(". Pairs share query set and store; delta = B − A. ")
        .append("Two-sided sign-flip test on per-query differences; p = (hits+1)/(permutations+1); significant when Holm p &lt; 0.05.</p>");
    if (t.isEmpty()) {
      b.append("<p class=\"muted\">Fewer than two systems share a query set and store.</p>");
    } else {
      int qc = t.columns().indexOf("query_set");
      int sc = t.columns().indexOf("store");
      List<String> qs = qc < 0 ? List.of() : t.rows().stream().map(r -> String.valueOf(r.get(qc))).distinct().toList();
      List<String> st = sc < 0 ? List.of() : t.rows().stream().map(r -> String.valueOf(r.get(sc))).distinct().sorted().toList();
      String facets = (qc < 0 ? "" : facet("query set", qc, qs, t.rows().size() > 60 && qs.size() > 1 ? qs.get(0) : ""))
          + (sc < 0 ? "" : facet("store", sc, st, ""));
      if (t.rows().size() > 60 && qs.size() > 1) {
        b.append("<p class=\"muted small\">").append(t.rows().size()).append(" pairs in all; showing one query set at a time — ")
            .append("pick another, or \"all\", in the selector.</p>");
      }
      b.append(genericTable(t, "t-significance", c -> c.replace('_', ' '), facets));
    }
    return b.append("</section>").toString();
  }

  /** JMH latency (harness vs raw), the concurrency sweep and indexing throughput from bench/summary.json or jmh.json. */
  private String benchSection() {
    if (bench.isEmpty()) {
      return "<p class=\"muted\">No benchmark data in this run (bench/summary.json, bench/jmh.json): run `lensbench bench` "
          + "for JMH latency, the concurrency sweep and indexing throughput.</p>";
    }
    StringBuilder b = new StringBuilder("<h3>Benchmarks (").append(esc(bench.source())).append(")</h3>");
    if (!bench.latency().isEmpty()) {
      ReportTable t = new ReportTable("bench_latency", "JMH SampleTime latency per operation (ms), " + bench.source(),
          List.of("benchmark", "strategy", "store", "k", "threads", "samples", "p50_ms", "p90_ms", "p99_ms", "p99_9_ms", "mean_ms",
              "quality_" + options.primaryMetric()));
      for (BenchData.Lat l : bench.latency()) {
        t.add(l.benchmark(), l.strategy(), l.store(), l.k(), (long) l.threads(), l.samples(), l.p50Ms(), l.p90Ms(), l.p99Ms(),
            l.p999Ms(), l.meanMs(), analysis.qualityFor(Map.of("strategy", l.strategy(), "store", l.store())));
      }
      tables.add(t);
      List<String> benches = t.rows().stream().map(r -> String.valueOf(r.get(0))).distinct().toList();
      List<String> th = t.rows().stream().map(r -> String.valueOf(r.get(4))).distinct().toList();
      String defBench = benches.stream().filter(x -> x.endsWith("SearchBenchmark.harness")).findFirst().orElse("");
      b.append("<p class=\"lead\">Per search, encoding excluded. SearchBenchmark.raw = the store calls alone; ")
          .append("SearchBenchmark.harness = LensBench's query path (store calls + tie ordering, cutting, client-side fusion). ")
          .append("p99.9 is blank under 1,000 samples.</p>");
      b.append(genericTable(t, "t-bench", c -> c.replace("p99_9", "p99.9").replace('_', ' '),
          facet("benchmark", 0, benches, defBench) + facet("threads", 4, th, th.contains("1") ? "1" : "")));
    }
    if (!bench.overhead().isEmpty()) {
      ReportTable t = new ReportTable("bench_overhead", "Harness overhead: SearchBenchmark.harness / SearchBenchmark.raw at 1 thread",
          List.of("strategy", "store", "k", "raw_p50_ms", "harness_p50_ms", "ratio_p50", "ratio_mean"));
      bench.overhead().forEach(o -> t.add(o.strategy(), o.store(), o.k(), o.rawP50Ms(), o.harnessP50Ms(), o.ratioP50(), o.ratioMean()));
      tables.add(t);
      b.append("<h3>Harness overhead (harness / raw)</h3><p class=\"lead\">1.00 = no overhead beyond the store calls; the goal is ≤ 1.05.</p>")
          .append(genericTable(t, "t-overhead", c -> c.replace('_', ' ')));
    }
    if (!bench.sweep().isEmpty()) {
      ReportTable t = new ReportTable("bench_sweep", "Concurrency sweep: QPS (wall time, summed over client threads) and p99 per thread count",
          List.of("strategy", "store", "threads", "qps", "p50_ms", "p99_ms"));
      bench.sweep().forEach(x -> t.add(x.strategy(), x.store(), (long) x.threads(), x.qps(), x.p50Ms(), x.p99Ms()));
      tables.add(t);
      b.append("<h3>Concurrency sweep</h3><p class=\"lead\">SearchBenchmark.harness with 1…N client threads: ")
          .append("QPS from Throughput mode (wall time, not 1/latency), p99 from SampleTime at the same thread count. ")
          .append("Colour = strategy; solid = ").append(esc(stores().isEmpty() ? "first store" : stores().get(0)))
          .append(stores().size() > 1 ? ", dashed = " + esc(stores().get(1)) : "").append(".</p>");
      List<String> th = bench.sweep().stream().map(x -> x.threads()).distinct().sorted().map(String::valueOf).toList();
      List<Svg.Series> qps = new ArrayList<>();
      List<Svg.Series> p99 = new ArrayList<>();
      List<String> series = bench.sweep().stream().map(x -> x.strategy() + " · " + x.store()).distinct().toList();
      for (String sname : series) {
        double[] q = new double[th.size()];
        double[] p = new double[th.size()];
        java.util.Arrays.fill(q, Double.NaN);
        java.util.Arrays.fill(p, Double.NaN);
        String strat = "";
        String st = "";
        for (BenchData.Sweep x : bench.sweep()) {
          if ((x.strategy() + " · " + x.store()).equals(sname)) {
            int i = th.indexOf(String.valueOf(x.threads()));
            q[i] = x.qps();
            p[i] = x.p99Ms();
            strat = x.strategy();
            st = x.store();
          }
        }
        Integer ci = strategyColors.get(strat);
        String col = Svg.color(ci == null ? series.indexOf(sname) : ci);
        boolean dashed = stores().indexOf(st) > 0;
        qps.add(new Svg.Series(sname, col, dashed, q));
        p99.add(new Svg.Series(sname, col, dashed, p));
      }
      List<String> xl = th.stream().map(x -> x + " thr").toList();
      b.append("<div class=\"charts\">").append(Svg.lines("QPS vs client threads", xl, qps, "queries / s", 0))
          .append(Svg.lines("p99 (ms) vs client threads", xl, p99, "p99 ms", 0)).append("</div>");
      b.append(genericTable(t, "t-sweep", c -> c.replace('_', ' ')));
    }
    if (!bench.indexing().isEmpty()) {
      ReportTable t = new ReportTable("bench_indexing", "Indexing throughput (IndexBenchmark, SingleShotTime)",
          List.of("store", "documents", "ms_per_run", "items_per_second"));
      bench.indexing().forEach(x -> t.add(x.store(), x.documents(), x.msPerRun(), x.itemsPerSecond()));
      tables.add(t);
      b.append("<h3>Indexing throughput</h3>").append(genericTable(t, "t-indexing", c -> c.replace('_', ' ')));
    }
    return b.toString();
  }

  private String latency() {
    ReportTable t = analysis.latency();
    tables.add(t);
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"latency\"><h2>Latency</h2>");
    b.append(benchSection());
    b.append("<details").append(bench.isEmpty() ? " open" : "").append("><summary>Run-time latency per cell (")
        .append(t.rows().size()).append(" cells, records timingMs.total)</summary>")
        .append("<p class=\"lead\">Wall-clock per query as recorded during the evaluation run, encoding included, one client, ")
        .append("cold caches possible — indicative only; benchmark-grade numbers come from JMH (`lensbench bench`).</p>");
    if (t.isEmpty()) {
      b.append("<p class=\"muted\">No timings recorded.</p>");
    } else {
      b.append(genericTable(t, "t-latency", c -> c.replace('_', ' ')));
    }
    b.append("</details>");
    for (ReportTable x : tables) {
      if (x.name().equals("jmh") && bench.latency().isEmpty()) {
        b.append("<h3>JMH</h3>").append(genericTable(x, "t-jmh", c -> c.replace('_', ' ')));
      }
    }
    return b.append("</section>").toString();
  }

  // ---------------------------------------------------------------- drill-down

  private String tile(Hit h, int rank, Map<String, Integer> qrels, String movement, String moveCls) {
    ItemRow item = run.items().get(h.id());
    Integer g = qrels.get(h.id());
    String gcls = g == null ? "gu" : "g" + Math.max(0, Math.min(3, g));
    Thumbnails.Thumb th = item == null ? null : thumbs.get(run.resolveImage(item.image()), options.thumbPx());
    String tip = "#" + rank + " · " + h.id() + (item != null && item.name() != null ? " · " + item.name() : "")
        + " · " + (g == null ? "unjudged" : "grade " + g) + (movement.isEmpty() ? "" : " · " + movement)
        + " · score " + num(h.score(), 4);
    StringBuilder b = new StringBuilder("<div class=\"tile ").append(gcls).append(th == null ? " noimg" : " " + th.cssClass())
        .append("\" title=\"").append(esc(tip)).append("\">");
    if (th == null) {
      b.append(esc(Svg.shorten(h.id(), 14)));
    }
    b.append("<span class=\"rk\">").append(rank).append("</span>");
    if (g != null) {
      b.append("<span class=\"gr\">").append(g).append("</span>");
    }
    if (!movement.isEmpty()) {
      b.append("<span class=\"mv ").append(moveCls).append("\">").append(esc(movement)).append("</span>");
    }
    return b.append("</div>").toString();
  }

  private String drilldown() {
    StringBuilder b = new StringBuilder("<section class=\"card\" id=\"drilldown\" style=\"--tp:")
        .append(options.thumbPx()).append("px\"><h2>Per-query drill-down</h2>");
    b.append("<p class=\"lead\">Up to ").append(options.maxDrilldown()).append(" queries per query set — those where the cells disagree most on ")
        .append(esc(Analysis.display(options.primaryMetric()))).append(" — with each cell's top ").append(options.topK())
        .append(" results. Border and badge: relevance grade from the qrels; small arrow: rank movement after rerank ")
        .append("(▲ moved up, ▼ down, new = not in the first-stage list).</p>");
    b.append("<div class=\"keyrow\"><span><i class=\"g2\"></i>grade 2</span><span><i class=\"g1\"></i>grade 1</span>")
        .append("<span><i class=\"g0\"></i>judged non-relevant</span><span><i class=\"gu\"></i>unjudged</span></div>");
    b.append(notes(true, true));
    if (run.items().isEmpty()) {
      b.append("<div class=\"note info\">No items.jsonl in the run directory: results are shown by id without thumbnails.</div>");
    }
    b.append("<div class=\"tools\"><input class=\"filter\" type=\"search\" placeholder=\"filter queries (text, id, slice)\" ")
        .append("data-target=\"dd-list\">");
    if (stores().size() > 1) {
      b.append("<label class=\"muted small\"> store <select class=\"rowstore\" data-target=\"dd-list\"><option value=\"\">all</option>");
      stores().forEach(st -> b.append("<option value=\"").append(esc(st)).append("\">").append(esc(st)).append("</option>"));
      b.append("</select></label>");
    }
    b.append("<span class=\"count\"></span></div><div id=\"dd-list\">");
    for (String qs : analysis.querySets()) {
      List<String> ids = analysis.drilldownQueries(qs, options.maxDrilldown());
      if (ids.isEmpty()) {
        continue;
      }
      b.append("<h3>").append(esc(qs)).append("</h3>");
      Map<String, Integer> emptyQrels = Map.of();
      for (String qid : ids) {
        QueryRow q = run.query(qs, qid);
        Map<String, Integer> qrels = run.qrels().getOrDefault(qs, Map.of()).getOrDefault(qid, emptyQrels);
        String slice = Analysis.slice(q, qs);
        String search = (qid + " " + qs + " " + slice + " " + (q != null && q.text() != null ? q.text() : "")).toLowerCase(Locale.ROOT);
        b.append("<div class=\"qcard\" data-search=\"").append(esc(search)).append("\"><div class=\"qhead\">");
        if (q != null && q.image() != null) {
          int px = "table_image".equals(q.kind()) ? 240 : 112;
          Thumbnails.Thumb th = thumbs.get(run.resolveImage(q.image()), px);
          if (th != null) {
            b.append("<div class=\"qimg ").append(th.cssClass()).append("\" style=\"width:").append(th.width()).append("px;height:")
                .append(th.height()).append("px\" title=\"query image\"></div>");
          }
        }
        b.append("<div><div class=\"qtext\">").append(q != null && q.text() != null ? esc(q.text())
            : "<span class=\"muted\">(" + esc(q == null ? "image" : q.kind().replace('_', ' ')) + " query)</span>").append("</div><div class=\"qmeta\"><span class=\"mono\">")
            .append(esc(qid)).append("</span> · ").append(esc(slice));
        if (q != null) {
          q.attributes().forEach((k, v) -> b.append(" · ").append(esc(k)).append('=').append(esc(v)));
        }
        long relevant = qrels.values().stream().filter(g -> g > 0).count();
        b.append(" · ").append(relevant).append(" relevant</div>");
        // the answer key: a few relevant items
        List<String> rel = qrels.entrySet().stream().filter(e -> e.getValue() > 0)
            .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue())).map(Map.Entry::getKey).limit(6).toList();
        if (!rel.isEmpty()) {
          b.append("<div class=\"rel\">relevant: ");
          for (String id : rel) {
            ItemRow it = run.items().get(id);
            Thumbnails.Thumb th = it == null ? null : thumbs.get(run.resolveImage(it.image()), options.thumbPx());
            b.append("<div class=\"tile g").append(Math.min(3, qrels.get(id))).append(th == null ? " noimg" : " " + th.cssClass())
                .append("\" style=\"--tp:40px\" title=\"").append(esc(id + (it != null && it.name() != null ? " · " + it.name() : "")))
                .append("\">").append(th == null ? esc(Svg.shorten(id, 8)) : "").append("</div>");
          }
          b.append("</div>");
        }
        b.append("</div></div>");
        for (CellMetrics c : run.cells()) {
          if (!c.querySet().equals(qs)) {
            continue;
          }
          QueryRecord rec = run.records().getOrDefault(c.cell(), Map.of()).get(qid);
          double v = c.perQuery().getOrDefault(qid, Map.of()).getOrDefault(options.primaryMetric(), Double.NaN);
          b.append("<div class=\"rowcell\" data-store=\"").append(esc(c.store())).append("\"><div class=\"lbl\">").append(esc(c.label())).append(isJoint(c.strategy()) ? " †" : "")
              .append("<small>").append(esc(Analysis.display(options.primaryMetric()))).append(' ').append(num(v, 3)).append("</small></div><div class=\"tiles\">");
          if (rec == null) {
            b.append("<span class=\"muted\">no record for this query</span>");
          } else {
            Map<String, Integer> firstRank = new HashMap<>();
            if (rec.firstStage() != null) {
              for (int i = 0; i < rec.firstStage().size(); i++) {
                firstRank.putIfAbsent(rec.firstStage().get(i).id(), i + 1);
              }
            }
            for (int i = 0; i < Math.min(options.topK(), rec.hits().size()); i++) {
              Hit h = rec.hits().get(i);
              String mv = "";
              String mvCls = "";
              if (rec.firstStage() != null) {
                Integer r0 = firstRank.get(h.id());
                if (r0 == null) {
                  mv = "new";
                  mvCls = "new";
                } else if (r0 > i + 1) {
                  mv = "▲" + (r0 - i - 1);
                  mvCls = "up";
                } else if (r0 < i + 1) {
                  mv = "▼" + (i + 1 - r0);
                  mvCls = "down";
                }
              }
              b.append(tile(h, i + 1, qrels, mv, mvCls));
            }
          }
          b.append("</div></div>");
        }
        b.append("</div>");
      }
    }
    return b.append("</div></section>").toString();
  }
}
