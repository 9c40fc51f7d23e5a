package io.lensbench.datasets;

import java.nio.file.Path;

/**
 * How to load a dataset.
 *
 * @param skipInvalid skip invalid records and list them instead of failing
 * @param dataRoot the {@code --data} flag (source data root for image references), or null
 * @param checkImages decode every referenced image (missing or undecodable images are problems)
 */
public record LoadOptions(boolean skipInvalid, Path dataRoot, boolean checkImages) {
  public static LoadOptions strict() {
    return new LoadOptions(false, null, true);
  }

  public LoadOptions withSkipInvalid(boolean skip) {
    return new LoadOptions(skip, dataRoot, checkImages);
  }

  public LoadOptions withDataRoot(Path root) {
    return new LoadOptions(skipInvalid, root, checkImages);
  }
}
