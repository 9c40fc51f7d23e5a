package io.lensbench.runner;

import io.lensbench.core.LensBenchHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What LensBench takes from the process environment, captured once at the command-line edge and
 * passed down (tests pass their own): the LensBench home, the store addresses and credentials
 * (read by {@link io.lensbench.stores.StoreConfig}) and the vision-LLM endpoint.
 */
public record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment system() {
    return new Environment(System.getenv());
  }

  public Optional<String> get(String name) {
    String v = variables.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** {@code LENSBENCH_HOME}, else {@code ~/.lensbench}. */
  public Path home() {
    return LensBenchHome.resolve(variables);
  }

  public Path cacheDir() {
    return home().resolve("cache");
  }

  /** Where a dataset name lives when the experiment gives no path. */
  public Path datasetDir(String name) {
    return home().resolve("datasets").resolve(name);
  }
}
