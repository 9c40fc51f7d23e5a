package io.lensbench.eval.trec;

import io.lensbench.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a file into lines and whitespace-separated fields without allocating per line.
 * Fields are byte ranges of {@link #buf()}; valid until the next {@link #next()}.
 */
final class LineScanner implements AutoCloseable {
  static final int MAX_FIELDS = 16;
  /** Longer lines are bad input: a TREC line holds six short fields. */
  static final int MAX_LINE_BYTES = 1 << 20;
  private final InputStream in;
  private final Path file;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private int lineNo;
  final int[] fieldStart = new int[MAX_FIELDS];
  final int[] fieldEnd = new int[MAX_FIELDS];
  int fields;
  /** Number of fields on the line (may exceed MAX_FIELDS; only the first are recorded). */
  int fieldCount;

  LineScanner(Path file) {
    this.file = file;
    if (Files.isDirectory(file)) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s: expected a file, found a directory", file));
    }
    try {
      this.in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(String.format(Locale.ROOT, "file not found: %s", file));
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "cannot read %s: %s", file, e), e);
    }
  }

  byte[] buf() {
    return buf;
  }

  int lineNo() {
    return lineNo;
  }

  Path file() {
    return file;
  }

  /** Advances to the next non-blank line; false at end of file. */
  boolean next() {
    while (true) {
      int nl = findNewline();
      if (nl < 0) {
        return false;
      }
      int start = pos;
      int end = nl;
      pos = Math.min(nl + 1, limit);
      if (nl == limit) {
        pos = limit; // last line without newline
      }
      lineNo++;
      split(start, end);
      if (fieldCount > 0) {
        return true;
      }
    }
  }

  private int findNewline() {
    int from = pos;
    while (true) {
      for (int i = from; i < limit; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      if (eof) {
        return pos < limit ? limit : -1;
      }
      // compact and refill
      int carried = limit - pos;
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, carried);
      } else if (carried == buf.length) {
        if (buf.length >= MAX_LINE_BYTES) {
          throw new BadInputException(String.format(Locale.ROOT,
              "%s line %d: expected a line of at most %d bytes, found a longer one (no newline?)",
              file, lineNo + 1, MAX_LINE_BYTES));
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      pos = 0;
      limit = carried;
      from = carried;
      try {
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
          eof = true;
        } else {
          limit += r;
        }
      } catch (IOException e) {
        throw new BadInputException(String.format(Locale.ROOT, "%s: cannot read (%s)", file,
            e.getMessage()), e);
      }
    }
  }

  private void split(int start, int end) {
    fields = 0;
    fieldCount = 0;
    int i = start;
    while (i < end) {
      byte c = buf[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      int s = i;
      while (i < end && buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
        i++;
      }
      if (fields < MAX_FIELDS) {
        fieldStart[fields] = s;
        fieldEnd[fields] = i;
        fields++;
      }
      fieldCount++;
    }
  }

  String field(int f) {
    return new String(buf, fieldStart[f], fieldEnd[f] - fieldStart[f],
        java.nio.charset.StandardCharsets.UTF_8);
  }

  BadInputException error(String what) {
    return new BadInputException(
        String.format(Locale.ROOT, "%s line %d: %s", file, lineNo, what));
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
