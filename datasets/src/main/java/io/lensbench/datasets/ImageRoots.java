package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a dataset's image references point: the roots declared in the card ({@code imageRoots:
 * {name: {dataset, builtFrom}}}), each found under the data root (--data, LENSBENCH_DATA,
 * ../shared/datasets, ./data) or, failing that, at the path it was built from. A reference must
 * stay inside its root — {@code root:rel} inside that root, a relative path inside the dataset
 * folder, symbolic links resolved — and absolute paths are refused, unless the card says {@value
 * #OUTSIDE_ROOTS_KEY}: true. Optionally decodes every image it resolves (once each).
 */
final class ImageRoots {
  /** The card key that lets image references point anywhere (absolute paths, {@code ..}, links). */
  static final String OUTSIDE_ROOTS_KEY = "allowImagesOutsideRoots";

  /** A resolved reference; {@code problem} is null when the image is fine. */
  record Resolved(Path path, String problem) {}

  private final Path dir;
  private final Map<String, Path> roots;
  private final ImageCheck images = new ImageCheck();
  private final boolean checkImages;
  private final boolean anywhere;

  ImageRoots(Map<String, Object> card, Path dir, LoadOptions options) {
    this.dir = dir;
    this.roots = declared(card, dir, options.dataRoot());
    this.checkImages = options.checkImages();
    this.anywhere = Boolean.TRUE.equals(card.get(OUTSIDE_ROOTS_KEY));
  }

  /** Resolves a stored reference and, when asked to, checks that the image decodes. */
  Resolved resolve(String ref) {
    String pathProblem = Names.pathProblem(ref);
    if (pathProblem != null) {
      return new Resolved(null, "image reference " + Names.quote(ref)
          + ": expected a path, found " + pathProblem);
    }
    int colon = ref.indexOf(':');
    String rootName = colon > 1 ? ref.substring(0, colon) : null;
    Path root = rootName == null ? dir : roots.get(rootName);
    if (root == null) {
      return new Resolved(null, "image root of '" + ref + "' is not declared in dataset.json imageRoots");
    }
    Path rel;
    try {
      rel = Path.of(rootName == null ? ref : ref.substring(colon + 1));
    } catch (InvalidPathException e) {
      return new Resolved(null, "image reference " + Names.quote(ref) + ": expected a path, found "
          + e.getReason());
    }
    Path image = root.resolve(rel).normalize();
    String problem = anywhere ? null : containment(ref, rel, image, root, rootName);
    if (problem == null && checkImages) {
      problem = images.problem(image);
    }
    return new Resolved(image, problem);
  }

  /** Why {@code image} is outside {@code root} (lexically or through a link), or null. */
  private static String containment(String ref, Path rel, Path image, Path root,
      String rootName) {
    String where = rootName == null ? "the dataset folder " + root
        : "image root '" + rootName + "' (" + root + ")";
    if (rel.isAbsolute()) {
      return outside(ref, "an absolute path");
    }
    if (!image.startsWith(root)) {
      return outside(ref, "a path leading out of " + where);
    }
    if (!Files.exists(image)) {
      return null; // reported as missing by the image check
    }
    try {
      Path real = image.toRealPath();
      Path realRoot = root.toRealPath();
      return real.startsWith(realRoot) ? null
          : outside(ref, "a link leading out of " + where + " to " + real);
    } catch (IOException e) {
      return "image reference " + Names.quote(ref) + ": cannot resolve (" + e.getMessage() + ")";
    }
  }

  private static String outside(String ref, String found) {
    return String.format(java.util.Locale.ROOT, "image reference %s: expected a path inside the "
        + "dataset's image roots, found %s (set \"%s\": true in dataset.json to allow it)",
        Names.quote(ref), found, OUTSIDE_ROOTS_KEY);
  }

  private static Map<String, Path> declared(Map<String, Object> card, Path dir, Path dataRoot) {
    Map<String, Path> roots = new HashMap<>();
    if (!(card.get("imageRoots") instanceof Map<?, ?> decl)) {
      return roots;
    }
    for (Map.Entry<?, ?> e : decl.entrySet()) {
      String rootName = String.valueOf(e.getKey());
      String where = dir.resolve(NativeLayout.CARD) + ": imageRoots." + rootName;
      if (!(e.getValue() instanceof Map<?, ?> spec) || !(spec.get("dataset") instanceof String ds)) {
        throw new BadInputException(where + " must be {\"dataset\": NAME, \"builtFrom\": PATH}");
      }
      Names.requireName(where + ".dataset", ds);
      Path root = locate(ds, spec.get("builtFrom"), dir, dataRoot);
      roots.put(rootName, root == null ? null : root.toAbsolutePath().normalize());
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
