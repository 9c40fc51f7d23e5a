package io.lensbench.core;

import java.nio.file.Path;

/**
 * Where LensBench keeps installs, store data, model caches and logs: {@code LENSBENCH_HOME} or
 * {@code ~/.lensbench}.
 */
public final class LensBenchHome {
  private LensBenchHome() {}

  public static Path resolve() {
    return resolve(System.getenv());
  }

  /** The home named by {@code LENSBENCH_HOME} in {@code env}, else {@code ~/.lensbench}. */
  public static Path resolve(java.util.Map<String, String> env) {
    String home = env.get("LENSBENCH_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".lensbench");
  }

  public static Path cacheDir() {
    return resolve().resolve("cache");
  }
}
