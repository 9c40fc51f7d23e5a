package io.lensbench.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads text whose size an outsider controls (datasets, run directories, experiment files)
 * with bounds: a line longer than the cap, a file larger than the cap, or bytes that are not
 * UTF-8 are bad input naming the file and line — never an OutOfMemoryError, never a silently
 * replaced character.
 */
public final class BoundedText {
  /** The default cap on one line: 16 MiB (a JSON line with a long text still fits). */
  public static final int MAX_LINE_BYTES = 16 << 20;

  /** Receives each line (without its newline) and its 1-based number. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(String line, int lineNo);
  }

  private BoundedText() {}

  /** Receives a line that cannot be read (too long, not UTF-8): its number and what is wrong. */
  @FunctionalInterface
  public interface LineProblem {
    void accept(int lineNo, String problem);
  }

  /** Calls {@code handler} for every line of {@code file}; an unreadable line fails the read. */
  public static void eachLine(Path file, int maxLineBytes, LineHandler handler) {
    eachLine(file, maxLineBytes, handler, null);
  }

  /**
   * Calls {@code handler} for every line of {@code file}. A line longer than the cap or not
   * UTF-8 goes to {@code problems} and is skipped (its bytes read and dropped), so one bad line
   * costs that line only; with {@code problems} null it fails the whole read instead.
   */
  public static void eachLine(Path file, int maxLineBytes, LineHandler handler,
      LineProblem problems) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": expected a file, found a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      new Lines(file, maxLineBytes, handler, problems).readAll(in);
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: cannot read (%s)", file,
          e.getMessage()), e);
    }
  }

  /** Splits a stream into lines, holding at most one line (up to the cap) at a time. */
  private static final class Lines {
    private final Path file;
    private final int max;
    private final LineHandler handler;
    private final LineProblem problems;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int lineNo = 1;
    private boolean tooLong;

    Lines(Path file, int max, LineHandler handler, LineProblem problems) {
      this.file = file;
      this.max = max;
      this.handler = handler;
      this.problems = problems;
    }

    void readAll(InputStream in) throws IOException {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) >= 0) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            append(buf, from, i - from);
            endLine();
            from = i + 1;
          }
        }
        append(buf, from, n - from);
      }
      if (line.size() > 0 || tooLong) {
        endLine();
      }
    }

    private void append(byte[] buf, int from, int len) {
      if (tooLong) {
        return;
      }
      line.write(buf, from, len);
      if (line.size() > max) {
        if (problems == null) {
          throw new BadInputException(String.format(Locale.ROOT, "%s line %d: %s", file, lineNo,
              tooLongProblem(max)));
        }
        tooLong = true;
        line.reset();
      }
    }

    private void endLine() {
      if (tooLong) {
        problems.accept(lineNo, tooLongProblem(max));
      } else {
        String text = problems == null ? decode(file, lineNo, line.toByteArray())
            : decodeOrNull(line.toByteArray());
        if (text == null) {
          problems.accept(lineNo, NOT_UTF8);
        } else {
          handler.accept(text, lineNo);
        }
      }
      line.reset();
      tooLong = false;
      lineNo++;
    }
  }

  /** The whole file as text, refusing files over {@code maxBytes}. */
  public static String read(Path file, long maxBytes) {
    try {
      if (Files.isDirectory(file)) {
        throw new BadInputException(file + ": expected a file, found a directory");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: expected at most %,d bytes, found %,d", file, maxBytes, size));
      }
      return decode(file, 0, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: cannot read (%s)", file,
          e.getMessage()), e);
    }
  }

  private static String tooLongProblem(int max) {
    return String.format(Locale.ROOT, "expected a line of at most %,d bytes, found a longer one", max);
  }

  private static final String NOT_UTF8 = "expected UTF-8 text, found bytes that are not UTF-8";

  private static String decode(Path file, int lineNo, byte[] bytes) {
    String s = decodeOrNull(bytes);
    if (s == null) {
      throw new BadInputException(String.format(Locale.ROOT, "%s%s: %s", file,
          lineNo > 0 ? " line " + lineNo : "", NOT_UTF8));
    }
    return s;
  }

  /** Strict UTF-8 without a trailing CR, or null when the bytes are not UTF-8. */
  private static String decodeOrNull(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
