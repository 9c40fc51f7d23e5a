package io.lensbench.captioners;

import java.nio.file.Path;
import java.util.List;

/** Renders text images for tests in other packages. */
public final class OcrCaptionerTestSupport {
  private OcrCaptionerTestSupport() {}

  public static Path render(Path file, List<String> lines) throws Exception {
    return OcrCaptionerTest.render(file, lines);
  }
}
