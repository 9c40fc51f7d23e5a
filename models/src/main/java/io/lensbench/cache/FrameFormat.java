package io.lensbench.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of a cache file (docs/encoders.md, "Caches"): a header, then frames. Everything is
 * big-endian.
 *
 * <pre>
 * header: magic (8 bytes 89 4C 42 43 0D 0A 1A 0A) | version u16 = 1 | reserved u16 = 0
 *         | description length u32 | description (UTF-8) | CRC32C u32 of everything before it
 * frame:  payload length u32 (1 .. 2^24-1) | CRC32C u32 of (length bytes, payload) | payload
 * </pre>
 */
final class FrameFormat {
  private FrameFormat() {}

  static final byte[] MAGIC = {(byte) 0x89, 'L', 'B', 'C', '\r', '\n', 0x1A, '\n'};
  static final int VERSION = 1;
  /** Length and checksum in front of every payload. */
  static final int FRAME_HEADER = 8;
  /** Payload lengths fit 24 bits (the index packs them beside a 40-bit offset). */
  static final int MAX_PAYLOAD = (1 << 24) - 1;
  static final int MAX_DESCRIPTION = 4096;

  /** The header a file holding {@code description} starts with. */
  static byte[] header(String description) {
    byte[] d = description.getBytes(StandardCharsets.UTF_8);
    if (d.length > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("cache description longer than " + MAX_DESCRIPTION);
    }
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 8 + d.length + 4);
    b.put(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(d.length).put(d);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** One frame around {@code payload}. */
  static void putFrame(ByteBuffer out, byte[] payload) {
    out.putInt(payload.length).putInt(checksum(payload.length, ByteBuffer.wrap(payload)));
    out.put(payload);
  }

  static int frameSize(int payloadLength) {
    return FRAME_HEADER + payloadLength;
  }

  /** CRC32C over the 4 length bytes and the payload (the buffer's remaining bytes, untouched). */
  static int checksum(int length, ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(4).putInt(0, length));
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }

  static boolean validLength(int length) {
    return length > 0 && length <= MAX_PAYLOAD;
  }
}
