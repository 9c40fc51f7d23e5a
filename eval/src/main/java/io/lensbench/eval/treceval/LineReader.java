package io.lensbench.eval.treceval;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
* Streams an input file line by line over a reusable buffer. Lines are not copied: the caller gets the
* buffer and the line bounds (without the terminating newline) and must copy what it keeps. A line longer
* than {@link #MAX_LINE} bytes is refused with a clear error instead of growing memory without bound.
*/
final class LineReader implements Closeable {
  static final int MAX_LINE = 64 * 1024;
  private static final boolean[] SPACE = new boolean[256];

  static {
    for (int c : new int[] {' ', '\t', '\n', 11, 12, '\r'}) {
      SPACE[c] = true;
    }
  }
  private static final int CHUNK = 1 << 20;

  private final InputStream in;
  private final String fileName;
  private final String who;
  private byte[] buf = new byte[CHUNK + MAX_LINE + 1];
  private int pos;
  private int lim;
  private boolean eof;
  private long lineNo;

  /** Bounds of the current line in {@link #buf()}. */
  int start;
  int end;

  LineReader(InputStream in, String fileName, String who) {
    this.in = in;
    this.fileName = fileName;
    this.who = who;
  }

  static LineReader open(String fileName, String who, String kind) throws TrecEvalException {
    try {
      Path p = Path.of(fileName);
      if (!Files.isRegularFile(p) || Files.size(p) <= 0) {
        throw new IOException("empty or not a regular file");
      }
      return new LineReader(Files.newInputStream(p), fileName, who);
    } catch (IOException | RuntimeException e) {
      throw new TrecEvalException(2, "trec_eval." + who + ": Cannot read " + kind + " file '" + fileName
        + "'\ntrec_eval: Quit in file '" + fileName + "'\n");
    }
  }

  byte[] buf() {
    return buf;
  }

  /** Physical line number (1-based) of the current line. */
  long lineNo() {
    return lineNo;
  }

  /** Advances to the next line; returns false at end of input. */
  boolean next() throws TrecEvalException {
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          if (i - pos > MAX_LINE) {
            throw tooLong();
          }
          start = pos;
          end = i;
          pos = i + 1;
          lineNo++;
          return true;
        }
      }
      if (lim - pos > MAX_LINE) {
        throw tooLong();
      }
      if (eof) {
        if (pos < lim) {
          start = pos;
          end = lim;
          pos = lim;
          lineNo++;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private TrecEvalException tooLong() {
    return new TrecEvalException(2, "trec_eval." + who + ": line " + (lineNo + 1) + " of '" + fileName
      + "' is longer than " + MAX_LINE + " bytes\ntrec_eval: Quit in file '" + fileName + "'\n");
  }

  private void fill() throws TrecEvalException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    try {
      while (lim < buf.length) {
        int n = in.read(buf, lim, Math.min(CHUNK, buf.length - lim));
        if (n < 0) {
          eof = true;
          return;
        }
        lim += n;
        if (n > 0) {
          return;
        }
      }
    } catch (IOException e) {
      throw new TrecEvalException(2, "trec_eval." + who + ": Cannot read file '" + fileName + "': "
        + e.getMessage() + "\ntrec_eval: Quit in file '" + fileName + "'\n");
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing useful to do
    }
  }

  /**
  * Advances to the next line and splits it into whitespace-separated tokens in one pass; fills
  * {@code tokStart}/{@code tokEnd} with at most {@code max} tokens and returns the total number of tokens
  * on the line (0 for a blank line), or -1 at end of input. {@link #start}/{@link #end} bound the line.
  */
  int nextTokens(int[] tokStart, int[] tokEnd, int max) throws TrecEvalException {
    final boolean[] space = SPACE;
    while (true) {
      final byte[] b = buf;
      final int l = lim;
      int i = pos;
      int n = 0;
      while (true) {
        byte c = 0;
        while (i < l && space[(c = b[i]) & 0xff] && c != '\n') {
          i++;
        }
        if (i >= l) {
          break;
        }
        if (c == '\n') {
          if (i - pos > MAX_LINE) {
            throw tooLong();
          }
          start = pos;
          end = i;
          pos = i + 1;
          lineNo++;
          return n;
        }
        int s = i;
        i++;
        while (i < l) {
          int x = b[i] & 0xff;
          if (x <= ' ' && space[x]) {
            break;
          }
          i++;
        }
        if (n < max) {
          tokStart[n] = s;
          tokEnd[n] = i;
        }
        n++;
      }
      // no newline in the buffer: refill (or take the unterminated last line)
      if (l - pos > MAX_LINE) {
        throw tooLong();
      }
      if (eof) {
        if (pos >= l) {
          return -1;
        }
        start = pos;
        end = l;
        pos = l;
        lineNo++;
        return n;
      }
      fill();
    }
  }

  /**
  * Splits the current line into whitespace-separated tokens; fills {@code tokStart}/{@code tokEnd} with at
  * most {@code max} tokens and returns the total number of tokens on the line.
  */
  int tokens(int[] tokStart, int[] tokEnd, int max) {
    int n = 0;
    int i = start;
    final byte[] b = buf;
    while (true) {
      while (i < end && CText.isSpace(b[i])) {
        i++;
      }
      if (i >= end) {
        return n;
      }
      int s = i;
      while (i < end && !CText.isSpace(b[i])) {
        i++;
      }
      if (n < max) {
        tokStart[n] = s;
        tokEnd[n] = i;
      }
      n++;
    }
  }

  /** True if the line is empty or whitespace only. */
  boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (!CText.isSpace(buf[i])) {
        return false;
      }
    }
    return true;
  }

  /** First non-whitespace byte of the line, or -1. */
  int firstNonSpace() {
    for (int i = start; i < end; i++) {
      if (!CText.isSpace(buf[i])) {
        return buf[i];
      }
    }
    return -1;
  }
}
