package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lensbench.testkit.HeadlessChromium;
import io.lensbench.testkit.SyntheticRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published site: an index, one report per run and a comparison page per pair, all inside
 * the output folder whatever the run folders are called (two named alike, one named with quotes,
 * markup and dots), names shown escaped; in headless Chromium every page loads without console
 * errors or network requests and every link of the index resolves to a file of the site.
 */
class SiteInChromiumTest {
  @TempDir Path tmp;

  @Test
  void siteLinksResolveAndEveryPageLoadsCleanly() throws Exception {
    assertTrue(Files.isExecutable(Path.of(HeadlessChromium.BINARY)),
        "precondition: Chromium at " + HeadlessChromium.BINARY + " (Debian package chromium; override with LENSBENCH_CHROMIUM)");
    String odd = "night \"<b>x<b>\" & ..";
    List<Path> runs = List.of(SyntheticRun.create(tmp.resolve("a").resolve("run"), 0),
        SyntheticRun.create(tmp.resolve("b").resolve("run"), 1), SyntheticRun.create(tmp.resolve("c").resolve(odd), 2));
    Path out = tmp.resolve("site");
    List<SiteWriter.Page> pages = SiteWriter.write(runs, out, SiteWriter.Pairs.ALL, ReportOptions.defaults());

    assertEquals(7, pages.size(), "3 reports, 3 comparisons, the index: " + pages);
    for (SiteWriter.Page p : pages) {
      assertTrue(p.file().startsWith(out.toAbsolutePath().normalize()), "inside the site: " + p.file());
      assertTrue(p.file().getFileName().toString().matches("(index|report)\\.html"), p.file().toString());
      assertTrue(out.relativize(p.file()).toString().matches("[A-Za-z0-9_./-]+"), "safe path: " + p.file());
    }
    for (Path run : runs) {
      assertFalse(Files.exists(run.resolve("report.html")) || Files.exists(run.resolve("tables")), "run folders untouched: " + run);
    }
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(index.contains("night &quot;&lt;b&gt;x&lt;b&gt;&quot; &amp; .."), "odd name shown escaped");
    assertFalse(index.contains("<b>x<b>"), "odd name never as markup");

    try (HeadlessChromium chrome = new HeadlessChromium(1400, 900)) {
      String indexUrl = out.resolve("index.html").toUri().toString();
      chrome.open(indexUrl);
      chrome.screenshot(Path.of("target", "report-screens", "site-index.png"));
      JsonNode hrefs = chrome.eval("Array.prototype.map.call(document.querySelectorAll('a[href]'), function(a){return a.href;})");
      List<String> urls = new ArrayList<>();
      hrefs.forEach(h -> urls.add(h.asText()));
      assertEquals(6, urls.size(), "3 report links and 3 comparison links: " + urls);
      List<String> opened = new ArrayList<>(List.of(indexUrl));
      for (String u : urls) {
        Path target = Path.of(URI.create(u));
        assertTrue(Files.isRegularFile(target) && target.startsWith(out.toAbsolutePath().normalize()), "link resolves in the site: " + u);
        chrome.open(u);
        opened.add(u);
      }
      assertEquals(List.of(), ReportInChromiumTest.problems(chrome, opened), "console errors, exceptions or network requests");
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      assertTrue(all.filter(p -> p.getFileName().toString().endsWith(".html")).allMatch(p -> p.startsWith(out)),
          "every page written inside the site folder");
    }
  }

  @Test
  void slugsKeepOnlySafeCharacters() {
    assertEquals("run", SiteWriter.slug("../.."));
    assertEquals("a_b", SiteWriter.slug("a/../b"));
    assertEquals("demo-2026", SiteWriter.slug("demo-2026"));
    assertEquals(48, SiteWriter.slug("x".repeat(100)).length());
  }
}
