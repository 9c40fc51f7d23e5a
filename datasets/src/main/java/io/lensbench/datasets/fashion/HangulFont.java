package io.lensbench.datasets.fashion;

import io.lensbench.core.InfrastructureException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Finds a font that renders Hangul (and Latin): the NanumGothic TrueType file of Debian
 * {@code fonts-nanum}, else an installed family named NanumGothic, else any installed family that
 * can display Hangul. Fails with an {@link InfrastructureException} (exit 3) naming where it looked.
 */
public final class HangulFont {
  static final String SAMPLE = "여성 실버 시계 분류 색상 용도 Category > Colour";
  static final List<Path> FILES = List.of(
      Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
      Path.of("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"));

  private HangulFont() {}

  /** A Hangul-capable font at the given point size. */
  public static Font find(float size) {
    for (Path f : FILES) {
      if (Files.isRegularFile(f)) {
        try {
          Font font = Font.createFont(Font.TRUETYPE_FONT, f.toFile());
          if (font.canDisplayUpTo(SAMPLE) == -1) {
            return font.deriveFont(Font.PLAIN, size);
          }
        } catch (IOException | FontFormatException e) {
          // try the next candidate
        }
      }
    }
    String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    Arrays.sort(families);
    for (String fam : families) {
      if (fam.equals("NanumGothic")) {
        return new Font(fam, Font.PLAIN, Math.round(size)).deriveFont(size);
      }
    }
    for (String fam : families) {
      Font font = new Font(fam, Font.PLAIN, Math.round(size));
      if (!fam.equals(Font.DIALOG) && !fam.equals(Font.SANS_SERIF) && !fam.equals(Font.SERIF)
          && !fam.equals(Font.MONOSPACED) && !fam.equals(Font.DIALOG_INPUT)
          && font.canDisplayUpTo(SAMPLE) == -1) {
        return font.deriveFont(size);
      }
    }
    throw new InfrastructureException("no Hangul font found for rendering Korean table images: "
        + "looked for the files " + FILES + ", an installed family 'NanumGothic', and any of "
        + families.length + " installed families able to display '" + SAMPLE
        + "'. Install Debian fonts-nanum (scripts/setup-system.sh does).");
  }
}
