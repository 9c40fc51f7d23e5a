package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Images;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that image files exist and decode (a full decode through core {@link Images}, so an
 * image over the pixel cap is refused from its header, before decoding). Remembers results for
 * the lifetime of one instance, so an image referenced twice is decoded once.
 */
public final class ImageCheck {
  private final Map<Path, String> results = new HashMap<>();
  private final long maxPixels = Images.maxPixels();

  /** Null when the image is readable; otherwise what is wrong with it. */
  public String problem(Path image) {
    return results.computeIfAbsent(image, this::check);
  }

  private String check(Path image) {
    try {
      Images.read(image, maxPixels);
      return null;
    } catch (BadInputException e) {
      return e.getMessage();
    }
  }
}
