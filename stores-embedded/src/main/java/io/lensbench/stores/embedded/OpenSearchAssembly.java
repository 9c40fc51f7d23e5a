package io.lensbench.stores.embedded;

import static io.lensbench.stores.embedded.EmbeddedOpenSearch.KNN_VERSION;
import static io.lensbench.stores.embedded.EmbeddedOpenSearch.VERSION;

import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Assembles the OpenSearch node folder from the Maven-fetched artifacts: the minimal distribution
 * (integ-test-zip), the lang-painless and analysis-common modules (with plugin descriptors written
 * here), the k-NN plugin and LensBench's Nori plugin. Installed once per set of artifacts under
 * {@code <home>/install/opensearch-2.19.1-<fingerprint>}; unused older folders are deleted.
 */
final class OpenSearchAssembly {
  /** Bump when the install layout changes, so cached installs are rebuilt. */
  private static final String LAYOUT = "3";
  private static final String NORI_ZIP = "lensbench-opensearch-nori-";
  private static final String DIST_PREFIX = "opensearch-" + VERSION + "-";

  private final StoresConfig config;
  private final Consumer<String> log;

  OpenSearchAssembly(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
  }

  /**
   * Node folder of one install: {@code install/opensearch-2.19.1-<fingerprint>}. A changed
   * artifact (say, a rebuilt Nori plugin) gets a new folder, so a node still running from the old
   * one is never pulled from under it; unused old folders are deleted.
   */
  private Path distDir(String fingerprint) {
    return config.installDir().resolve(DIST_PREFIX + fingerprint.substring(0, 12));
  }

  /** The node folder the current artifacts make (installed or not). */
  Path currentDistDir() {
    return distDir(fingerprint(artifactsDir()));
  }

  boolean installed() {
    try (Stream<Path> dirs = Files.list(config.installDir())) {
      return dirs.anyMatch(d -> d.getFileName().toString().startsWith("opensearch-" + VERSION)
          && Files.isRegularFile(d.resolve(".lensbench-install")));
    } catch (IOException e) {
      return false;
    }
  }

  /** Folder holding the Maven-fetched node artifacts (see stores-embedded/pom.xml). */
  Path artifactsDir() {
    if (config.artifactsDir().isPresent()) {
      return requireArtifacts(config.artifactsDir().get(), "LENSBENCH_OPENSEARCH_ARTIFACTS");
    }
    List<Path> tried = new ArrayList<>();
    Optional<Path> codeSource = codeSource();
    List<Path> starts = new ArrayList<>();
    codeSource.ifPresent(starts::add);
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        for (Path candidate : List.of(dir.resolve("opensearch-artifacts"),
            dir.resolve("target").resolve("opensearch-artifacts"),
            dir.resolve("stores-embedded").resolve("target").resolve("opensearch-artifacts"))) {
          tried.add(candidate);
          if (Files.isDirectory(candidate)) {
            return requireArtifacts(candidate, "the build");
          }
        }
      }
    }
    throw new InfrastructureException("opensearch: node artifacts not found: expected a folder "
        + "stores-embedded/target/opensearch-artifacts made by the build (run `mvn -B -DskipTests "
        + "package` in the LensBench checkout, or ./lensbench, which builds when needed), or "
        + "LENSBENCH_OPENSEARCH_ARTIFACTS; looked in " + tried.subList(0, Math.min(9, tried.size())));
  }

  private static Optional<Path> codeSource() {
    try {
      URL url = EmbeddedOpenSearch.class.getProtectionDomain().getCodeSource().getLocation();
      return Optional.of(Path.of(url.toURI()).toAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Path requireArtifacts(Path dir, String from) {
    for (String name : requiredArtifactNames()) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "opensearch: artifact %s missing in %s (folder from %s); rebuild with "
                + "`mvn -B -DskipTests package`", name, dir, from));
      }
    }
    noriZip(dir);
    return dir;
  }

  private static List<String> requiredArtifactNames() {
    return List.of(
        "opensearch-" + VERSION + ".zip",
        "opensearch-knn-" + KNN_VERSION + ".zip",
        "lang-painless-" + VERSION + ".jar",
        "opensearch-scripting-painless-spi-" + VERSION + ".jar",
        "antlr4-runtime-4.13.1.jar",
        "asm-9.7.jar", "asm-analysis-9.7.jar", "asm-commons-9.7.jar", "asm-tree-9.7.jar",
        "asm-util-9.7.jar",
        "analysis-common-" + VERSION + ".jar");
  }

  private static Path noriZip(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(NORI_ZIP)
              && p.getFileName().toString().endsWith("-plugin.zip"))
          .findFirst()
          .orElseThrow(() -> new InfrastructureException("opensearch: the Nori plugin zip ("
              + NORI_ZIP + "*-plugin.zip) is missing in " + dir
              + "; rebuild with `mvn -B -DskipTests package`"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Assembles the node folder unless an install with the same fingerprint is there. */
  Path install() {
    Path artifacts = artifactsDir();
    String fingerprint = fingerprint(artifacts);
    Path dist = distDir(fingerprint);
    Path stamp = dist.resolve(".lensbench-install");
    try (FileLock lock = FileLock.acquire(config.home(), "install-opensearch")) {
      if (Processes.readQuietly(stamp).trim().equals(fingerprint)) {
        return dist;
      }
      long t0 = System.nanoTime();
      log.accept("opensearch: assembling node " + VERSION + " in " + dist + " from " + artifacts);
      Path tmp = dist.resolveSibling(dist.getFileName() + ".tmp");
      Processes.deleteTree(tmp);
      Files.createDirectories(tmp);
      unzip(artifacts.resolve("opensearch-" + VERSION + ".zip"), tmp, "opensearch-" + VERSION + "/");
      try (Stream<Path> bins = Files.list(tmp.resolve("bin"))) {
        for (Path b : (Iterable<Path>) bins::iterator) {
          Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(b));
          perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
          Files.setPosixFilePermissions(b, perms);
        }
      }
      Path painless = tmp.resolve("modules").resolve("lang-painless");
      Files.createDirectories(painless);
      for (String jar : List.of("lang-painless-" + VERSION + ".jar",
          "opensearch-scripting-painless-spi-" + VERSION + ".jar", "antlr4-runtime-4.13.1.jar",
          "asm-9.7.jar", "asm-analysis-9.7.jar", "asm-commons-9.7.jar", "asm-tree-9.7.jar",
          "asm-util-9.7.jar")) {
        Files.copy(artifacts.resolve(jar), painless.resolve(jar));
      }
      writeDescriptor(painless, "lang-painless", "Painless scripting language (from Maven jars)",
          "org.opensearch.painless.PainlessPlugin", "");
      Files.writeString(painless.resolve("plugin-security.policy"), String.join("\n",
          "grant {",
          "  permission java.lang.RuntimePermission \"createClassLoader\";",
          "  permission java.lang.RuntimePermission \"getClassLoader\";",
          "};", ""), StandardCharsets.UTF_8);
      Path common = tmp.resolve("modules").resolve("analysis-common");
      Files.createDirectories(common);
      Files.copy(artifacts.resolve("analysis-common-" + VERSION + ".jar"),
          common.resolve("analysis-common-" + VERSION + ".jar"));
      writeDescriptor(common, "analysis-common", "Common analysis (cjk, token filters)",
          "org.opensearch.analysis.common.CommonAnalysisPlugin", "lang-painless");
      unzip(artifacts.resolve("opensearch-knn-" + KNN_VERSION + ".zip"),
          tmp.resolve("plugins").resolve("opensearch-knn"), "");
      unzip(noriZip(artifacts), tmp.resolve("plugins").resolve("lensbench-nori"), "");
      Files.writeString(tmp.resolve(".lensbench-install"), fingerprint + "\n", StandardCharsets.UTF_8);
      Processes.deleteTree(dist);
      Files.move(tmp, dist, StandardCopyOption.ATOMIC_MOVE);
      log.accept(String.format(Locale.ROOT, "opensearch: node assembled in %.1f s",
          (System.nanoTime() - t0) / 1e9));
      deleteUnusedInstalls(dist);
      return dist;
    } catch (IOException e) {
      throw new InfrastructureException("opensearch: cannot assemble the node in " + dist + ": "
          + e.getMessage(), e);
    }
  }

  /** Removes older node folders that no live process runs from. */
  private void deleteUnusedInstalls(Path keep) throws IOException {
    try (Stream<Path> dirs = Files.list(config.installDir())) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String n = d.getFileName().toString();
        // in use: the launcher script (bin/opensearch) or the node's java has it on its command
        // line; recently made: another JVM may be about to start from it
        if (!d.equals(keep) && n.startsWith("opensearch-" + VERSION) && !n.endsWith(".tmp")
            && !Processes.anyCommandLineContains(d + "/")
            && Files.getLastModifiedTime(d).toInstant()
                .isBefore(java.time.Instant.now().minus(Duration.ofMinutes(10)))) {
          Processes.deleteTree(d);
          log.accept("opensearch: deleted unused older install " + d);
        }
      }
    }
  }

  private static String fingerprint(Path artifacts) {
    StringBuilder sb = new StringBuilder("layout=" + LAYOUT + "\n");
    List<Path> files = new ArrayList<>();
    for (String name : requiredArtifactNames()) {
      files.add(artifacts.resolve(name));
    }
    files.add(noriZip(artifacts));
    for (Path f : files) {
      try {
        // the Nori zip is rebuilt by the project: hash it; Maven Central files: name + size
        sb.append(f.getFileName()).append(' ').append(Files.size(f));
        if (f.getFileName().toString().startsWith(NORI_ZIP)) {
          sb.append(' ').append(Hashing.sha256Hex(f));
        }
        sb.append('\n');
      } catch (IOException e) {
        throw new InfrastructureException("opensearch: cannot read artifact " + f, e);
      }
    }
    return Hashing.sha256Hex(sb.toString());
  }

  private static void writeDescriptor(Path dir, String name, String description, String classname,
      String extended) throws IOException {
    Files.writeString(dir.resolve("plugin-descriptor.properties"), String.join("\n",
        "description=" + description,
        "version=" + VERSION,
        "name=" + name,
        "classname=" + classname,
        "java.version=11",
        "opensearch.version=" + VERSION,
        "extended.plugins=" + extended,
        "has.native.controller=false", ""), StandardCharsets.UTF_8);
  }

  private static void unzip(Path zip, Path target, String stripPrefix) throws IOException {
    Files.createDirectories(target);
    Path root = target.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        String name = e.getName();
        if (!stripPrefix.isEmpty()) {
          if (!name.startsWith(stripPrefix)) {
            continue;
          }
          name = name.substring(stripPrefix.length());
        }
        if (name.isEmpty()) {
          continue;
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("zip entry escapes the target folder: " + e.getName() + " in " + zip);
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(z, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
