package io.lensbench.datasets.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lensbench.datasets.fashion.TableImageRenderer.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered table images OCR back to their text with Debian tesseract ({@code tesseract IMG - -l
 * eng+kor --psm 4}): every label and value of the table appears in the OCR output (whitespace
 * removed). With the default page segmentation tesseract 5.3 takes the narrow column of Hangul
 * labels for vertical text and garbles about half of the Korean tables (docs/datasets.md).
 */
class TableImageOcrTest {
  @TempDir Path tmp;

  static final List<Map<String, String>> SAMPLE = List.of(
      Map.of("masterCategory", "Accessories", "subCategory", "Watches", "articleType", "Watches",
          "gender", "Women", "baseColour", "Silver", "usage", "Casual"),
      Map.of("masterCategory", "Footwear", "subCategory", "Shoes", "articleType", "Casual Shoes",
          "gender", "Men", "baseColour", "Navy Blue", "usage", "Casual"),
      Map.of("masterCategory", "Apparel", "subCategory", "Topwear", "articleType", "Tshirts",
          "gender", "Women", "baseColour", "Red", "usage", "Sports"),
      Map.of("masterCategory", "Accessories", "subCategory", "Bags", "articleType", "Handbags",
          "gender", "Women", "baseColour", "Brown", "usage", "Formal"));

  @Test
  void englishAndKoreanTablesReadBack() throws Exception {
    Glossary g = Glossary.load();
    TableImageRenderer r = new TableImageRenderer(HangulFont.find(22f));
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Map<String, String> a : SAMPLE) {
      for (String lang : List.of("en", "ko")) {
        Row header = TableQueries.tableHeader(g, lang);
        List<Row> rows = TableQueries.tableRows(g, a, lang);
        Path png = tmp.resolve("t" + (n++) + "-" + lang + ".png");
        TableImageRenderer.writePng(r.render(header, rows), png);
        String ocr = squash(tesseract(png));
        List<String> tokens = new ArrayList<>(List.of(header.label(), header.value()));
        for (Row row : rows) {
          tokens.add(row.label());
          for (String part : row.value().split(" > ")) {
            tokens.add(part);
          }
        }
        for (String t : tokens) {
          if (!ocr.contains(squash(t))) {
            failures.add(png.getFileName() + ": '" + t + "' not in OCR text '" + ocr + "'");
          }
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(n == 8);
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
  }

  static String tesseract(Path png) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("tesseract", png.toString(), "-", "-l", "eng+kor", "--psm", "4")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      fail("precondition: Debian tesseract-ocr and tesseract-ocr-kor must be installed "
          + "(scripts/setup-system.sh); cannot run 'tesseract': " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("tesseract did not finish on " + png);
    }
    assertEquals(0, p.exitValue(), "tesseract exit code on " + png
        + " (is tesseract-ocr-kor installed? 'tesseract --list-langs' must list kor)");
    return out;
  }
}
