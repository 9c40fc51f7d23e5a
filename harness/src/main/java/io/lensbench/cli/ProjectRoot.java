package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The LensBench checkout: {@code -Dlensbench.root} (set by the launcher) or the working directory. */
final class ProjectRoot {
  private ProjectRoot() {}

  static Path find() {
    String p = System.getProperty("lensbench.root");
    Path root = Path.of(p != null ? p : System.getProperty("user.dir")).toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("lensbench"))) {
      throw new BadInputException(
          "cannot find the LensBench checkout (looked in " + root
              + "): run through the ./lensbench launcher");
    }
    return root;
  }
}
