package io.lensbench.datasets.grow;

import io.lensbench.core.InfrastructureException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An augmented copy of a real image, from a seeded random source: the same source image and
 * random state give the same bytes (plain Java2D and the JDK's JPEG writer at a fixed quality).
 */
final class ImageAugmenter {
  static final String OPERATIONS = "horizontal flip (probability 0.5); crop keeping 75-100 % of "
      + "each side at a random offset; per-channel gain 0.85-1.15 and brightness -12..+12; fitted "
      + "into size x size on white (bilinear); JPEG quality 0.9";
  private static final float QUALITY = 0.9f;

  private ImageAugmenter() {}

  static BufferedImage augment(BufferedImage src, int size, SplittableRandom rnd) {
    boolean flip = rnd.nextBoolean();
    int w = Math.max(1, (int) Math.round(src.getWidth() * (0.75 + 0.25 * rnd.nextDouble())));
    int h = Math.max(1, (int) Math.round(src.getHeight() * (0.75 + 0.25 * rnd.nextDouble())));
    int x = rnd.nextInt(src.getWidth() - w + 1);
    int y = rnd.nextInt(src.getHeight() - h + 1);
    double[] gain = {0.85 + 0.3 * rnd.nextDouble(), 0.85 + 0.3 * rnd.nextDouble(), 0.85 + 0.3 * rnd.nextDouble()};
    int brightness = rnd.nextInt(25) - 12;
    double scale = Math.min((double) size / w, (double) size / h);
    int dw = Math.max(1, (int) Math.round(w * scale));
    int dh = Math.max(1, (int) Math.round(h * scale));
    BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int left = (size - dw) / 2;
      int top = (size - dh) / 2;
      g.drawImage(src, flip ? left + dw : left, top, flip ? left : left + dw, top + dh, x, y, x + w, y + h, null);
    } finally {
      g.dispose();
    }
    shiftColours(dst, gain, brightness);
    return dst;
  }

  private static void shiftColours(BufferedImage img, double[] gain, int brightness) {
    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < px.length; i++) {
      int r = channel(px[i] >> 16, gain[0], brightness);
      int g = channel(px[i] >> 8, gain[1], brightness);
      int b = channel(px[i], gain[2], brightness);
      px[i] = r << 16 | g << 8 | b;
    }
    img.setRGB(0, 0, img.getWidth(), img.getHeight(), px, 0, img.getWidth());
  }

  private static int channel(int v, double gain, int brightness) {
    return Math.max(0, Math.min(255, (int) Math.round((v & 0xFF) * gain) + brightness));
  }

  /** The image as JPEG bytes at the fixed quality. */
  static byte[] jpeg(BufferedImage img) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(QUALITY);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new InfrastructureException("distractor image: cannot encode JPEG: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
