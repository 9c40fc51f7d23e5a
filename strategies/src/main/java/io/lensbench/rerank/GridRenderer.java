package io.lensbench.rerank;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Images;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the candidates as one composite grid image (like the seed's panorama): each tile holds
 * one candidate image scaled to fit, with the candidate id drawn in a label at its top-left.
 */
public final class GridRenderer {
  private final int tileSize;
  private final int columns;

  /**
   * @param tileSize tile edge in pixels
   * @param columns columns, or 0 for ceil(sqrt(n))
   */
  public GridRenderer(int tileSize, int columns) {
    if (tileSize < 32) {
      throw new BadInputException("rerank.gridTileSize: expected >= 32 pixels, found " + tileSize);
    }
    if (columns < 0) {
      throw new BadInputException("rerank.gridColumns: expected >= 0, found " + columns);
    }
    this.tileSize = tileSize;
    this.columns = columns;
  }

  public int columnsFor(int n) {
    return columns > 0 ? Math.min(columns, Math.max(1, n)) : (int) Math.ceil(Math.sqrt(n));
  }

  /** PNG bytes of the grid. */
  public byte[] render(List<Candidate> candidates) {
    int n = candidates.size();
    int cols = columnsFor(n);
    int rows = (n + cols - 1) / cols;
    BufferedImage grid = new BufferedImage(cols * tileSize, Math.max(1, rows) * tileSize,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, tileSize / 9));
      g.setFont(font);
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < n; i++) {
        Candidate c = candidates.get(i);
        int x0 = (i % cols) * tileSize;
        int y0 = (i / cols) * tileSize;
        if (c.image() != null) {
          BufferedImage img = read(c);
          double scale = Math.min((double) tileSize / img.getWidth(),
              (double) tileSize / img.getHeight());
          int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
          int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
          g.drawImage(img, x0 + (tileSize - w) / 2, y0 + (tileSize - h) / 2, w, h, null);
        } else {
          g.setColor(Color.GRAY);
          g.drawString("(no image)", x0 + 6, y0 + tileSize / 2);
        }
        String label = c.id();
        int pad = 4;
        int lw = fm.stringWidth(label) + 2 * pad;
        int lh = fm.getAscent() + fm.getDescent() + pad;
        g.setColor(Color.BLACK);
        g.fillRect(x0, y0, lw, lh);
        g.setColor(Color.WHITE);
        g.drawString(label, x0 + pad, y0 + pad / 2 + fm.getAscent());
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, tileSize - 1, tileSize - 1);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(grid, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode grid image", e);
    }
    return out.toByteArray();
  }

  /** The candidate's image, decoded under core {@link Images}' pixel cap; bad input names the candidate. */
  private static BufferedImage read(Candidate c) {
    try {
      return Images.read(c.image());
    } catch (BadInputException e) {
      throw new BadInputException("candidate " + c.id() + ": " + e.getMessage(), e);
    }
  }
}
