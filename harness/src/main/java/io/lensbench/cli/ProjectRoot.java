package io.lensbench.cli;

import io.lensbench.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The LensBench checkout: {@code -Dlensbench.root} (set by the launcher) or the working directory. */
final class ProjectRoot {
  private ProjectRoot() {}

  static Path find() {
    return tryFind().orElseThrow(() -> new BadInputException(
        "cannot find the LensBench checkout (looked in " + candidate() + "): run through the ./lensbench launcher"));
  }

  /** The checkout when the launcher's directory (or the working directory) is one. */
  static Optional<Path> tryFind() {
    Path root = candidate();
    return Files.isRegularFile(root.resolve("lensbench")) ? Optional.of(root) : Optional.empty();
  }

  private static Path candidate() {
    String p = System.getProperty("lensbench.root");
    return Path.of(p != null ? p : System.getProperty("user.dir")).toAbsolutePath();
  }
}
