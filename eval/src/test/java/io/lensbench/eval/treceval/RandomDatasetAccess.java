package io.lensbench.eval.treceval;

/** Lets tools outside the package generate the random datasets (used by bench/ scripts and debugging). */
public final class RandomDatasetAccess {
  private RandomDatasetAccess() {
  }

  public static void write(long seed, java.nio.file.Path dir) throws java.io.IOException {
    RandomDataset.write(seed, dir);
  }

  public static void writePrefs(long seed, java.nio.file.Path dir) throws java.io.IOException {
    RandomDataset.writePrefs(seed, RandomDataset.write(seed, dir));
  }
}
