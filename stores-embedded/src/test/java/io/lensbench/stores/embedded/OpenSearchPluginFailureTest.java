package io.lensbench.stores.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin the node cannot load (Nori descriptor claiming another OpenSearch version) must fail
 * `up` with the cause and the node's log lines, and leave no process behind. Own home and ports:
 * the shared installs and stores are not touched.
 */
class OpenSearchPluginFailureTest {

  @Test
  void pluginThatCannotLoadIsReportedWithLogLines(@TempDir Path tmp) throws IOException {
    StoresConfig base = StoresConfig.fromEnvironment();
    Path goodArtifacts = new EmbeddedOpenSearch(base, line -> { }).artifactsDir();
    Path artifacts = Files.createDirectories(tmp.resolve("artifacts"));
    try (Stream<Path> files = Files.list(goodArtifacts)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith("lensbench-opensearch-nori-")) {
          rewriteDescriptor(f, artifacts.resolve(name));
        } else {
          Files.createSymbolicLink(artifacts.resolve(name), f);
        }
      }
    }
    int[] ports = freePorts();
    StoresConfig config = new StoresConfig(tmp.resolve("home"), ports[0], ports[1], ports[2], ports[3], 1,
        Optional.of(artifacts), base.serviceUser(), base.python(), Duration.ofSeconds(240), "256m");
    List<String> log = new ArrayList<>();
    EmbeddedOpenSearch node = new EmbeddedOpenSearch(config, log::add);

    InfrastructureException e = assertThrows(InfrastructureException.class, node::up);

    assertTrue(e.getMessage().contains("plugin failed to load"), e.getMessage());
    assertTrue(e.getMessage().contains("lensbench-nori"), e.getMessage());
    assertTrue(e.getMessage().contains(
        "[Plugin [lensbench-nori] was built for OpenSearch version 2.19.0 but version 2.19.1 is running]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--- last "), "log lines expected: " + e.getMessage());
    assertFalse(Files.exists(config.openSearchInstanceDir().resolve("opensearch.pid")));
    assertFalse(Processes.listening(ports[0]), "nothing may be left on port " + ports[0]);
  }

  private static void rewriteDescriptor(Path zip, Path out) throws IOException {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in);
        OutputStream os = Files.newOutputStream(out); ZipOutputStream zout = new ZipOutputStream(os)) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        byte[] bytes = zin.readAllBytes();
        if (e.getName().equals("plugin-descriptor.properties")) {
          bytes = new String(bytes, StandardCharsets.UTF_8)
              .replace("opensearch.version=2.19.1", "opensearch.version=2.19.0")
              .getBytes(StandardCharsets.UTF_8);
        }
        zout.putNextEntry(new ZipEntry(e.getName()));
        zout.write(bytes);
        zout.closeEntry();
      }
    }
  }

  private static int[] freePorts() throws IOException {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket c = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket d = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {a.getLocalPort(), b.getLocalPort(), c.getLocalPort(), d.getLocalPort()};
    }
  }
}
