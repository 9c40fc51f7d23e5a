package io.lensbench.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header declares a huge image
 * (e.g. 30000 × 30000 RGBA, 3.6 GB once decoded). Its pixel data holds only the first rows — a
 * decoder allocates the whole image from the header before it reads them, which is what the
 * pixel cap must prevent.
 */
public final class PngBomb {
  private PngBomb() {}

  /** Writes the bomb to {@code file} and returns it. */
  public static Path write(Path file, int width, int height) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(width);
    h.writeInt(height);
    h.writeByte(8); // bit depth
    h.writeByte(6); // colour type: RGBA
    h.writeByte(0); // compression
    h.writeByte(0); // filter
    h.writeByte(0); // no interlace
    chunk(png, "IHDR", ihdr.toByteArray());
    chunk(png, "IDAT", firstRows(width, 4));
    chunk(png, "IEND", new byte[0]);
    Files.write(file, png.toByteArray());
    return file;
  }

  /** Zlib data of {@code rows} all-zero rows (filter byte 0 + 4 bytes per pixel). */
  private static byte[] firstRows(int width, int rows) {
    byte[] raw = new byte[rows * (1 + 4 * width)];
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    d.setInput(raw);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    out.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
