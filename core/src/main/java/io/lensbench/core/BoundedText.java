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

  /** Calls {@code handler} for every line of {@code file}. */
  public static void eachLine(Path file, int maxLineBytes, LineHandler handler) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": expected a file, found a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int lineNo = 1;
      int n;
      while ((n = in.read(buf)) >= 0) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            line.write(buf, from, i - from);
            check(file, lineNo, line.size(), maxLineBytes);
            handler.accept(decode(file, lineNo, line.toByteArray()), lineNo);
            line.reset();
            lineNo++;
            from = i + 1;
          }
        }
        line.write(buf, from, n - from);
        check(file, lineNo, line.size(), maxLineBytes);
      }
      if (line.size() > 0) {
        handler.accept(decode(file, lineNo, line.toByteArray()), lineNo);
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file);
    } catch (IOException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s: cannot read (%s)", file,
          e.getMessage()), e);
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

  private static void check(Path file, int lineNo, int size, int max) {
    if (size > max) {
      throw new BadInputException(String.format(Locale.ROOT,
          "%s line %d: expected a line of at most %,d bytes, found a longer one", file, lineNo, max));
    }
  }

  private static String decode(Path file, int lineNo, byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    } catch (CharacterCodingException e) {
      throw new BadInputException(String.format(Locale.ROOT, "%s%s: expected UTF-8 text, found "
          + "bytes that are not UTF-8", file, lineNo > 0 ? " line " + lineNo : ""));
    }
  }
}
