package io.lensbench.encoders.joint;

import io.lensbench.core.Images;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

/**
 * Image → fixed-size RGB bytes (letterboxed on white, the catalogue background) → normalised
 * CHW floats. Plain Java, deterministic.
 */
public final class ImagePixels {
  private ImagePixels() {}

  /**
   * Reads (under core {@link Images}' pixel cap) and letterboxes an image to size×size RGB bytes
   * (HWC order).
   */
  public static byte[] load(Path file, int size) {
    return letterbox(Images.read(file), size);
  }

  public static byte[] letterbox(BufferedImage src, int size) {
    BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      double scale = Math.min((double) size / src.getWidth(), (double) size / src.getHeight());
      int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
      g.drawImage(src, (size - w) / 2, (size - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    byte[] out = new byte[size * size * 3];
    int k = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = dst.getRGB(x, y);
        out[k++] = (byte) (rgb >> 16);
        out[k++] = (byte) (rgb >> 8);
        out[k++] = (byte) rgb;
      }
    }
    return out;
  }

  /**
   * Writes normalised CHW floats ((v/255 − 0.5)/0.5) into dst at offset; with rnd != null applies
   * a random horizontal flip and a shift of up to ±maxShift pixels (filled white).
   */
  public static void toChw(byte[] hwc, int size, float[] dst, int offset, Random rnd, int maxShift) {
    boolean flip = false;
    int dx = 0;
    int dy = 0;
    if (rnd != null) {
      flip = rnd.nextBoolean();
      dx = rnd.nextInt(2 * maxShift + 1) - maxShift;
      dy = rnd.nextInt(2 * maxShift + 1) - maxShift;
    }
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      int sy = y - dy;
      for (int x = 0; x < size; x++) {
        int sx0 = x - dx;
        int sx = flip ? size - 1 - sx0 : sx0;
        int o = offset + y * size + x;
        if (sy < 0 || sy >= size || sx < 0 || sx >= size) {
          dst[o] = 1f;
          dst[o + plane] = 1f;
          dst[o + 2 * plane] = 1f;
        } else {
          int s = (sy * size + sx) * 3;
          dst[o] = ((hwc[s] & 0xff) / 255f - 0.5f) / 0.5f;
          dst[o + plane] = ((hwc[s + 1] & 0xff) / 255f - 0.5f) / 0.5f;
          dst[o + 2 * plane] = ((hwc[s + 2] & 0xff) / 255f - 0.5f) / 0.5f;
        }
      }
    }
  }
}
