package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lensbench stores}: exit codes and messages, on scratch ports (starts no store). */
class StoresCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void unknownStoreOrBadPortIsBadInput() {
    Run unknown = run("stores", "up", "elasticsearch");
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("elasticsearch"), unknown.err());

    Run badPort = run("stores", "--milvus-port", "70000", "status");
    assertEquals(2, badPort.code(), badPort.err());
    assertTrue(badPort.err().contains("70000"), badPort.err());

    Run noSub = run("stores");
    assertEquals(2, noSub.code());
    assertTrue(noSub.out().contains("up") && noSub.out().contains("down"), noSub.out());
  }

  @Test
  void statusOfStoppedStoresIsInfrastructureFailure() throws IOException {
    int[] ports = freePorts();
    Run status = run("stores", "--opensearch-port", "" + ports[0], "--milvus-port", "" + ports[1], "status");
    assertEquals(3, status.code(), status.out() + status.err());
    assertTrue(status.out().contains("opensearch ") && status.out().contains("milvus "), status.out());
    assertEquals(2, status.out().split("stopped", -1).length - 1, status.out());
    assertTrue(status.out().contains("127.0.0.1:" + ports[0]), status.out());
  }

  @Test
  void upOnATakenPortExitsThreeNamingThePort() throws IOException {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = squatter.getLocalPort();
      Run up = run("stores", "--opensearch-port", "" + port, "up", "opensearch");
      assertEquals(3, up.code(), up.out() + up.err());
      assertTrue(up.err().contains("127.0.0.1:" + port + " is already in use"), up.err());
      Run down = run("stores", "--opensearch-port", "" + port, "down", "opensearch");
      assertEquals(0, down.code(), down.err());
      assertTrue(down.out().contains("left alone"), down.out());
    }
  }

  private static int[] freePorts() throws IOException {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    }
  }
}
