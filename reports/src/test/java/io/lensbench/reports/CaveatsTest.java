package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lensbench.testkit.SyntheticRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caveat badges come from the data (query rows, dataset card), never from query-set names. */
class CaveatsTest {
  @TempDir Path tmp;

  @Test
  void badgesFollowTheRowsAndTheCard() throws Exception {
    Path run = SyntheticRun.create(tmp.resolve("run"), 0);
    // rows of the image set say they were derived; the name "image" says nothing
    Path image = run.resolve("queries").resolve("image.jsonl");
    Files.writeString(image, Files.readString(image).replace("\"attributes\":{", "\"attributes\":{\"derived\":\"machine-translated\","),
        StandardCharsets.UTF_8);
    Caveats c = new Caveats(RunData.load(run));
    assertEquals(List.of("derived", "synthetic"), c.of("image").stream().map(Caveats.Badge::label).toList());
    assertEquals(List.of("glossary-derived", "synthetic"), c.of("text-ko").stream().map(Caveats.Badge::label).toList(),
        "Korean rows of a card that says glossary-derived");
    assertEquals(List.of("synthetic"), c.of("text-en").stream().map(Caveats.Badge::label).toList());
  }
}
