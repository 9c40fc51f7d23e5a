package io.lensbench.encoders.joint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.testkit.PngBomb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel loaders decode through core Images: a decompression bomb is bad input, not an OOM. */
class ImagePixelsTest {
  @TempDir Path tmp;

  @Test
  void aDecompressionBombIsBadInputNamingTheFile() throws Exception {
    Path bomb = PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    BadInputException e = assertThrows(BadInputException.class, () -> ImagePixels.load(bomb, 64));
    assertTrue(e.getMessage().contains("too many pixels") && e.getMessage().contains(bomb.toString()),
        e.getMessage());
  }
}
