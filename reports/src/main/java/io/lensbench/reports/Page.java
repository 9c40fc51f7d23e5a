package io.lensbench.reports;

import static io.lensbench.reports.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lensbench.core.Hashing;
import io.lensbench.eval.run.RunCell;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The page shell: head (CSP, inline CSS with the thumbnails), header and navigation, the sections
 * in order, the JSON data block and the report's own script. Rules kept throughout: every data
 * string goes through {@link Html#esc}; the only executable script is the module's own report.js,
 * allowed by a CSP hash; data for scripts sits in a {@code <script type="application/json">} block
 * escaped by {@link Html#jsonForScript}; images are base64 thumbnails in CSS classes; the CSP
 * forbids every network fetch.
 */
final class Page {
  /** The default report aims to stay under this many bytes (about 3 MB); the footer says when a run exceeds it. */
  static final long SIZE_BUDGET_BYTES = 3_000_000L;
  /** Placeholder for the footer, replaced once the page's size is known. */
  static final String BUDGET = "@@BUDGET@@";

  private final ReportModel model;
  private final Look look;
  private final Thumbnails thumbs = new Thumbnails(0.72f);
  private final ObjectMapper json;

  Page(ReportModel model, ObjectMapper json) {
    this.model = model;
    this.look = new Look(model.run);
    this.json = json;
  }

  /** The whole page, with {@link #BUDGET} where the size footer goes. */
  String render() {
    RunData run = model.run;
    StringBuilder body = new StringBuilder();
    body.append(header());
    body.append("<main>");
    body.append(new ProvenanceSection(model).render());
    if (model.comparison != null) {
      body.append(new ComparisonSection(model).render());
    }
    body.append(new HeadlineSection(model, look).render());
    body.append(new TradeoffSection(model, look).render());
    body.append(new SignificanceSection(model.significance, look).render());
    body.append(new OverviewSection(model, look).render());
    body.append(new ChartsSection(model, look).render());
    if (model.rerank != null) {
      body.append(new RerankSection(model.rerank).render());
    }
    body.append(new LatencySection(model, look).render());
    body.append(new DrilldownSection(model, look, thumbs).render());
    body.append("<footer id=\"budget\">").append(BUDGET).append("</footer>");
    body.append("</main>");

    String script = resource("report.js");
    String scriptHash = Base64.getEncoder().encodeToString(Hashing.sha256().digest(script.getBytes(StandardCharsets.UTF_8)));
    String title = "LensBench report — " + run.datasetName() + " — " + run.name()
        + (model.other != null ? " vs " + model.other.name() : "");
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

  /** The footer text for a page of {@code htmlBytes}. */
  String budgetFooter(long htmlBytes) {
    ReportOptions options = model.options;
    String over = htmlBytes > SIZE_BUDGET_BYTES
        ? String.format(Locale.ROOT, " Over the %,d-byte budget: lower --max-drilldown to shrink it.", SIZE_BUDGET_BYTES)
        : String.format(Locale.ROOT, " Budget: %,d bytes.", SIZE_BUDGET_BYTES);
    return esc(String.format(Locale.ROOT,
        "Size budget: drill-down limited to %d queries per query set (--max-drilldown), top %d results per cell, "
            + "%d px JPEG thumbnails cached per image hash — %d thumbnails, %,d bytes of images; this file ≈ %,d bytes. "
            + "Self-contained: no network requests (Content-Security-Policy default-src 'none').",
        options.maxDrilldown(), options.topK(), options.thumbPx(), thumbs.count(), thumbs.totalBytes(), htmlBytes) + over);
  }

  private String header() {
    RunData run = model.run;
    StringBuilder b = new StringBuilder("<header class=\"top\"><h1>LensBench report · ").append(esc(run.datasetName()));
    if (run.synthetic()) {
      b.append("<span class=\"badge\">synthetic fixture</span>");
    }
    b.append("</h1><div class=\"sub\">run <span class=\"mono\">").append(esc(run.name())).append("</span>");
    if (model.other != null) {
      b.append(" compared with <span class=\"mono\">").append(esc(model.other.name())).append("</span>");
    }
    b.append(" · ").append(run.cells().size()).append(" cells · ").append(run.querySets().size()).append(" query sets</div></header>");
    b.append("<nav><a href=\"#provenance\">Provenance</a>");
    if (model.other != null) {
      b.append("<a href=\"#comparison\">Comparison</a>");
    }
    b.append("<a href=\"#glance\">At a glance</a><a href=\"#tradeoff\">Quality vs latency</a>")
        .append("<a href=\"#significance\">Significance</a><a href=\"#overview\">Overview</a><a href=\"#charts\">Charts</a>");
    if (model.rerank != null) {
      b.append("<a href=\"#rerank\">Rerank</a>");
    }
    b.append("<a href=\"#latency\">Latency</a><a href=\"#drilldown\">Drill-down</a></nav>");
    return b.toString();
  }

  private String dataJson() {
    ObjectNode root = json.createObjectNode();
    root.put("run", model.run.name());
    ArrayNode cells = root.putArray("cells");
    for (RunCell c : model.run.cells()) {
      ObjectNode o = cells.addObject();
      o.put("cell", c.cell());
      o.put("querySet", c.id().querySet());
      o.put("strategy", c.id().strategy());
      o.put("store", c.id().store());
      o.put("reranker", c.id().reranker());
      ObjectNode s = o.putObject("summary");
      c.scores().means().forEach(s::put);
    }
    try {
      return json.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The head of a page without any script (CSP forbids scripts and every fetch), up to the open body. */
  static String scriptless(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        + "base-uri 'none'; form-action 'none'\"><meta name=\"referrer\" content=\"no-referrer\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title)
        + "</title><style>" + resource("report.css") + "</style></head><body>";
  }

  static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/lensbench/reports/" + name + " in the reports jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
