package io.lensbench.cache;

import static io.lensbench.cache.FrameFormat.FRAME_HEADER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads frames in order from a position up to a size, through a 1 MiB window, and stops at the
 * first frame that is incomplete ({@link Recovery#TORN}) or fails its length, checksum or payload
 * check ({@link Recovery#CORRUPT}).
 */
final class FrameScanner {
  private static final int WINDOW = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private long position;
  private String cause;
  private ByteBuffer window = ByteBuffer.allocate(0);
  private long windowStart;

  FrameScanner(FileChannel channel, long from, long size) {
    this.channel = channel;
    this.position = from;
    this.size = size;
  }

  /** Passes every valid frame to {@code sink}; returns how many. */
  long readAll(FramedFile.FrameSink sink) throws IOException {
    long records = 0;
    while (position < size) {
      if (size - position < FRAME_HEADER) {
        cause = Recovery.TORN;
        break;
      }
      ByteBuffer head = bytes(position, FRAME_HEADER);
      if (head == null) {
        cause = Recovery.TORN; // the file shrank while being read
        break;
      }
      int length = head.getInt(head.position());
      int checksum = head.getInt(head.position() + 4);
      if (!FrameFormat.validLength(length)) {
        cause = Recovery.CORRUPT;
        break;
      }
      if (size - position - FRAME_HEADER < length) {
        cause = Recovery.TORN;
        break;
      }
      ByteBuffer payload = bytes(position + FRAME_HEADER, length);
      if (payload == null) {
        cause = Recovery.TORN;
        break;
      }
      if (FrameFormat.checksum(length, payload) != checksum
          || !sink.accept(position, length, payload)) {
        cause = Recovery.CORRUPT;
        break;
      }
      position += FrameFormat.frameSize(length);
      records++;
    }
    return records;
  }

  /** Where reading stopped: the end of the last valid frame. */
  long position() {
    return position;
  }

  /** Why reading stopped before the end, or null. */
  String cause() {
    return cause;
  }

  /** Frames from {@link #position()} to the end, counted by their length fields. */
  long framesLeft() throws IOException {
    long frames = 0;
    long at = position;
    while (at < size) {
      frames++;
      ByteBuffer head = size - at < FRAME_HEADER ? null : bytes(at, FRAME_HEADER);
      int length = head == null ? 0 : head.getInt();
      if (!FrameFormat.validLength(length)) {
        break;
      }
      at += FrameFormat.frameSize(length);
    }
    return frames;
  }

  /** {@code length} bytes at {@code at} as a read-only view; null when the file ends first. */
  private ByteBuffer bytes(long at, int length) throws IOException {
    if (at < windowStart || at + length > windowStart + window.limit()) {
      window = ByteBuffer.allocate((int) Math.min(Math.max(length, WINDOW), size - at));
      boolean full = readFully(channel, window, at);
      window.flip();
      windowStart = at;
      if (!full && window.limit() < length) {
        return null;
      }
    }
    int from = (int) (at - windowStart);
    return window.asReadOnlyBuffer().position(from).limit(from + length).slice();
  }

  /** Fills {@code into} from {@code at}; false when the file ends first. */
  static boolean readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      if (channel.read(into, at + into.position()) < 0) {
        return false;
      }
    }
    return true;
  }
}
