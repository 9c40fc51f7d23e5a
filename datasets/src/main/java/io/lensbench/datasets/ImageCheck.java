package io.lensbench.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks that image files exist and decode (a full decode with ImageIO). Remembers results for
 * the lifetime of one instance, so an image referenced twice is decoded once.
 */
public final class ImageCheck {
  private final Map<Path, String> results = new HashMap<>();

  /** Null when the image is readable; otherwise what is wrong with it. */
  public String problem(Path image) {
    return results.computeIfAbsent(image, ImageCheck::check);
  }

  private static String check(Path image) {
    if (!Files.isRegularFile(image)) {
      return "image file not found: " + image;
    }
    try {
      BufferedImage img = ImageIO.read(image.toFile());
      if (img == null) {
        return "image cannot be decoded (no ImageIO reader recognises it): " + image;
      }
      if (img.getWidth() <= 0 || img.getHeight() <= 0) {
        return "image has no pixels: " + image;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "image cannot be decoded (" + e.getMessage() + "): " + image;
    }
  }
}
