package io.lensbench.stores.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

  @Test
  void lastExceptionMessageSkipsStackFrames() {
    String log = String.join("\n",
        "[INFO ] starting",
        "org.opensearch.bootstrap.StartupException: java.lang.IllegalArgumentException: Plugin [x] was built for OpenSearch version 2.19.0",
        "\tat org.opensearch.bootstrap.OpenSearch.init(OpenSearch.java:185)",
        "\t... 6 more");
    assertEquals(Optional.of("Plugin [x] was built for OpenSearch version 2.19.0"),
        Processes.lastExceptionMessage(log));
    assertEquals(Optional.of("[Errno 98] Address already in use"),
        Processes.lastExceptionMessage("Traceback:\n  File \"x.py\"\nOSError: [Errno 98] Address already in use\n"));
    assertEquals(Optional.empty(), Processes.lastExceptionMessage("[INFO ] started\n"));
  }

  @Test
  void stalePidFileIsNotOursAndIsRemoved(@TempDir Path dir) throws IOException {
    Path pidFile = dir.resolve("x.pid");
    // our own pid, but our command line does not mention the marker: not ours
    Processes.writePid(pidFile, ProcessHandle.current().pid());
    assertFalse(Processes.ours(pidFile, "/no/such/instance/folder").isPresent());
    assertFalse(Files.exists(pidFile), "a pid file that is not ours is stale and removed");
    // and a marker that is on our command line (the java binary) makes it ours
    Processes.writePid(pidFile, ProcessHandle.current().pid());
    String javaBin = Processes.cmdline(ProcessHandle.current().pid()).orElseThrow().split(" ")[0];
    assertTrue(Processes.ours(pidFile, javaBin).isPresent());
  }

  @Test
  void portOwnerNamesTheListeningProcess() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertTrue(Processes.listening(s.getLocalPort()));
      assertFalse(Processes.bindable(s.getLocalPort()));
      assertTrue(Processes.portOwner(s.getLocalPort()).startsWith("pid " + ProcessHandle.current().pid()),
          Processes.portOwner(s.getLocalPort()));
    }
  }
}
