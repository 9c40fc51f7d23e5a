package io.lensbench.encoders.pretrained;

import io.lensbench.core.BadInputException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A decoded image as packed 8-bit RGB, the bytes Pillow's {@code convert("RGB")} gives: 3-byte BGR
 * rasters are reordered, greyscale rasters are read as raw samples ({@code getRGB} would apply a
 * linear-to-sRGB conversion and brighten them), anything else goes through {@code getRGB}
 * (docs/decisions.md#imageio-grey).
 */
public record RgbImage(byte[] rgb, int width, int height) {

  public static RgbImage read(Path file) {
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new BadInputException("image " + file + ": unreadable (" + e.getMessage() + ")", e);
    }
    if (img == null) {
      throw new BadInputException("image " + file + ": expected a JPEG/PNG/GIF/BMP readable by"
          + " ImageIO, found an unknown format");
    }
    return of(img);
  }

  public static RgbImage of(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 3];
    if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < w * h; i++) {
        out[i * 3] = bgr[i * 3 + 2];
        out[i * 3 + 1] = bgr[i * 3 + 1];
        out[i * 3 + 2] = bgr[i * 3];
      }
    } else if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      Raster r = img.getRaster();
      int[] g = r.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int i = 0; i < g.length; i++) {
        out[i * 3] = (byte) g[i];
        out[i * 3 + 1] = (byte) g[i];
        out[i * 3 + 2] = (byte) g[i];
      }
    } else {
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < argb.length; i++) {
        out[i * 3] = (byte) (argb[i] >> 16);
        out[i * 3 + 1] = (byte) (argb[i] >> 8);
        out[i * 3 + 2] = (byte) argb[i];
      }
    }
    return new RgbImage(out, w, h);
  }

  /** The whole image resized to size × size with Pillow's BILINEAR ({@link PilResize}). */
  public byte[] resized(int size) {
    return PilResize.resizeRgb(rgb, width, height, size, size);
  }
}
