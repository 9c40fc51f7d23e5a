package io.lensbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.ExitCode;
import io.lensbench.core.InfrastructureException;
import io.lensbench.eval.run.CellId;
import io.lensbench.stores.embedded.EmbeddedOpenSearch;
import io.lensbench.stores.embedded.StoresConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of a distributed engine, on a three-node OpenSearch cluster this test starts on scratch
 * ports (and stops): one data node killed (SIGKILL) mid-run. With one replica the run completes
 * and every metric equals an uninterrupted run's; with none the run stops with exit 3 naming the
 * store and the index, and after the node is restarted the resumed run equals an uninterrupted
 * one. Exact search, so equal means byte-identical run files.
 */
class ClusterFaultsTest {
  private static final String SETS = "[text-en, text-ko, table-image-en, table-image-ko]";
  @TempDir static Path tmp;
  static Path data;
  static StoresConfig scratch;
  static EmbeddedOpenSearch cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StoresConfig base = StoresConfig.fromEnvironment();
      int transport = Math.abs(a.getLocalPort() - b.getLocalPort()) < 3 ? a.getLocalPort() + 10 : b.getLocalPort();
      scratch = base.withPorts(a.getLocalPort(), transport, base.milvusPort(), base.milvusLitePort())
          .withOpenSearchNodes(3).withStartTimeout(Duration.ofSeconds(300));
    }
    cluster = new EmbeddedOpenSearch(scratch, m -> { });
    assertTrue(cluster.up().healthy(), "precondition: a three-node OpenSearch cluster on scratch ports");
    data = EndToEndFixture.buildDataset(tmp.resolve("fashion"), 3);
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (cluster != null) {
      cluster.down();
      cluster.deleteInstances();
    }
  }

  private static Path experiment(String name, int replicas) throws IOException {
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, String.join("\n",
        "schemaVersion: 1",
        "name: " + name,
        "dataset: {name: fashion, path: '" + data + "'}",
        "querySets: " + SETS,
        "stores: [{name: opensearch, uri: '" + String.join(",", cluster.urls()) + "', shards: 3, replicas: "
            + replicas + ", requestTimeoutSeconds: 30}]",
        "k: 20",
        "strategies: [{type: crossmodal, captioner: text-summary, queryCaptioner: tesseract}]",
        ""));
    return file;
  }

  /** SIGKILL of the third node (not the one the client lists first). */
  private static void killNode3() {
    try {
      long pid = Long.parseLong(Files.readString(scratch.openSearchNodeDir(2).resolve("opensearch.pid")).trim());
      ProcessHandle.of(pid).ifPresent(p -> {
        p.destroyForcibly();
        p.onExit().join();
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertSameRuns(Path expected, Path actual, Runner.Result r) throws IOException {
    for (CellId c : r.cells()) {
      assertEquals(Files.readString(expected.resolve("runs/" + c + ".trec")),
          Files.readString(actual.resolve("runs/" + c + ".trec")), c.toString());
      assertEquals(RunnerEndToEndTest.scores(expected, c), RunnerEndToEndTest.scores(actual, c), c.toString());
    }
  }

  @Test
  void aKilledDataNodeWithReplicasLeavesTheRunComplete() throws Exception {
    Path file = experiment("replicated", 1);
    Path reference = tmp.resolve("replicated-reference");
    RunnerEndToEndTest.run(file, reference, null);
    Path interrupted = tmp.resolve("replicated-interrupted");
    AtomicInteger cells = new AtomicInteger();
    Runner.Result r = RunnerEndToEndTest.run(file, interrupted, () -> {
      if (cells.incrementAndGet() == 2) {
        killNode3();
      }
    });
    assertEquals(4, r.cellsRun(), "every cell ran although a node died after the second");
    assertSameRuns(reference, interrupted, r);
    assertTrue(cluster.up().healthy(), "the killed node comes back");
  }

  @Test
  void aKilledDataNodeWithoutReplicasStopsTheRunAndTheResumeMatches() throws Exception {
    Path file = experiment("unreplicated", 0);
    Path reference = tmp.resolve("unreplicated-reference");
    RunnerEndToEndTest.run(file, reference, null);
    Path interrupted = tmp.resolve("unreplicated-interrupted");
    AtomicInteger cells = new AtomicInteger();
    InfrastructureException x = assertThrows(InfrastructureException.class,
        () -> RunnerEndToEndTest.run(file, interrupted, () -> {
          if (cells.incrementAndGet() == 2) {
            killNode3();
          }
        }));
    assertEquals(ExitCode.INFRASTRUCTURE, x.exitCode());
    assertTrue(x.getMessage().startsWith("store opensearch, collection lb_fashion_crossmodal_"),
        "names store and index: " + x.getMessage());
    try (Stream<Path> s = Files.list(interrupted.resolve("cells"))) {
      assertEquals(2, s.count(), "the two finished cells are kept");
    }
    assertTrue(cluster.up().healthy(), "the killed node comes back");
    Runner.Result r = RunnerEndToEndTest.run(file, interrupted, null);
    assertEquals(2, r.cellsRun());
    assertEquals(2, r.cellsSkipped());
    assertSameRuns(reference, interrupted, r);
  }
}
