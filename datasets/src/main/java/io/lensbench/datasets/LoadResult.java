package io.lensbench.datasets;

import java.util.List;

/**
 * A loaded dataset and the records skipped on the way (empty unless loaded with
 * {@code skipInvalid}).
 */
public record LoadResult(Dataset dataset, List<Problem> skipped) {
  public LoadResult {
    skipped = List.copyOf(skipped);
  }
}
