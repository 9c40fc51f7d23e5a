package io.lensbench.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.Hashing;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file format on its own: damaged files, older formats, foreign files, scale. */
class CacheFileTest {
  private static final int FRAME = FrameFormat.frameSize(32 + 4 + 4 * CacheRecords.DIM);

  @TempDir Path root;

  private Path writeRecords(int n) {
    try (EmbeddingCache c = CacheRecords.open(root)) {
      for (int i = 0; i < n; i++) {
        c.putAll(CacheRecords.batch(i, 1));
      }
      return c.file();
    }
  }

  private static long headerLength() {
    return FrameFormat.header("lensbench embeddings; kind=" + CacheRecords.KIND + "; model="
        + CacheRecords.MODEL).length;
  }

  private static void flipByte(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x40);
    }
  }

  @Test
  void aCorruptFrameCutsTheFileThereAndCountsWhatWasDropped() throws Exception {
    Path file = writeRecords(10);
    flipByte(file, headerLength() + 5L * FRAME + 100); // inside record 5's vector
    try (EmbeddingCache c = CacheRecords.open(root)) {
      Recovery r = c.repairs();
      assertEquals(new Recovery(5, 5L * FRAME, 5, Recovery.CORRUPT), r);
      assertTrue(r.describe(file).contains("dropped a corrupt tail of " + 5 * FRAME
          + " bytes (5 records) after 5 valid records"), r.describe(file));
      assertEquals(CacheRecords.present(c, 10), java.util.List.of(0, 1, 2, 3, 4));
      assertEquals(headerLength() + 5L * FRAME, Files.size(file));
    }
  }

  @Test
  void aRecordDamagedAfterOpeningIsAMissNeverGarbage() throws Exception {
    try (EmbeddingCache c = CacheRecords.open(root)) {
      c.putAll(CacheRecords.batch(0, 4));
      flipByte(c.file(), headerLength() + 2L * FRAME + 60);
      assertNull(c.get(CacheRecords.key(2)));
      assertArrayEquals(CacheRecords.vector(3), c.get(CacheRecords.key(3)));
    }
  }

  @Test
  void olderFormatFilesAreIgnoredAndNeverRead() throws Exception {
    Path dir = EmbeddingCache.modelDir(root, CacheRecords.MODEL);
    Files.createDirectories(dir);
    ByteBuffer old = ByteBuffer.allocate(32 + 4 + 8);
    old.put(HexFormat.of().parseHex(CacheRecords.key(0))).putInt(2).putFloat(1f).putFloat(2f);
    Files.write(dir.resolve(CacheRecords.KIND + ".bin"), old.array());
    Path captions = Files.createDirectories(root.resolve("captions")).resolve("captions.jsonl");
    byte[] torn = "{\"key\":\"k\",\"caption\":\"가".getBytes(StandardCharsets.UTF_8);
    Files.write(captions, java.util.Arrays.copyOf(torn, torn.length - 1));
    try (EmbeddingCache e = CacheRecords.open(root); CaptionCache c = CaptionCache.open(root)) {
      assertEquals(0, e.size());
      assertNull(e.get(CacheRecords.key(0)));
      assertEquals(0, c.size());
      c.put(CacheRecords.key(1), "a caption");
    }
    assertEquals(44, Files.size(dir.resolve(CacheRecords.KIND + ".bin")), "left untouched");
    try (CaptionCache c = CaptionCache.open(root)) {
      assertEquals("a caption", c.get(CacheRecords.key(1)));
    }
  }

  @Test
  void aForeignFileAtTheCachePathIsMovedAsideNotRead() throws Exception {
    Path file = writeRecords(1);
    Files.write(file, "not a cache at all, but long enough to hold a header".getBytes(
        StandardCharsets.UTF_8));
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertEquals(0, c.size());
      c.putAll(CacheRecords.batch(0, 2));
    }
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(1, s.filter(p -> p.getFileName().toString().contains(".unreadable-"))
          .count());
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertEquals(2, c.size());
    }
  }

  @Test
  void aHeaderTornWhileTheFileWasCreatedIsWrittenAgain() throws Exception {
    Path file = writeRecords(1);
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(5);
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertEquals(0, c.size());
      c.putAll(CacheRecords.batch(0, 1));
    }
    assertEquals(headerLength() + FRAME, Files.size(file));
  }

  @Test
  void aCaptionCutInsideAMultiByteCharacterIsDropped() throws Exception {
    Map<String, String> captions = new LinkedHashMap<>();
    for (String text : new String[] {"빨간 원피스", "blue jeans", "검은 가방입니다"}) {
      captions.put(CacheKey.of(Hashing.sha256Hex(text), "ocr", "", ""), text);
    }
    Path file;
    try (CaptionCache c = CaptionCache.open(root)) {
      captions.forEach(c::put);
      file = c.file();
    }
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 2); // the last character, 다, is 3 bytes
    }
    String[] keys = captions.keySet().toArray(String[]::new);
    try (CaptionCache c = CaptionCache.open(root)) {
      assertEquals(Recovery.TORN, c.repairs().cause());
      assertEquals("빨간 원피스", c.get(keys[0]));
      assertEquals("blue jeans", c.get(keys[1]));
      assertNull(c.get(keys[2]));
      c.put(keys[2], "검은 가방입니다");
    }
    try (CaptionCache c = CaptionCache.open(root)) {
      assertTrue(c.repairs().clean());
      assertEquals("검은 가방입니다", c.get(keys[2]));
    }
  }

  @Test
  void aChecksummedFrameThatIsNotUtf8IsRefused() throws Exception {
    Path file;
    try (CaptionCache c = CaptionCache.open(root)) {
      c.put(CacheRecords.key(0), "fine");
      file = c.file();
    }
    byte[] payload = new byte[34];
    System.arraycopy(HexFormat.of().parseHex(CacheRecords.key(1)), 0, payload, 0, 32);
    payload[32] = (byte) 0xEA; // a lead byte followed by an ASCII byte
    payload[33] = 'x';
    ByteBuffer frame = ByteBuffer.allocate(FrameFormat.frameSize(payload.length));
    FrameFormat.putFrame(frame, payload);
    Files.write(file, frame.array(), StandardOpenOption.APPEND);
    try (CaptionCache c = CaptionCache.open(root)) {
      assertEquals(new Recovery(1, frame.capacity(), 1, Recovery.CORRUPT), c.repairs());
      assertNull(c.get(CacheRecords.key(1)));
      assertEquals("fine", c.get(CacheRecords.key(0)));
    }
  }

  @Test
  void manyVectorsAreServedFromTheFileThroughTheIndex() {
    int n = 20_000;
    try (EmbeddingCache c = CacheRecords.open(root)) {
      for (int i = 0; i < n; i += 1000) {
        c.putAll(CacheRecords.batch(i, 1000));
      }
    }
    try (EmbeddingCache c = CacheRecords.open(root)) {
      assertEquals(n, c.size());
      for (int i = 0; i < n; i += 7) {
        assertArrayEquals(CacheRecords.vector(i), c.get(CacheRecords.key(i)), "record " + i);
      }
      assertNull(c.get(CacheRecords.key(n)));
    }
  }

  @Test
  void theIndexKeepsRecordsWhosePrefixesCollide() {
    KeyIndex index = new KeyIndex();
    for (int i = 1; i <= 100; i++) {
      index.add(i % 3, 1000L * i, i);
    }
    java.util.List<Long> offsets = new java.util.ArrayList<>();
    index.find(2, frame -> !offsets.add(KeyIndex.offset(frame)));
    assertEquals(33, offsets.size());
    assertTrue(offsets.contains(2000L) && offsets.contains(98_000L), offsets.toString());
    assertTrue(index.find(1, frame -> KeyIndex.length(frame) == 100));
  }
}
