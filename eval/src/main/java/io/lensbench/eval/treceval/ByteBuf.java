package io.lensbench.eval.treceval;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Minimal growable byte buffer used to build output exactly as C's stdio would write it. */
final class ByteBuf {
  private byte[] data;
  private int size;

  ByteBuf() {
    this(256);
  }

  ByteBuf(int capacity) {
    data = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  private void ensure(int extra) {
    if (size + extra > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }

  ByteBuf append(byte b) {
    ensure(1);
    data[size++] = b;
    return this;
  }

  ByteBuf append(char c) {
    return append((byte) c);
  }

  ByteBuf append(byte[] b) {
    return append(b, 0, b.length);
  }

  ByteBuf append(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, data, size, len);
    size += len;
    return this;
  }

  /** Appends an ASCII/Latin-1 string byte by byte (all strings built here are ASCII). */
  ByteBuf append(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      data[size++] = (byte) s.charAt(i);
    }
    return this;
  }

  ByteBuf appendBuf(ByteBuf other) {
    return append(other.data, 0, other.size);
  }

  /** {@code %-Ns}: left-justified, padded with spaces to at least {@code width} bytes. */
  ByteBuf appendLeft(byte[] s, int width) {
    append(s);
    for (int i = s.length; i < width; i++) {
      append((byte) ' ');
    }
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(data, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(data, size);
  }
}
