package io.lensbench.captioners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.InfrastructureException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrCaptionerTest {
  static final Path NANUM = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");

  @TempDir Path tmp;

  /** Renders lines of text (black on white) with NanumGothic (Latin + Hangul). */
  static Path render(Path file, List<String> lines) throws Exception {
    assertTrue(Files.isRegularFile(NANUM),
        "precondition: Debian fonts-nanum installed (" + NANUM + "), see scripts/setup-system.sh");
    Font font = Font.createFont(Font.TRUETYPE_FONT, NANUM.toFile()).deriveFont(36f);
    BufferedImage img = new BufferedImage(900, 80 + 60 * lines.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(font);
    for (int i = 0; i < lines.size(); i++) {
      g.drawString(lines.get(i), 40, 70 + 60 * i);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  @Test
  void readsEnglishAndKorean() throws Exception {
    Path img = render(tmp.resolve("table.png"), List.of("Colour: Navy Blue", "색상: 빨간색", "Type: Watches"));
    try (OcrCaptioner ocr = new OcrCaptioner()) {
      assertTrue(ocr.id().startsWith("ocr:tesseract-5"), ocr.id());
      String text = ocr.caption(List.of(img)).get(0);
      assertTrue(text.contains("Navy Blue"), text);
      assertTrue(text.contains("Watches"), text);
      assertTrue(text.contains("빨간색"), text);
      assertEquals(3, text.lines().count(), text);
    }
  }

  @Test
  void missingBinaryIsAClearError() {
    InfrastructureException e = assertThrows(InfrastructureException.class,
        () -> new OcrCaptioner("/nonexistent/tesseract", "eng", 3, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("tesseract-ocr"), e.getMessage());
  }

  @Test
  void missingLanguageIsAClearError() {
    InfrastructureException e = assertThrows(InfrastructureException.class,
        () -> new OcrCaptioner("tesseract", "eng+xyz", 3, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("language 'xyz' is not installed"), e.getMessage());
  }

  /**
   * A fake tesseract that answers the version and language probes and then hangs on the image:
   * the call ends at the deadline with an error naming the image, and the process is gone.
   */
  @Test
  void aHangingTesseractIsKilledAtItsDeadline() throws Exception {
    Path pidFile = tmp.resolve("pid");
    Path fake = tmp.resolve("tesseract");
    Files.writeString(fake, String.join("\n", "#!/bin/sh",
        "case \"$1\" in",
        "  --version) echo 'tesseract 5.3.0'; exit 0 ;;",
        "  --list-langs) printf 'List of available languages (2):\\neng\\nkor\\n'; exit 0 ;;",
        "esac",
        "echo $$ > '" + pidFile + "'",
        "exec sleep 600", ""));
    assertTrue(fake.toFile().setExecutable(true));
    Path img = render(tmp.resolve("x.png"), List.of("hello"));
    try (OcrCaptioner ocr = new OcrCaptioner(fake.toString(), "eng+kor", 4, Duration.ofSeconds(1))) {
      long t0 = System.nanoTime();
      InfrastructureException e = assertThrows(InfrastructureException.class, () -> ocr.caption(List.of(img)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(e.getMessage().contains("did not finish within 1000 ms while reading " + img), e.getMessage());
      assertTrue(ms < 20_000, "ended at the deadline: " + ms + " ms");
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the hung process was killed");
    }
  }

  @Test
  void aDecompressionBombIsNeverHandedToTesseract() throws Exception {
    Path bomb = io.lensbench.testkit.PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    try (OcrCaptioner ocr = new OcrCaptioner()) {
      io.lensbench.core.BadInputException e = assertThrows(io.lensbench.core.BadInputException.class,
          () -> ocr.caption(List.of(bomb)));
      assertTrue(e.getMessage().contains("too many pixels") && e.getMessage().contains(bomb.toString()),
          e.getMessage());
    }
  }
}
