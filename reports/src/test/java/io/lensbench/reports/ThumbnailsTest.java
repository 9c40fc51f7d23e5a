package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lensbench.testkit.PngBomb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decompression bomb in a run's records is shown as its id (no thumbnail), never decoded. */
class ThumbnailsTest {
  @TempDir Path tmp;

  @Test
  void aDecompressionBombGetsNoThumbnail() throws Exception {
    Path bomb = PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    Thumbnails t = new Thumbnails(0.8f);
    assertNull(t.get(bomb.toString(), 112));
    assertEquals(0, t.count());
  }
}
