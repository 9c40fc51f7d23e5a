package io.lensbench.rerank;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.testkit.PngBomb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate whose image is a decompression bomb is bad input naming the candidate and file. */
class GridRendererTest {
  @TempDir Path tmp;

  @Test
  void aDecompressionBombIsRefusedBeforeDecoding() throws Exception {
    Path bomb = PngBomb.write(tmp.resolve("bomb.png"), 30000, 30000);
    GridRenderer g = new GridRenderer(64, 0);
    BadInputException e = assertThrows(BadInputException.class,
        () -> g.render(List.of(new Candidate("item-7", bomb, "a bomb", 1.0))));
    assertTrue(e.getMessage().startsWith("candidate item-7: image has too many pixels"), e.getMessage());
    assertTrue(e.getMessage().contains(bomb.toString()), e.getMessage());
  }
}
