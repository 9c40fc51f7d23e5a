package io.lensbench.reports;

import io.lensbench.testkit.HeadlessChromium;

import io.lensbench.testkit.SyntheticRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the report of a small synthetic run opens in real headless Chromium with no console
 * errors, no exceptions, no network requests and no executed XSS probe; sorting and filtering work;
 * screenshots land in target/report-screens/ for a human to look at.
 */
class ReportInChromiumTest {
  @TempDir Path tmp;

  /** Everything the acceptance test forbids, as readable lines. */
  static List<String> problems(HeadlessChromium chrome, List<String> allowedUrls) {
      List<String> problems = new ArrayList<>();
      for (JsonNode e : chrome.events("Runtime.consoleAPICalled")) {
        String type = e.path("params").path("type").asText();
        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
          problems.add("console." + type + ": " + e.path("params").path("args"));
        }
      }
      chrome.events("Runtime.exceptionThrown").forEach(e -> problems.add("exception: " + e.path("params").path("exceptionDetails")));
      for (JsonNode e : chrome.events("Log.entryAdded")) {
        String level = e.path("params").path("entry").path("level").asText();
        if (level.equals("error") || level.equals("warning")) {
          problems.add("log " + level + ": " + e.path("params").path("entry").path("text").asText());
        }
      }
      chrome.events("Page.javascriptDialogOpening").forEach(e -> problems.add("dialog (XSS?): " + e.path("params")));
      for (JsonNode e : chrome.events("Network.requestWillBeSent")) {
        String u = e.path("params").path("request").path("url").asText();
        if (!allowedUrls.contains(u) && !u.startsWith("data:")) {
          problems.add("network request: " + u);
        }
      }
    return problems;
  }

  /** The detector itself must see a console error, a network request and a dialog when they happen. */
  @Test
  void detectorCatchesConsoleErrorsRequestsAndDialogs() throws Exception {
    assertTrue(Files.isExecutable(Path.of(HeadlessChromium.BINARY)),
        "precondition: Chromium at " + HeadlessChromium.BINARY + " (Debian package chromium; override with LENSBENCH_CHROMIUM)");
    Path bad = tmp.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><title>bad</title></head><body>"
        + "<img src=\"http://127.0.0.1:9/probe.png\"><script>console.error('boom'); alert(1);</script></body></html>");
    try (HeadlessChromium chrome = new HeadlessChromium(800, 600)) {
      String url = bad.toUri().toString();
      chrome.open(url);
      List<String> p = problems(chrome, List.of(url));
      assertTrue(p.stream().anyMatch(x -> x.startsWith("console.error")), "console error seen: " + p);
      assertTrue(p.stream().anyMatch(x -> x.equals("network request: http://127.0.0.1:9/probe.png")), "request seen: " + p);
      assertTrue(p.stream().anyMatch(x -> x.startsWith("dialog")), "alert dialog seen: " + p);
    }
  }

  @Test
  void reportLoadsCleanlyInHeadlessChromium() throws Exception {
    assertTrue(Files.isExecutable(Path.of(HeadlessChromium.BINARY)),
        "precondition: Chromium at " + HeadlessChromium.BINARY + " (Debian package chromium, installed by "
            + "scripts/setup-system.sh; override with LENSBENCH_CHROMIUM)");
    Path run = SyntheticRun.create(tmp.resolve("run-a"), 0);
    Path other = SyntheticRun.create(tmp.resolve("run-b"), 2);
    Path html = ReportWriter.write(run, ReportOptions.defaults().withMaxDrilldown(12)); // every query: probes included
    Path cmp = ReportWriter.write(run, ReportOptions.defaults().withCompareTo(other));
    Path screens = Path.of("target", "report-screens");

    try (HeadlessChromium chrome = new HeadlessChromium(1400, 1000)) {
      String url = html.toUri().toString();
      chrome.open(url);
      JsonNode dom = chrome.eval("JSON.stringify({title: document.title, xss: (typeof window.__xss), "
          + "tables: document.querySelectorAll('table.data').length, charts: document.querySelectorAll('svg.chart').length, "
          + "tiles: document.querySelectorAll('.tile').length, cells: document.documentElement.getAttribute('data-cells'), "
          + "probeShown: document.body.textContent.indexOf('<script>alert(1)</script>') >= 0, "
          + "injectedImgs: document.querySelectorAll('img').length, "
          + "thumbsPainted: getComputedStyle(document.querySelector('.tile:not(.noimg)')).backgroundImage.slice(0, 23)})");
      JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dom.asText());
      assertTrue(d.get("title").asText().startsWith("LensBench report"), "title: " + d.get("title"));
      assertEquals("undefined", d.get("xss").asText(), "XSS probe ran");
      assertTrue(d.get("probeShown").asBoolean(), "probe text must be displayed as text");
      assertEquals(0, d.get("injectedImgs").asInt(), "no <img> elements (thumbnails are CSS), so none was injected");
      assertEquals("35", d.get("cells").asText(), "report.js ran and parsed the JSON data block");
      assertTrue(d.get("tables").asInt() >= 5, "tables: " + d);
      assertTrue(d.get("charts").asInt() >= 8, "charts: " + d);
      assertTrue(d.get("tiles").asInt() > 100, "drill-down tiles: " + d);
      assertEquals("url(\"data:image/jpeg;ba", d.get("thumbsPainted").asText(), "thumbnail from a data URI");

      // sorting and filtering
      JsonNode sorted = chrome.eval("(function(){var t=document.getElementById('t-significance');"
          + "var th=t.tHead.rows[0].cells[9]; th.click(); th.click(); var v=[];"
          + "Array.prototype.forEach.call(t.tBodies[0].rows,function(r){v.push(parseFloat(r.cells[9].getAttribute('data-v')));});"
          + "for(var i=1;i<v.length;i++){if(v[i]>v[i-1]) return 'unsorted at '+i;} return th.getAttribute('aria-sort');})()");
      assertEquals("descending", sorted.asText());
      JsonNode filtered = chrome.eval("(function(){var i=document.querySelector('input[data-target=t-overview]');"
          + "i.value='opensearch text-ko'; i.dispatchEvent(new Event('input'));"
          + "return document.querySelectorAll('#t-overview tbody tr:not(.hidden)').length;})()");
      assertEquals(3, filtered.asInt(), "3 opensearch cells on text-ko");
      JsonNode faceted = chrome.eval("(function(){var i=document.querySelector('input[data-target=t-overview]');i.value='';"
          + "i.dispatchEvent(new Event('input'));var s=i.parentNode.querySelectorAll('select.facet');"
          + "s[0].value='text-ko';s[0].dispatchEvent(new Event('change'));s[1].value='opensearch';s[1].dispatchEvent(new Event('change'));"
          + "var n=document.querySelectorAll('#t-overview tbody tr:not(.hidden):not(.qsgroup)').length;"
          + "var g=document.querySelectorAll('#t-overview tbody tr.qsgroup:not(.hidden)').length;"
          + "s[0].value='';s[0].dispatchEvent(new Event('change'));s[1].value='';s[1].dispatchEvent(new Event('change'));return n+'/'+g;})()");
      assertEquals("3/1", faceted.asText(), "query-set and store selectors keep 3 rows under 1 group header");
      chrome.eval("(function(){var i=document.querySelector('input[data-target=t-overview]');i.value='';"
          + "i.dispatchEvent(new Event('input'));var t=document.getElementById('t-significance');"
          + "t.tHead.rows[0].cells[0].click();return 1;})()");

      chrome.eval("window.scrollTo(0,0)");
      chrome.screenshot(screens.resolve("1-overview.png"));
      chrome.eval("document.getElementById('overview-detail').open=true;document.getElementById('t-overview').scrollIntoView()");
      chrome.screenshot(screens.resolve("1b-overview-table.png"));
      chrome.eval("document.getElementById('charts').scrollIntoView()");
      chrome.screenshot(screens.resolve("2-charts.png"));
      chrome.eval("(function(){var h=document.querySelectorAll('#charts h3');h[2].scrollIntoView();return 1;})()");
      chrome.screenshot(screens.resolve("3-slices-latency.png"));
      chrome.eval("document.getElementById('rerank').scrollIntoView()");
      chrome.screenshot(screens.resolve("4-rerank.png"));
      chrome.eval("document.getElementById('drilldown').scrollIntoView()");
      chrome.screenshot(screens.resolve("5-drilldown.png"));
      chrome.eval("(function(){var q=document.querySelectorAll('#drilldown h3');q[q.length-2].scrollIntoView();return 1;})()");
      chrome.screenshot(screens.resolve("6-drilldown-table-image.png"));

      chrome.open(cmp.toUri().toString());
      chrome.eval("document.getElementById('comparison').scrollIntoView()");
      chrome.screenshot(screens.resolve("7-comparison.png"));

      List<String> problems = problems(chrome, List.of(url, cmp.toUri().toString()));
      assertEquals(List.of(), problems, "console errors, exceptions, dialogs or network requests");
      assertTrue(chrome.events("Page.loadEventFired").size() >= 2, "both pages loaded");
    }
  }
}
