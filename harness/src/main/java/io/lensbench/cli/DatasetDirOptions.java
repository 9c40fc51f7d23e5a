package io.lensbench.cli;

import io.lensbench.datasets.DatasetLoader;
import io.lensbench.datasets.LoadOptions;
import io.lensbench.datasets.LoadResult;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A dataset directory to load, as {@code datasets describe} and {@code validate} take it (mixin). */
final class DatasetDirOptions {
  @Parameters(index = "0", description = "Dataset directory.")
  Path dir;

  @Option(names = "--data", description = "Data root for the source images.")
  Path data;

  @Option(names = "--skip-invalid", description = "Skip invalid records and list them instead of failing.")
  boolean skipInvalid;

  LoadResult load() {
    return DatasetLoader.load(dir, new LoadOptions(skipInvalid, data, true));
  }
}
