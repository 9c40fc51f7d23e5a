package io.lensbench.reports;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.Images;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Downscaled JPEG thumbnails for one report, cached per (image content hash, size) so an image shown
 * many times is encoded — and embedded — once: each unique thumbnail becomes one CSS class whose
 * background is a base64 data URI ({@link #css()}). Unreadable or missing images, and images over
 * the pixel cap (core {@link Images}, checked before decoding), yield null and the caller shows
 * the id instead.
 */
public final class Thumbnails {
  /** A stored thumbnail: CSS class name, pixel size and encoded byte count. */
  public record Thumb(String cssClass, int width, int height, int bytes) {}

  private final Map<String, Thumb> byKey = new LinkedHashMap<>();
  private final Map<String, String> dataUris = new LinkedHashMap<>();
  private final Map<String, String> pathToHash = new LinkedHashMap<>();
  private final float quality;
  private long totalBytes;

  public Thumbnails(float quality) {
    this.quality = quality;
  }

  /** Thumbnail of the image at {@code path} fitted into a maxPx square box, or null. */
  public Thumb get(String path, int maxPx) {
    if (path == null || path.isBlank()) {
      return null;
    }
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      return null;
    }
    String hash = pathToHash.computeIfAbsent(path, k -> Hashing.sha256Hex(p));
    String key = hash + "@" + maxPx;
    Thumb t = byKey.get(key);
    if (t != null) {
      return t;
    }
    try {
      BufferedImage src = decode(p);
      if (src == null) {
        return null;
      }
      double scale = Math.min(1.0, Math.min((double) maxPx / src.getWidth(), (double) maxPx / src.getHeight()));
      int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
      BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = dst.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // two-step downscale keeps small thumbnails from aliasing
        java.awt.Image scaled = scale < 0.5 ? src.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING) : src;
        g.drawImage(scaled, 0, 0, w, h, null);
      } finally {
        g.dispose();
      }
      byte[] jpeg = encode(dst);
      String cls = "im" + byKey.size();
      dataUris.put(cls, "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
      totalBytes += jpeg.length;
      t = new Thumb(cls, w, h, jpeg.length);
      byKey.put(key, t);
      return t;
    } catch (IOException e) {
      return null;
    }
  }

  /** The image under core {@link Images}' pixel cap, or null (shown as its id) when refused. */
  private static BufferedImage decode(Path p) {
    try {
      return Images.read(p);
    } catch (BadInputException e) {
      return null;
    }
  }

  private byte[] encode(BufferedImage img) throws IOException {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter w = it.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      w.setOutput(out);
      ImageWriteParam param = w.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      w.write(null, new IIOImage(img, null, null), param);
    } finally {
      w.dispose();
    }
    return bytes.toByteArray();
  }

  public int count() {
    return byKey.size();
  }

  public long totalBytes() {
    return totalBytes;
  }

  /** One CSS rule per thumbnail; base64 and generated class names only, no data strings. */
  public String css() {
    StringBuilder b = new StringBuilder();
    dataUris.forEach((cls, uri) -> b.append('.').append(cls).append("{background-image:url(").append(uri).append(")}\n"));
    return b.toString();
  }
}
