package io.lensbench.openai;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/** One part of a chat message: text, or an image sent inline as a base64 data URL. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

  record Text(String text) implements ContentPart {
    public Text {
      if (text == null) {
        throw new IllegalArgumentException("text part must not be null");
      }
    }
  }

  /**
   * An image part.
   *
   * @param mimeType e.g. {@code image/jpeg}
   * @param bytes encoded image bytes (JPEG, PNG, ...)
   */
  record Image(String mimeType, byte[] bytes) implements ContentPart {
    /** {@code data:<mime>;base64,<bytes>} as OpenAI's {@code image_url.url}. */
    public String dataUrl() {
      return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
      return "Image[" + mimeType + ", " + bytes.length + " bytes]";
    }
  }

  static ContentPart text(String text) {
    return new Text(text);
  }

  static ContentPart png(byte[] bytes) {
    return new Image("image/png", bytes);
  }

  /** The largest image file sent as-is: 32 MiB (the fashion photos are a few kB). */
  long MAX_IMAGE_BYTES = 32L << 20;

  /**
   * Reads an image file as-is (no re-encoding); the MIME type comes from its magic bytes. Its
   * header must declare no more pixels than core {@link Images}' cap and the file must hold at
   * most {@link #MAX_IMAGE_BYTES} — else bad input naming the file, before anything is sent.
   */
  static Image imageFile(Path file) {
    Images.requireWithin(file);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_IMAGE_BYTES) {
        throw new BadInputException(String.format(Locale.ROOT,
            "image %s: expected at most %,d bytes to send, found %,d", file, MAX_IMAGE_BYTES, size));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    return new Image(sniffMime(bytes, file), bytes);
  }

  private static String sniffMime(byte[] b, Path file) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "image/webp";
    }
    if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
      return "image/gif";
    }
    throw new BadInputException(String.format(Locale.ROOT,
        "image %s: expected JPEG, PNG, WebP or GIF bytes, found %d bytes starting %s", file,
        b.length, b.length >= 4 ? String.format(Locale.ROOT, "%02x%02x%02x%02x", b[0], b[1], b[2],
            b[3]) : "(too short)"));
  }
}
