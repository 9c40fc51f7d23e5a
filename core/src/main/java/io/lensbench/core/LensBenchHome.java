package io.lensbench.core;

import java.nio.file.Path;

/**
 * Where LensBench keeps installs, store data, model caches and logs: {@code LENSBENCH_HOME} or
 * {@code ~/.lensbench}.
 */
public final class LensBenchHome {
  private LensBenchHome() {}

  public static Path resolve() {
    String env = System.getenv("LENSBENCH_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".lensbench");
  }

  public static Path cacheDir() {
    return resolve().resolve("cache");
  }
}
