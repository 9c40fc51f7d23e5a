package io.lensbench.testkit;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** The catalogue and query images of a {@link SyntheticRun}: real rows and photos, or swatches. */
final class SyntheticCatalogue {
  private SyntheticCatalogue() {}

  /** 60 catalogue rows over a handful of article types; real photos when the shared sample exists. */
  static List<SyntheticRun.Item> items(Path dir) throws IOException {
    List<SyntheticRun.Item> out = new ArrayList<>();
    Path csv = SyntheticRun.SHARED.resolve("items.csv");
    if (Files.isRegularFile(csv)) {
      Map<String, Integer> perType = new TreeMap<>();
      List<String> wanted = List.of("Tshirts", "Casual Shoes", "Handbags", "Watches", "Shirts", "Kurtas");
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8).subList(1, Files.readAllLines(csv).size())) {
        String[] p = line.split(",", -1);
        if (p.length < 11 || !wanted.contains(p[4]) || perType.getOrDefault(p[4], 0) >= 10) {
          continue;
        }
        Path img = SyntheticRun.SHARED.resolve("images").resolve(p[0] + ".jpg");
        if (!Files.isRegularFile(img)) {
          continue;
        }
        perType.merge(p[4], 1, Integer::sum);
        out.add(new SyntheticRun.Item(p[0], p[1], p[4], p[5], p[9], img));
      }
    } else {
      String[] types = {"Tshirts", "Casual Shoes", "Handbags", "Watches", "Shirts", "Kurtas"};
      String[] colours = {"Black", "White", "Blue", "Red", "Brown"};
      Path imgDir = Files.createDirectories(dir.resolve("swatches"));
      for (int i = 0; i < 60; i++) {
        String colour = colours[i % 5];
        Path img = imgDir.resolve("s" + i + ".png");
        BufferedImage bi = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bi.createGraphics();
        g.setColor(Color.decode(new String[] {"#222222", "#eeeeee", "#3050c0", "#c03030", "#805030"}[i % 5]));
        g.fillRect(0, 0, 60, 80);
        g.dispose();
        ImageIO.write(bi, "png", img.toFile());
        out.add(new SyntheticRun.Item("s" + i, i % 2 == 0 ? "Men" : "Women", types[i / 10], colour, colour + " " + types[i / 10], img));
      }
    }
    // the XSS probe rides on a real product row
    SyntheticRun.Item first = out.get(0);
    out.set(0, new SyntheticRun.Item(first.id(), first.gender(), first.type(), first.colour(), SyntheticRun.XSS_NAME, first.image()));
    return out;
  }

  /** Renders an attribute table image (English) as a table-image query would carry. */
  static Path tableImage(Path dir, String qid, SyntheticRun.Item src) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("query-images"));
    BufferedImage bi = new BufferedImage(360, 130, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = bi.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 360, 130);
    g.setColor(new Color(0x33, 0x33, 0x33));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    String[][] rows = {{"gender", src.gender()}, {"colour", src.colour()}, {"type", src.type()}};
    for (int i = 0; i < rows.length; i++) {
      g.drawRect(10, 10 + i * 36, 340, 36);
      g.drawLine(130, 10 + i * 36, 130, 46 + i * 36);
      g.drawString(rows[i][0], 20, 35 + i * 36);
      g.drawString(rows[i][1], 140, 35 + i * 36);
    }
    g.dispose();
    Path f = folder.resolve(qid + ".png");
    ImageIO.write(bi, "png", f.toFile());
    return f;
  }
}
