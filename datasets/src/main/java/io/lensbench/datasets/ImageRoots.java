package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a dataset's image references point: the roots declared in the card ({@code imageRoots:
 * {name: {dataset, builtFrom}}}), each found under the data root (--data, LENSBENCH_DATA,
 * ../shared/datasets, ./data) or, failing that, at the path it was built from. Optionally decodes
 * every image it resolves (once each).
 */
final class ImageRoots {
  /** A resolved reference; {@code problem} is null when the image is fine. */
  record Resolved(Path path, String problem) {}

  private final Path dir;
  private final Map<String, Path> roots;
  private final ImageCheck images = new ImageCheck();
  private final boolean checkImages;

  ImageRoots(Map<String, Object> card, Path dir, LoadOptions options) {
    this.dir = dir;
    this.roots = declared(card, dir, options.dataRoot());
    this.checkImages = options.checkImages();
  }

  /** Resolves a stored reference and, when asked to, checks that the image decodes. */
  Resolved resolve(String ref) {
    Path image = resolveImage(ref, dir, roots);
    String problem = image == null
        ? "image root of '" + ref + "' is not declared in dataset.json imageRoots"
        : checkImages ? images.problem(image) : null;
    return new Resolved(image, problem);
  }

  /** A stored image reference: {@code root:rel}, absolute, or relative to the dataset. */
  static Path resolveImage(String ref, Path dir, Map<String, Path> roots) {
    int colon = ref.indexOf(':');
    if (colon > 1) {
      Path root = roots.get(ref.substring(0, colon));
      return root == null ? null : root.resolve(ref.substring(colon + 1)).normalize();
    }
    Path p = Path.of(ref);
    return p.isAbsolute() ? p : dir.resolve(p).normalize();
  }

  private static Map<String, Path> declared(Map<String, Object> card, Path dir, Path dataRoot) {
    Map<String, Path> roots = new HashMap<>();
    if (!(card.get("imageRoots") instanceof Map<?, ?> decl)) {
      return roots;
    }
    for (Map.Entry<?, ?> e : decl.entrySet()) {
      String rootName = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> spec) || !(spec.get("dataset") instanceof String ds)) {
        throw new BadInputException(dir.resolve(NativeLayout.CARD) + ": imageRoots." + rootName
            + " must be {\"dataset\": NAME, \"builtFrom\": PATH}");
      }
      roots.put(rootName, locate(ds, spec.get("builtFrom"), dir, dataRoot));
    }
    return roots;
  }

  private static Path locate(String ds, Object built, Path dir, Path dataRoot) {
    DataRoot dr = DataRoot.fromEnvironment(dataRoot);
    for (Map.Entry<String, Path> c : dr.candidates()) {
      if (Files.isDirectory(c.getValue().resolve(ds))) {
        return c.getValue().resolve(ds);
      }
      if (c.getKey().equals("--data")) {
        break;
      }
    }
    if (dataRoot == null && built instanceof String b && Files.isDirectory(Path.of(b))) {
      return Path.of(b);
    }
    try {
      dr.locate(ds, "");
    } catch (BadInputException ex) {
      throw new BadInputException("images of " + dir + " live in data source '" + ds
          + "' (built from " + built + "), which is not found: " + ex.getMessage());
    }
    return null;
  }
}
