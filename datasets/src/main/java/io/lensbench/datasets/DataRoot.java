package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where source data (e.g. {@code fashion-kaggle-default/}) lives. Looked up in this order:
 * {@code --data DIR}, the environment variable {@code LENSBENCH_DATA}, {@code ../shared/datasets}
 * relative to the project root (the nearest ancestor of the working directory holding the
 * {@code lensbench} launcher and a {@code pom.xml}), then {@code ./data}.
 */
public final class DataRoot {
  public static final String ENV = "LENSBENCH_DATA";

  private final Path explicit;
  private final Map<String, String> env;
  private final Path workingDir;

  /**
   * @param explicit the {@code --data} flag, or null
   * @param env the process environment (pass {@code System.getenv()})
   * @param workingDir the working directory
   */
  public DataRoot(Path explicit, Map<String, String> env, Path workingDir) {
    this.explicit = explicit;
    this.env = Map.copyOf(env);
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  /**
   * The process environment's data root; relative defaults ({@code ../shared/datasets},
   * {@code ./data}) resolve against the LensBench checkout ({@code -Dlensbench.root}, set by the
   * launcher), else the working directory.
   */
  public static DataRoot fromEnvironment(Path explicit) {
    String root = System.getProperty("lensbench.root");
    return new DataRoot(explicit, System.getenv(), root != null ? Path.of(root) : Path.of(""));
  }

  /** The candidate roots in lookup order, each with where it came from. */
  public List<Map.Entry<String, Path>> candidates() {
    List<Map.Entry<String, Path>> c = new ArrayList<>();
    if (explicit != null) {
      c.add(Map.entry("--data", explicit.toAbsolutePath().normalize()));
    }
    String e = env.get(ENV);
    if (e != null && !e.isBlank()) {
      c.add(Map.entry(ENV, Path.of(e).toAbsolutePath().normalize()));
    }
    Path project = projectRoot(workingDir);
    if (project != null) {
      c.add(Map.entry("../shared/datasets (project root " + project + ")",
          project.resolve("../shared/datasets").normalize()));
    }
    c.add(Map.entry("./data", workingDir.resolve("data")));
    return c;
  }

  /**
   * The directory of one source, e.g. {@code fashion-kaggle-default}: the first candidate root
   * holding {@code <root>/<source>/<marker>}. An explicit {@code --data} that lacks it is an error
   * (never silently passed over).
   */
  public Path locate(String source, String marker) {
    List<String> looked = new ArrayList<>();
    for (Map.Entry<String, Path> cand : candidates()) {
      Path dir = cand.getValue().resolve(source);
      if (Files.isRegularFile(dir.resolve(marker))) {
        return dir;
      }
      looked.add("  " + dir.resolve(marker) + "  (from " + cand.getKey() + "): "
          + (Files.isDirectory(cand.getValue()) ? "not found" : "root does not exist"));
      if (cand.getKey().equals("--data")) {
        break;
      }
    }
    throw new BadInputException("data source '" + source + "' not found; expected "
        + source + "/" + marker + " under a data root. Looked in:\n" + String.join("\n", looked)
        + "\nPass --data DIR or set " + ENV + " to the folder holding '" + source + "/'.");
  }

  static Path projectRoot(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("lensbench")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return null;
  }
}
