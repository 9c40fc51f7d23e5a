package io.lensbench.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes images that came from outside (datasets, run records, candidates) with a pixel cap
 * checked before decoding: the width and height are read from the image header first, and an
 * image over the cap is bad input naming the file — so a decompression bomb (a small file that
 * declares 30000×30000 pixels) is refused instead of ending in an OutOfMemoryError. The decode
 * itself is exactly {@link ImageIO#read(java.io.File)}'s (first reader, default parameters).
 */
public final class Images {
  /** The default cap: 40 megapixels (a 7,000 × 5,700 photo; the fashion photos are 0.05 MP). */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  /** Environment variable that overrides {@link #DEFAULT_MAX_PIXELS} (a positive integer). */
  public static final String MAX_PIXELS_ENV = "LENSBENCH_MAX_IMAGE_PIXELS";

  /** An image's size as its header declares it. */
  public record Size(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  private Images() {}

  /** The cap in force: {@value #MAX_PIXELS_ENV} when set, else {@link #DEFAULT_MAX_PIXELS}. */
  public static long maxPixels() {
    String v = System.getenv(MAX_PIXELS_ENV);
    if (v == null || v.isBlank()) {
      return DEFAULT_MAX_PIXELS;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(String.format(Locale.ROOT,
        "%s: expected a positive number of pixels, found %s", MAX_PIXELS_ENV, Names.quote(v)));
  }

  /** Decodes {@code file} under the cap in force ({@link #maxPixels()}). */
  public static BufferedImage read(Path file) {
    return read(file, maxPixels());
  }

  /**
   * Decodes {@code file}, refusing it before decoding when its header declares more than
   * {@code maxPixels} pixels.
   *
   * @throws BadInputException naming the file when it is missing, not an image ImageIO reads,
   *     over the cap, or corrupt
   */
  public static BufferedImage read(Path file, long maxPixels) {
    return withReader(file, reader -> {
      checkSize(file, size(reader), maxPixels);
      BufferedImage img = reader.read(0, reader.getDefaultReadParam());
      if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
        throw new BadInputException("image has no pixels: " + file);
      }
      return img;
    });
  }

  /** The size {@code file}'s header declares, refused when over {@code maxPixels}; nothing is decoded. */
  public static Size requireWithin(Path file, long maxPixels) {
    return withReader(file, reader -> checkSize(file, size(reader), maxPixels));
  }

  /** {@link #requireWithin(Path, long)} under the cap in force. */
  public static Size requireWithin(Path file) {
    return requireWithin(file, maxPixels());
  }

  private interface ReaderTask<T> {
    T apply(ImageReader reader) throws IOException;
  }

  private static <T> T withReader(Path file, ReaderTask<T> task) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("image file not found: " + file);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new BadInputException("image cannot be decoded (no ImageIO reader recognises it; "
            + "expected JPEG, PNG, GIF or BMP): " + file);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return task.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("image file not found: " + file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw new BadInputException("image cannot be decoded (" + e.getMessage() + "): " + file, e);
    }
  }

  private static Size size(ImageReader reader) throws IOException {
    return new Size(reader.getWidth(0), reader.getHeight(0));
  }

  private static Size checkSize(Path file, Size size, long maxPixels) {
    if (size.width() <= 0 || size.height() <= 0) {
      throw new BadInputException(String.format(Locale.ROOT,
          "image has no pixels: expected a positive width and height, found %d × %d: %s",
          size.width(), size.height(), file));
    }
    if (size.pixels() > maxPixels) {
      throw new BadInputException(String.format(Locale.ROOT,
          "image has too many pixels: expected at most %,d, found %d × %d = %,d: %s (the cap is "
              + "checked before decoding; set %s to raise it)",
          maxPixels, size.width(), size.height(), size.pixels(), file, MAX_PIXELS_ENV));
    }
    return size;
  }
}
