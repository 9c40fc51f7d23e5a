package io.lensbench.datasets;

import io.lensbench.core.BadInputException;
import io.lensbench.core.InfrastructureException;
import io.lensbench.core.LockFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a directory atomically: the content is written into a fresh hidden sibling
 * ({@code .<name>.building-<n>}) and renamed onto the target only when the build succeeded, so
 * a failed or killed build leaves nothing a rerun trips on. A lock file beside the target
 * ({@code .<name>.lock}) keeps two builds of the same target apart and lets the next build
 * delete siblings left by killed ones.
 */
public final class AtomicDirectory {
  private AtomicDirectory() {}

  /**
   * @param target the directory to (re)build; an existing one must hold {@code marker} (it is
   *     replaced), else it is refused
   * @param label how the user named the target, for messages (e.g. "--out /x")
   * @param marker a file every complete build holds (e.g. dataset.json)
   * @param build writes the content into the directory it is given
   */
  public static void build(Path target, String label, String marker, Consumer<Path> build) {
    Path t = target.toAbsolutePath().normalize();
    Path parent = t.getParent();
    String name = t.getFileName().toString();
    try {
      Files.createDirectories(parent);
      try (LockFile lock = LockFile.exclusive(parent.resolve("." + name + ".lock"))) {
        refuseForeign(t, label, marker);
        deleteLeftovers(parent, name);
        Path tmp = Files.createTempDirectory(parent, "." + name + ".building-");
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          // a temp directory is private (0700); the build is an ordinary folder
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
          build.accept(tmp);
          swap(tmp, t, parent, name);
        } finally {
          deleteRecursively(tmp);
        }
      }
    } catch (IOException e) {
      throw new InfrastructureException(String.format(Locale.ROOT,
          "%s: cannot build the directory (%s)", label, e.getMessage()), e);
    }
  }

  private static void refuseForeign(Path t, String label, String marker) throws IOException {
    if (!Files.isDirectory(t) || Files.isRegularFile(t.resolve(marker))) {
      return;
    }
    try (Stream<Path> s = Files.list(t)) {
      if (s.findAny().isPresent()) {
        throw new BadInputException(String.format(Locale.ROOT,
            "%s: expected an empty folder or a complete build holding %s, found other files; "
                + "refusing to replace it (delete it or choose another folder)", label, marker));
      }
    }
  }

  /** The old content moves aside, the new one in, the old one goes. */
  private static void swap(Path tmp, Path t, Path parent, String name) throws IOException {
    if (Files.exists(t)) {
      Path old = Files.createTempDirectory(parent, "." + name + ".old-");
      Files.delete(old);
      Files.move(t, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE);
      deleteRecursively(old);
    } else {
      Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteLeftovers(Path parent, String name) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent,
        "." + name + ".{building,old}-*")) {
      for (Path p : s) {
        deleteRecursively(p);
      }
    }
  }

  private static void deleteRecursively(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
