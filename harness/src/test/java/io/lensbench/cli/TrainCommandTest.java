package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void missingDatasetIsBadInput() {
    StringWriter err = new StringWriter();
    int code = run(err, "train", "joint", "--dataset", tmp.resolve("nope").toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("nope"), err.toString());
  }

  @Test
  void unknownVariantIsBadInputNamingTheVariants() {
    StringWriter err = new StringWriter();
    int code = run(err, "train", "joint", "--dataset", tmp.toString(), "--variant", "clip");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("'clip'") && err.toString().contains("effnet-ridge"),
        err.toString());
  }

  @Test
  void datasetOptionIsRequired() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "train", "joint"));
    assertTrue(err.toString().contains("--dataset"), err.toString());
  }
}
