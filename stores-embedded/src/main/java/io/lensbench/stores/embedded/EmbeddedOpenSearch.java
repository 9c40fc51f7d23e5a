package io.lensbench.stores.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real single-node OpenSearch 2.19.1 assembled from Maven Central artifacts: the minimal
 * distribution (integ-test-zip), the lang-painless and analysis-common modules, the k-NN plugin
 * (Lucene engine only: the Maven zip has no faiss/nmslib native libraries) and LensBench's Nori
 * plugin. Installed once under {@code <home>/install/opensearch-2.19.1}; each instance (port) has
 * its own config, data, logs and tmp under {@code <home>/opensearch[-port]}. As root it runs as a
 * dedicated system user (OpenSearch refuses root), started with {@code setpriv}.
 */
public final class EmbeddedOpenSearch implements EmbeddedStore {
  public static final String VERSION = "2.19.1";
  public static final String KNN_VERSION = "2.19.1.0";
  /** Plugin names that must be loaded for the node to count as healthy. */
  public static final List<String> REQUIRED_PLUGINS = List.of("opensearch-knn", "lensbench-nori");
  /** Module names that must be loaded for the node to count as healthy. */
  public static final List<String> REQUIRED_MODULES = List.of("lang-painless", "analysis-common");
  /** Bump when the install layout changes, so cached installs are rebuilt. */
  private static final String LAYOUT = "3";
  private static final String NORI_ZIP = "lensbench-opensearch-nori-";
  private static final String DIST_PREFIX = "opensearch-" + VERSION + "-";

  private final StoresConfig config;
  private final Consumer<String> log;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public EmbeddedOpenSearch(StoresConfig config, Consumer<String> log) {
    this.config = config;
    this.log = log;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public String name() {
    return "opensearch";
  }

  public String url() {
    return "http://127.0.0.1:" + config.openSearchHttpPort();
  }

  /**
   * Node folder of one install: {@code install/opensearch-2.19.1-<fingerprint>}. A changed
   * artifact (say, a rebuilt Nori plugin) gets a new folder, so a node still running from the old
   * one is never pulled from under it; unused old folders are deleted.
   */
  private Path distDir(String fingerprint) {
    return config.installDir().resolve(DIST_PREFIX + fingerprint.substring(0, 12));
  }

  Path instanceDir() {
    return config.openSearchInstanceDir();
  }

  private Path confDir() {
    return instanceDir().resolve("config");
  }

  private Path dataDir() {
    return instanceDir().resolve("data");
  }

  private Path logsDir() {
    return instanceDir().resolve("logs");
  }

  private Path pidFile() {
    return instanceDir().resolve("opensearch.pid");
  }

  private Path consoleLog() {
    return logsDir().resolve("console.log");
  }

  private Path serverLog() {
    return logsDir().resolve("lensbench.log");
  }

  /** Appears in the node's command line (-Dopensearch.path.conf=...): proves a pid is ours. */
  private String marker() {
    return confDir().toString();
  }

  // ---------------------------------------------------------------- up

  @Override
  public StoreStatus up() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
      if (running.isPresent()) {
        Health h = health();
        if (h.ok()) {
          log.accept(String.format(Locale.ROOT, "opensearch: already running (pid %d, %s)",
              running.get().pid(), url()));
          staleInstallNotice(running.get()).ifPresent(log);
          return status();
        }
        log.accept("opensearch: process " + running.get().pid() + " is up but not healthy yet ("
            + h.detail() + "); waiting");
        return awaitHealthy(running.get(), System.nanoTime());
      }
      checkPortsFree();
      Path java = checkJava();
      Path dist = install();
      ServiceUser user = prepareInstance(dist);
      long t0 = System.nanoTime();
      ProcessHandle process = start(dist, java, user);
      return awaitHealthy(process, t0);
    }
  }

  /**
   * When the running node was started from an older install than the current artifacts would
   * give (say, the Nori plugin was changed and rebuilt), says how to restart it. Never restarts
   * by itself: others may be using the node.
   */
  private Optional<String> staleInstallNotice(ProcessHandle node) {
    try {
      String cmd = Processes.cmdline(node.pid()).orElse("");
      String key = "-Dopensearch.path.home=";
      int at = cmd.indexOf(key);
      if (at < 0) {
        return Optional.empty();
      }
      int end = cmd.indexOf(' ', at);
      Path runningFrom = Path.of(cmd.substring(at + key.length(), end < 0 ? cmd.length() : end));
      Path current = distDir(fingerprint(artifactsDir()));
      if (runningFrom.equals(current)) {
        return Optional.empty();
      }
      return Optional.of("opensearch: note: the node runs from " + runningFrom + ", but the current "
          + "build's artifacts make " + current.getFileName() + " (a plugin or module changed); to "
          + "use it: lensbench stores down opensearch && lensbench stores up opensearch");
    } catch (RuntimeException e) {
      return Optional.empty(); // artifacts not found: nothing to compare with
    }
  }

  private void checkPortsFree() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("HTTP", config.openSearchHttpPort());
    ports.put("transport", config.openSearchTransportPort());
    for (Map.Entry<String, Integer> p : ports.entrySet()) {
      if (Processes.listening(p.getValue()) || !Processes.bindable(p.getValue())) {
        throw new InfrastructureException(String.format(Locale.ROOT,
            "opensearch: cannot start: %s port 127.0.0.1:%d is already in use by %s, which "
                + "LensBench did not start (no live pid in %s). Stop that process or choose other "
                + "ports (LENSBENCH_OPENSEARCH_PORT, LENSBENCH_OPENSEARCH_TRANSPORT_PORT).",
            p.getKey(), p.getValue(), Processes.portOwner(p.getValue()), pidFile()));
      }
    }
  }

  /** The running JDK becomes OPENSEARCH_JAVA_HOME (the minimal distribution bundles none). */
  private Path checkJava() {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      throw new InfrastructureException("opensearch: no Java: expected an executable "
          + java + " (java.home of the running JVM) to use as OPENSEARCH_JAVA_HOME");
    }
    if (Runtime.version().feature() < 11) {
      throw new InfrastructureException("opensearch: OpenSearch " + VERSION
          + " needs Java 11 or later, found " + Runtime.version() + " at " + javaHome);
    }
    return javaHome;
  }

  // ---------------------------------------------------------------- install (cached)

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
      deleteTree(tmp);
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
      deleteTree(dist);
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
          deleteTree(d);
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

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- instance

  /** Writes config, creates data/logs/tmp, hands them to the service user. */
  private ServiceUser prepareInstance(Path dist) {
    ServiceUser user = ServiceUser.forNode(config.serviceUser(), log);
    try {
      for (Path d : List.of(confDir(), dataDir(), logsDir(), instanceDir().resolve("tmp"),
          confDir().resolve("jvm.options.d"))) {
        Files.createDirectories(d);
      }
      Files.writeString(confDir().resolve("opensearch.yml"), String.join("\n",
          "# written by LensBench on every `stores up`; edits are overwritten",
          "cluster.name: lensbench",
          "node.name: lensbench-" + config.openSearchHttpPort(),
          "path.data: " + dataDir(),
          "path.logs: " + logsDir(),
          "network.host: 127.0.0.1",
          "http.port: " + config.openSearchHttpPort(),
          "transport.port: " + config.openSearchTransportPort(),
          "discovery.type: single-node",
          "bootstrap.memory_lock: false",
          "# a small dev box: do not turn indexes read-only when the disk fills up",
          "cluster.routing.allocation.disk.threshold_enabled: false",
          ""), StandardCharsets.UTF_8);
      String jvm = Files.readString(dist.resolve("config").resolve("jvm.options"), StandardCharsets.UTF_8)
          .replace("file=logs/gc.log", "file=" + logsDir().resolve("gc.log"))
          .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + dataDir())
          .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + logsDir() + "/");
      Files.writeString(confDir().resolve("jvm.options"), jvm, StandardCharsets.UTF_8);
      Files.writeString(confDir().resolve("jvm.options.d").resolve("lensbench-heap.options"),
          "-Xms" + config.openSearchHeap() + "\n-Xmx" + config.openSearchHeap() + "\n",
          StandardCharsets.UTF_8);
      Files.copy(dist.resolve("config").resolve("log4j2.properties"),
          confDir().resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
      Processes.deleteQuietly(consoleLog());
    } catch (IOException e) {
      throw new InfrastructureException("opensearch: cannot prepare instance folder "
          + instanceDir() + ": " + e.getMessage(), e);
    }
    user.own(instanceDir());
    user.ensureTraversable(dist);
    user.ensureTraversable(instanceDir());
    user.ensureTraversable(Path.of(System.getProperty("java.home")));
    return user;
  }

  private ProcessHandle start(Path dist, Path javaHome, ServiceUser user) {
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid"); // own session: a Ctrl-C or a finished test JVM does not take the node down
    cmd.addAll(user.launchPrefix());
    cmd.add(dist.resolve("bin").resolve("opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.directory(instanceDir().toFile());
    Map<String, String> env = pb.environment();
    for (String k : List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
        "OPENSEARCH_JAVA_OPTS", "OPENSEARCH_HOME", "CLASSPATH")) {
      env.remove(k);
    }
    env.put("OPENSEARCH_JAVA_HOME", javaHome.toString());
    env.put("OPENSEARCH_PATH_CONF", confDir().toString());
    env.put("OPENSEARCH_TMPDIR", instanceDir().resolve("tmp").toString());
    env.put("HOME", instanceDir().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      Processes.writePid(pidFile(), p.pid());
      log.accept(String.format(Locale.ROOT,
          "opensearch: starting node %s (pid %d%s) on %s, transport %d, heap %s",
          VERSION, p.pid(), user.describe(), url(), config.openSearchTransportPort(),
          config.openSearchHeap()));
      return p.toHandle();
    } catch (IOException e) {
      throw new InfrastructureException("opensearch: cannot start " + cmd + ": " + e.getMessage(), e);
    }
  }

  private StoreStatus awaitHealthy(ProcessHandle process, long t0) {
    long deadline = t0 + config.startTimeout().toNanos();
    Health last = new Health(false, false, "not answering yet", "");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Processes.deleteQuietly(pidFile());
        throw failure("the node process " + process.pid() + " exited during start-up", process);
      }
      last = health();
      if (last.ok()) {
        log.accept(String.format(Locale.ROOT, "opensearch: healthy in %.1f s (%s)",
            (System.nanoTime() - t0) / 1e9, last.detail()));
        return status();
      }
      if (last.answered() && last.detail().contains("missing")) {
        stopQuietly(process);
        throw failure("plugin failed to load: " + last.detail(), process);
      }
      sleep(500);
    }
    stopQuietly(process);
    throw failure(String.format(Locale.ROOT, "not healthy within %d s (last: %s); stopped it",
        config.startTimeout().toSeconds(), last.detail()), process);
  }

  private InfrastructureException failure(String what, ProcessHandle process) {
    String logs = Processes.readQuietly(consoleLog()) + Processes.readQuietly(serverLog());
    String cause = diagnose(logs);
    String message = Processes.lastExceptionMessage(logs).map(m -> " [" + m + "]").orElse("");
    return new InfrastructureException(String.format(Locale.ROOT,
        "opensearch: start failed: %s%s%s%n%s%n%s", what, cause.isEmpty() ? "" : "; cause: " + cause,
        message,
        Processes.tail(consoleLog(), 25), Processes.tail(serverLog(), 25)));
  }

  /** Recognises the common start-up failures in the node's logs. */
  static String diagnose(String logs) {
    String l = logs.toLowerCase(Locale.ROOT);
    if (l.contains("bindexception") || l.contains("address already in use")) {
      return "a port is already in use (BindException)";
    }
    if (l.contains("jar hell")) {
      return "plugin failed to load: jar hell (a class is on the classpath twice)";
    }
    if (l.contains("unsupportedclassversionerror")) {
      return "plugin failed to load: compiled for a newer Java than the node runs";
    }
    if (l.contains("failed to load plugin") || l.contains("could not load plugin")
        || l.contains("was built for opensearch version")
        || l.contains("plugin [") && l.contains("exception")) {
      return "plugin failed to load (see the log lines below)";
    }
    if (l.contains("could not find java") || l.contains("java_home") && l.contains("does not exist")) {
      return "no Java found at OPENSEARCH_JAVA_HOME";
    }
    if (l.contains("can not run opensearch as root")) {
      return "OpenSearch refuses to run as root";
    }
    if (l.contains("accessdeniedexception") || l.contains("permission denied")) {
      return "permission denied for the service user (see the log lines below)";
    }
    if (l.contains("outofmemoryerror") || l.contains("cannot allocate memory")) {
      return "out of memory";
    }
    return "";
  }

  // ---------------------------------------------------------------- health, status, down

  /** Cluster health green/yellow and the required plugins and modules loaded. */
  Health health() {
    try {
      JsonNode h = get("/_cluster/health");
      String status = h.path("status").asText("?");
      if (!status.equals("green") && !status.equals("yellow")) {
        return new Health(false, true, "cluster status " + status, "");
      }
      JsonNode nodes = get("/_nodes/_local/plugins").path("nodes");
      Set<String> plugins = new TreeSet<>();
      Set<String> modules = new TreeSet<>();
      for (JsonNode node : nodes) {
        node.path("plugins").forEach(p -> plugins.add(p.path("name").asText()));
        node.path("modules").forEach(m -> modules.add(m.path("name").asText()));
      }
      List<String> missing = new ArrayList<>();
      REQUIRED_PLUGINS.stream().filter(p -> !plugins.contains(p)).forEach(p -> missing.add("plugin " + p));
      REQUIRED_MODULES.stream().filter(m -> !modules.contains(m)).forEach(m -> missing.add("module " + m));
      String version = get("/").path("version").path("number").asText("?");
      String detail = String.format(Locale.ROOT, "cluster %s; plugins %s; modules %s", status,
          String.join(", ", plugins), String.join(", ", modules));
      if (!missing.isEmpty()) {
        return new Health(false, true, "missing " + String.join(", ", missing) + " (" + detail + ")", version);
      }
      return new Health(true, true, detail, version);
    } catch (IOException e) {
      return new Health(false, false, "no answer on " + url() + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(false, false, "interrupted", "");
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url() + path))
        .timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (resp.statusCode() != 200) {
      throw new IOException("GET " + path + " answered HTTP " + resp.statusCode() + ": "
          + Processes.abbreviate(resp.body(), 200));
    }
    return json.readTree(resp.body());
  }

  record Health(boolean ok, boolean answered, String detail, String version) {}

  private boolean installed() {
    try (Stream<Path> dirs = Files.list(config.installDir())) {
      return dirs.anyMatch(d -> d.getFileName().toString().startsWith("opensearch-" + VERSION)
          && Files.isRegularFile(d.resolve(".lensbench-install")));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public StoreStatus status() {
    Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
    List<Integer> ports = List.of(config.openSearchHttpPort(), config.openSearchTransportPort());
    OptionalLong pid = running.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    String user = running.flatMap(p -> p.info().user()).orElse("");
    if (running.isEmpty()) {
      boolean taken = Processes.listening(config.openSearchHttpPort());
      return new StoreStatus(name(), taken ? StoreStatus.State.PORT_TAKEN : StoreStatus.State.STOPPED,
          url(), ports, VERSION + (installed() ? " (installed)" : " (not installed yet)"),
          pid, user, dataDir(), serverLog(),
          taken ? "port " + config.openSearchHttpPort() + " is served by "
              + Processes.portOwner(config.openSearchHttpPort()) + ", not by LensBench"
              : "not running (start: lensbench stores up)");
    }
    Health h = health();
    return new StoreStatus(name(), h.ok() ? StoreStatus.State.HEALTHY : StoreStatus.State.UNHEALTHY,
        url(), ports, h.version().isEmpty() ? VERSION : h.version(), pid, user, dataDir(), serverLog(),
        h.detail());
  }

  @Override
  public boolean down() {
    try (FileLock lock = FileLock.acquire(config.home(), "opensearch-" + config.openSearchHttpPort())) {
      Optional<ProcessHandle> running = Processes.ours(pidFile(), marker());
      if (running.isEmpty()) {
        log.accept("opensearch: not running (no live pid in " + pidFile() + ")"
            + (Processes.listening(config.openSearchHttpPort())
                ? "; port " + config.openSearchHttpPort() + " is served by "
                    + Processes.portOwner(config.openSearchHttpPort()) + ", which LensBench did not start: left alone"
                : ""));
        return false;
      }
      long pid = running.get().pid();
      boolean gone = Processes.terminate(running.get(), Duration.ofSeconds(30));
      if (!gone) {
        throw new InfrastructureException("opensearch: pid " + pid + " did not stop after SIGTERM and SIGKILL");
      }
      Processes.deleteQuietly(pidFile());
      log.accept("opensearch: stopped (pid " + pid + ")");
      return true;
    }
  }

  private void stopQuietly(ProcessHandle process) {
    Processes.terminate(process, Duration.ofSeconds(15));
    Processes.deleteQuietly(pidFile());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for a store", e);
    }
  }
}
