package io.lensbench.datasets.trec;

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
  private final InputStream in;
  private final Path file;
  private byte[] buf = new byte[1 << 20];
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

  /** Advances to the next non-blank line; false at end of file. One pass over the bytes. */
  boolean next() {
    while (true) {
      fields = 0;
      fieldCount = 0;
      int i = pos;
      int fs = -1;
      while (true) {
        if (i == limit) {
          if (!eof) {
            int shift = refill();
            i -= shift;
            if (fs >= 0) {
              fs -= shift;
            }
            for (int k = 0; k < fields; k++) {
              fieldStart[k] -= shift;
              fieldEnd[k] -= shift;
            }
            continue;
          }
          if (i == pos) {
            return false;
          }
          if (fs >= 0) {
            addField(fs, i);
          }
          pos = limit;
          lineNo++;
          break;
        }
        byte c = buf[i];
        if (c == '\n') {
          if (fs >= 0) {
            addField(fs, i);
          }
          pos = i + 1;
          lineNo++;
          break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
          if (fs >= 0) {
            addField(fs, i);
            fs = -1;
          }
        } else if (fs < 0) {
          fs = i;
        }
        i++;
      }
      if (fieldCount > 0) {
        return true;
      }
    }
  }

  private void addField(int s, int e) {
    if (fields < MAX_FIELDS) {
      fieldStart[fields] = s;
      fieldEnd[fields] = e;
      fields++;
    }
    fieldCount++;
  }

  /** Moves the unread tail to the front, grows when full, reads more; returns the shift. */
  private int refill() {
    int shift = pos;
    int carried = limit - pos;
    if (shift > 0) {
      System.arraycopy(buf, pos, buf, 0, carried);
    } else if (carried == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    pos = 0;
    limit = carried;
    try {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return shift;
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
