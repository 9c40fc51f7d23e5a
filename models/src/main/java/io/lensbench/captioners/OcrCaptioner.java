package io.lensbench.captioners;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Images;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.Subprocess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OCR "caption": the text tesseract reads in the image ({@code tesseract IMG - -l eng+kor --psm
 * N}), whitespace-normalised. Needs Debian {@code tesseract-ocr} and {@code tesseract-ocr-kor}
 * (scripts/setup-system.sh installs them); a clear error names what is missing.
 */
public final class OcrCaptioner implements Captioner {
  /** Output kept from one tesseract call: 4 MiB (a table image reads as a few hundred bytes). */
  private static final int MAX_OUTPUT_BYTES = 4 << 20;

  private final String executable;
  private final String languages;
  private final int psm;
  private final Duration timeout;
  private final String version;

  /**
   * tesseract on PATH, eng+kor, page segmentation mode 4 (a single column of text of variable
   * sizes), 60 s per image. Mode 4, not the default 3: with 3, tesseract takes the narrow column
   * of short Hangul labels in a rendered attribute table for vertical text (all labels read on 9 of
   * 20 Korean tables; with 4 on 40 of 40 — measured on the fashion table images).
   */
  public OcrCaptioner() {
    this("tesseract", "eng+kor", 4, Duration.ofSeconds(60));
  }

  public OcrCaptioner(String executable, String languages, int psm, Duration timeout) {
    this.executable = executable;
    this.languages = languages;
    this.psm = psm;
    this.timeout = timeout;
    String v = run(List.of(executable, "--version"), "checking the tesseract version").trim();
    this.version = v.isEmpty() ? "unknown" : v.lines().findFirst().orElse("unknown").trim();
    String langs = run(List.of(executable, "--list-langs"), "listing tesseract languages");
    List<String> have = langs.lines().map(String::trim).toList();
    for (String l : languages.split("\\+")) {
      if (!have.contains(l)) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "tesseract (%s): language '%s' is not installed (found %s); install Debian package"
                + " tesseract-ocr-%s (scripts/setup-system.sh)", version, l,
            have.subList(Math.min(1, have.size()), have.size()), l));
      }
    }
  }

  @Override
  public String id() {
    return "ocr:" + version.replace(' ', '-') + ":" + languages + ":psm" + psm;
  }

  @Override
  public String decodingParams() {
    return "languages=" + languages + ";psm=" + psm;
  }

  @Override
  public List<String> caption(List<Path> images) {
    List<String> out = new ArrayList<>(images.size());
    for (Path img : images) {
      if (!Files.isRegularFile(img)) {
        throw new BadInputException("OCR: image " + img + " does not exist");
      }
      Images.requireWithin(img); // tesseract decodes it: the same pixel cap as ours
      String text = run(List.of(executable, img.toString(), "-", "-l", languages, "--psm",
          Integer.toString(psm)), "reading " + img);
      out.add(text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").trim());
    }
    return out;
  }

  /** Runs tesseract through core {@link Subprocess}: output drained on threads, killed at the deadline. */
  private String run(List<String> cmd, String what) {
    Subprocess.Result r;
    try {
      r = Subprocess.run(cmd, null, null, timeout, MAX_OUTPUT_BYTES);
    } catch (IOException e) {
      throw new InfrastructureException("OCR: could not run '" + cmd.get(0) + "' while " + what
          + " (expected Debian tesseract-ocr + tesseract-ocr-kor on PATH; install them with"
          + " scripts/setup-system.sh): " + e.getMessage(), e);
    } catch (Subprocess.TimeoutException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "OCR: tesseract did not finish within %d ms while %s (killed)", timeout.toMillis(), what), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("OCR: interrupted while " + what, e);
    }
    if (r.exitCode() != 0) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "OCR: tesseract exited with %d while %s: %s", r.exitCode(), what, r.stderr().trim()));
    }
    String s = r.stdoutText();
    // tesseract 5 --version / --list-langs print to stdout; older ones to stderr
    return s.isBlank() ? r.stderr() : s;
  }

  @Override
  public void close() {
    // one short-lived process per image; nothing held open
  }
}
