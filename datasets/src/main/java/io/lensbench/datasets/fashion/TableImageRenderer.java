package io.lensbench.datasets.fashion;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders a small two-column attribute table (header row, then label | value rows) to a PNG with
 * Java2D. Deterministic for a given font: same rows, same bytes.
 *
 * <p>OCR note: Debian tesseract 5.3 with {@code -l eng+kor} takes the narrow column of short
 * Hangul labels for vertical text unless told otherwise; read these images with
 * {@code tesseract IMG - -l eng+kor --psm 4} (TableImageOcrTest).
 */
public final class TableImageRenderer {
  private static final int PAD_X = 14;
  private static final int ROW_H = 40;
  private static final int MARGIN = 24;
  private static final int MIN_COL1 = 140;
  private static final int MIN_COL2 = 320;

  private final Font font;
  private final Font bold;

  public TableImageRenderer(Font font) {
    this.font = font;
    this.bold = font.deriveFont(Font.BOLD);
  }

  /** One table row. */
  public record Row(String label, String value) {}

  public BufferedImage render(Row header, List<Row> rows) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(bold);
    int labelW = fm.stringWidth(header.label());
    int valueW = fm.stringWidth(header.value());
    FontMetrics fmp = pg.getFontMetrics(font);
    for (Row r : rows) {
      labelW = Math.max(labelW, fmp.stringWidth(r.label()));
      valueW = Math.max(valueW, fmp.stringWidth(r.value()));
    }
    pg.dispose();
    int col1 = Math.max(labelW + 2 * PAD_X, MIN_COL1);
    int col2 = Math.max(valueW + 2 * PAD_X, MIN_COL2);
    int w = col1 + col2 + 2 * MARGIN;
    int h = (rows.size() + 1) * ROW_H + 2 * MARGIN;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(new Color(0xE8, 0xEC, 0xF2));
      g.fillRect(MARGIN, MARGIN, col1 + col2, ROW_H);
      g.setColor(Color.BLACK);
      for (int i = 0; i <= rows.size() + 1; i++) {
        g.drawLine(MARGIN, MARGIN + i * ROW_H, MARGIN + col1 + col2, MARGIN + i * ROW_H);
      }
      g.drawLine(MARGIN, MARGIN, MARGIN, h - MARGIN);
      g.drawLine(MARGIN + col1, MARGIN, MARGIN + col1, h - MARGIN);
      g.drawLine(MARGIN + col1 + col2, MARGIN, MARGIN + col1 + col2, h - MARGIN);
      g.setColor(Color.BLACK);
      drawRow(g, bold, header, 0, col1);
      for (int i = 0; i < rows.size(); i++) {
        drawRow(g, font, rows.get(i), i + 1, col1);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void drawRow(Graphics2D g, Font f, Row r, int index, int col1) {
    g.setFont(f);
    FontMetrics fm = g.getFontMetrics();
    int baseline = MARGIN + index * ROW_H + (ROW_H - fm.getHeight()) / 2 + fm.getAscent();
    g.drawString(r.label(), MARGIN + PAD_X, baseline);
    g.drawString(r.value(), MARGIN + col1 + PAD_X, baseline);
  }

  public static void writePng(BufferedImage img, Path file) {
    try {
      if (!ImageIO.write(img, "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer in this JRE");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
