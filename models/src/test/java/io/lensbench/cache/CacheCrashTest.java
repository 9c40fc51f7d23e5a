package io.lensbench.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding cache against real crashes and real contention: writers are child JVMs killed
 * with SIGKILL, two writers append at once, and a writer runs out of disk space.
 */
class CacheCrashTest {
  @TempDir Path dir;

  /** Vector i exactly as a clean cache returns it (written and read back in this JVM). */
  private float[] clean(int i) {
    Path root = dir.resolve("clean-" + i);
    try (EmbeddingCache c = CacheRecords.open(root)) {
      c.putAll(CacheRecords.batch(i, 1));
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      return c.get(CacheRecords.key(i));
    }
  }

  private void assertBitIdentical(EmbeddingCache c, List<Integer> indices) {
    for (int i : indices) {
      float[] v = c.get(CacheRecords.key(i));
      float[] expected = i % 97 == 0 ? clean(i) : CacheRecords.vector(i);
      assertEquals(expected.length, v.length, "dimension of record " + i);
      for (int d = 0; d < v.length; d++) {
        assertEquals(Float.floatToRawIntBits(expected[d]), Float.floatToRawIntBits(v[d]),
            "record " + i + " component " + d);
      }
    }
  }

  @Test
  void killedMidFrameLeavesATornTailThatIsDroppedAndEveryEarlierVectorIntact() throws Exception {
    Path root = dir.resolve("cache");
    try (ChildJvm w = ChildJvm.start(dir, "", "pause", root.toString(), "0", "200", "20")) {
      w.await("paused", 120); // half a batch is on disk and the child holds the lock
      CompletableFuture<EmbeddingCache> waiting =
          CompletableFuture.supplyAsync(() -> CacheRecords.open(root));
      Thread.sleep(500);
      assertFalse(waiting.isDone(), "a second opener must wait for the writer's lock");
      w.kill();
      try (EmbeddingCache c = waiting.get(60, TimeUnit.SECONDS)) {
        Recovery r = c.repairs();
        assertEquals(Recovery.TORN, r.cause(), r.toString());
        assertTrue(r.droppedBytes() > 0 && r.droppedRecords() >= 1, r.toString());
        assertEquals(200, r.records(), r.toString());
        assertEquals(200, c.size());
        assertEquals(CacheRecords.present(c, 210), range(0, 200), "the torn record is gone");
        assertBitIdentical(c, range(0, 200));
        c.putAll(CacheRecords.batch(200, 50));
      }
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertTrue(c.repairs().clean(), c.repairs().toString());
      assertEquals(250, c.size());
      assertBitIdentical(c, range(0, 250));
    }
  }

  @Test
  void killedAtARandomMomentKeepsEveryAcknowledgedBatch() throws Exception {
    Path root = dir.resolve("cache");
    int acknowledged;
    try (ChildJvm w = ChildJvm.start(dir, "", "append", root.toString(), "0", "100000", "40")) {
      acknowledged = Integer.parseInt(w.await("appended 400", 120).substring(9));
      w.kill();
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      int n = c.size();
      assertTrue(n >= acknowledged, n + " records, " + acknowledged + " acknowledged");
      assertEquals(CacheRecords.present(c, n + 100), range(0, n), "records are a prefix");
      assertBitIdentical(c, range(0, n));
      c.putAll(CacheRecords.batch(n, 10));
      assertBitIdentical(c, range(0, n + 10));
    }
  }

  @Test
  void twoProcessesAppendingAtOnceNeverInterleave() throws Exception {
    Path root = dir.resolve("cache");
    try (ChildJvm a = ChildJvm.start(dir, "", "append", root.toString(), "0", "600", "25");
        ChildJvm b = ChildJvm.start(dir, "", "append", root.toString(), "300", "600", "25")) {
      assertEquals(0, a.exitCode(300), a.stderr());
      assertEquals(0, b.exitCode(300), b.stderr());
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertTrue(c.repairs().clean(), c.repairs().toString());
      assertEquals(900, c.size());
      assertBitIdentical(c, range(0, 900));
      long frame = FrameFormat.frameSize(32 + 4 + 4 * CacheRecords.DIM);
      long header = FrameFormat.header("lensbench embeddings; kind=" + CacheRecords.KIND
          + "; model=" + CacheRecords.MODEL).length;
      assertEquals(header + 900 * frame, Files.size(c.file()),
          "each key appended once, frames back to back");
    }
  }

  /** ENOSPC from a 64 KiB tmpfs (needs root to mount one). */
  @Test
  void fullTmpfsFailsWithExitThreeNamingTheFileAndLeavesNoPartialRecord() throws Exception {
    Path small = Files.createDirectories(dir.resolve("small"));
    assumeTrue(mount(small), "precondition: mounting a tmpfs (root) — the file-size limit test "
        + "below covers the same path without it");
    try {
      assertFullDiskHandled(small.resolve("cache"), "");
    } finally {
      run("umount", small.toString());
    }
  }

  /** EFBIG from a 64 KiB file-size limit (ulimit -f) on the writer process. */
  @Test
  void fileSizeLimitFailsWithExitThreeNamingTheFileAndLeavesNoPartialRecord() throws Exception {
    assertFullDiskHandled(dir.resolve("cache"), "ulimit -f 64");
  }

  private void assertFullDiskHandled(Path root, String shellPrefix) throws Exception {
    try (ChildJvm w = ChildJvm.start(dir, shellPrefix, "append", root.toString(), "0", "1000",
        "7")) {
      assertEquals(3, w.exitCode(120), w.stderr());
      String err = w.stderr();
      assertTrue(err.contains(root.resolve("embeddings").toString()) && err.contains(".lbc")
          && err.contains("expected to append"), err);
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertTrue(c.repairs().clean(), "the failed append was cut back: " + c.repairs());
      int n = c.size();
      assertTrue(n > 0 && n < 1000, n + " records");
      assertEquals(CacheRecords.present(c, 1000), range(0, n));
      assertBitIdentical(c, range(0, n));
    }
  }

  private static boolean mount(Path at) throws Exception {
    return run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", at.toString()) == 0;
  }

  private static int run(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (java.io.IOException e) {
      return -1; // no mount binary
    }
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }
}
