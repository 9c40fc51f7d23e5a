package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.testkit.HeadlessChromium;
import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report answers at a glance: in a 1400 × 900 headless Chromium window the first screen holds
 * one heatmap per store (whole, inside the viewport), each query set's best starred, caveat badges
 * on the query sets the data marks; the headline selector switches metric; the quality-vs-latency
 * chart is one panel per query set with a Pareto front and a short legend; significance is one
 * matrix per query set × store with the full table collapsed. Screenshots of each part go to
 * target/report-screens/.
 */
class ReportFirstScreenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void firstScreenShowsTheHeatmapsAndTheSectionsBelowAreCompact() throws Exception {
    assertTrue(Files.isExecutable(Path.of(HeadlessChromium.BINARY)),
        "precondition: Chromium at " + HeadlessChromium.BINARY + " (Debian package chromium; override with LENSBENCH_CHROMIUM)");
    Path html = ReportWriter.write(SyntheticRun.create(tmp.resolve("run"), 0), ReportOptions.defaults());
    Path screens = Path.of("target", "report-screens");
    try (HeadlessChromium chrome = new HeadlessChromium(1400, 900)) {
      // the window size includes no browser chrome in headless mode, but pin the viewport itself to 1400 × 900
      chrome.send("Emulation.setDeviceMetricsOverride", HeadlessChromium.params().put("width", 1400).put("height", 900)
          .put("deviceScaleFactor", 1).put("mobile", false));
      chrome.open(html.toUri().toString());
      chrome.eval("window.scrollTo(0,0)");
      chrome.screenshot(screens.resolve("first-screen-1400x900.png"));
      JsonNode view = json(chrome, "JSON.stringify({w: window.innerWidth, h: window.innerHeight, maps: "
          + "Array.prototype.map.call(document.querySelectorAll('.hm-set:not(.hidden) table.heatmap'), function(t){"
          + "var r=t.getBoundingClientRect(); return {store: t.getAttribute('data-store'), left: r.left, top: r.top, right: r.right, "
          + "bottom: r.bottom, best: t.querySelectorAll('td.hbest').length, ties: t.querySelectorAll('td.htie').length, "
          + "cols: t.querySelectorAll('th.qs').length, badges: t.querySelectorAll('th.qs .caveat').length, "
          + "koBadge: Array.prototype.some.call(t.querySelectorAll('th.qs'), function(th){return th.textContent.indexOf('text-ko')===0 "
          + "&& th.textContent.indexOf('glossary')>0;}), imageBadge: Array.prototype.some.call(t.querySelectorAll('th.qs'), "
          + "function(th){return th.textContent.indexOf('image')===0 && th.textContent.indexOf('glossary')>0;})};})})");
      assertEquals("1400x900", view.get("w").asInt() + "x" + view.get("h").asInt(), "viewport");
      JsonNode maps = view.get("maps");
      assertEquals(2, maps.size(), "one heatmap per store: " + view);
      for (JsonNode m : maps) {
        assertTrue(m.get("top").asDouble() >= 0 && m.get("left").asDouble() >= 0, "heatmap starts in the viewport: " + m);
        assertTrue(m.get("bottom").asDouble() <= view.get("h").asDouble() && m.get("right").asDouble() <= view.get("w").asDouble(),
            "heatmap ends in the 1400 × 900 viewport: " + m);
        assertEquals(5, m.get("cols").asInt(), "a column per query set: " + m);
        assertTrue(m.get("best").asInt() >= 5, "each query set's best is starred: " + m);
        assertTrue(m.get("koBadge").asBoolean(), "text-ko carries the glossary-derived badge (dataset card): " + m);
        assertTrue(!m.get("imageBadge").asBoolean(), "image queries carry no glossary badge: " + m);
        assertTrue(m.get("badges").asInt() >= 5, "every query set of a synthetic fixture carries the synthetic badge: " + m);
      }

      // the selector switches the headline metric
      JsonNode switched = json(chrome, "(function(){var s=document.getElementById('headline-metric');s.value='mrr';"
          + "s.dispatchEvent(new Event('change'));var shown=Array.prototype.map.call(document.querySelectorAll('.hm-set:not(.hidden)'),"
          + "function(d){return d.getAttribute('data-metric');});s.value='ndcg_at_10';s.dispatchEvent(new Event('change'));"
          + "return JSON.stringify({shown: shown, choices: s.options.length});})()");
      assertEquals("[\"mrr\"]", switched.get("shown").toString());
      assertEquals(MetricNames.overview(RunData.load(html.getParent()).cells()).size(), switched.get("choices").asInt());

      // quality vs latency: small multiples with a Pareto front and a legend of at most 10 entries
      JsonNode tradeoff = json(chrome, "JSON.stringify({panels: document.querySelectorAll('#tradeoff svg.chart').length, "
          + "fronts: document.querySelectorAll('#tradeoff svg.chart path.front').length, "
          + "legend: document.querySelectorAll('#tradeoff .legend > span').length, "
          + "labels: document.querySelectorAll('#tradeoff text.plabel').length})");
      assertEquals(5, tradeoff.get("panels").asInt(), "one panel per query set: " + tradeoff);
      assertEquals(5, tradeoff.get("fronts").asInt(), "a Pareto front in every panel: " + tradeoff);
      assertTrue(tradeoff.get("legend").asInt() <= 10, "legend of at most 10 entries: " + tradeoff);
      assertTrue(tradeoff.get("labels").asInt() >= 5, "points labelled by their system's key: " + tradeoff);

      // significance: a matrix per query set × store, the full table collapsed
      JsonNode sig = json(chrome, "JSON.stringify({matrices: document.querySelectorAll('#significance table.sigmat').length, "
          + "marked: document.querySelectorAll('#significance table.sigmat td').length, "
          + "collapsed: !document.querySelector('#t-significance').closest('details').open, "
          + "overviewCollapsed: !document.getElementById('overview-detail').open})");
      assertEquals(10, sig.get("matrices").asInt(), "5 query sets × 2 stores: " + sig);
      assertTrue(sig.get("collapsed").asBoolean() && sig.get("overviewCollapsed").asBoolean(), "detail tables collapsed: " + sig);

      for (String section : List.of("tradeoff", "significance")) {
        chrome.eval("document.getElementById('" + section + "').scrollIntoView()");
        chrome.screenshot(screens.resolve("first-screen-" + section + ".png"));
      }
      assertEquals(List.of(), ReportInChromiumTest.problems(chrome, List.of(html.toUri().toString())),
          "console errors, exceptions, dialogs or network requests");
    }
  }

  private static JsonNode json(HeadlessChromium chrome, String expression) throws Exception {
    return JSON.readTree(chrome.eval(expression).asText());
  }
}
