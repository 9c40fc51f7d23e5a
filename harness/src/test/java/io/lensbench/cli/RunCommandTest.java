package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private Outcome run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    return new Outcome(code, err.toString());
  }

  @Test
  void unknownKeyExitsTwoWithTheReason() throws Exception {
    Path f = tmp.resolve("e.yaml");
    Files.writeString(f, "schemaVersion: 1\ndataset: {name: fashion}\nstratgies: []\n");
    Outcome o = run("run", f.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("line 3, column 1: unknown key 'stratgies' in the top level"), o.err());
  }

  @Test
  void unknownStrategyExitsTwoWithTheReason() throws Exception {
    Path f = tmp.resolve("e.yaml");
    Files.writeString(f, "schemaVersion: 1\ndataset: {name: fashion}\nstores: [{name: milvus}]\n"
        + "strategies: [{type: late-interaction}]\n");
    Outcome o = run("run", f.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("strategies[0].type: unknown strategy 'late-interaction'"), o.err());
  }

  @Test
  void missingDatasetExitsTwoBeforeTouchingAStore() throws Exception {
    Path f = tmp.resolve("e.yaml");
    Files.writeString(f, "schemaVersion: 1\ndataset: {name: fashion, path: '" + tmp.resolve("none")
        + "'}\nstores: [{name: milvus, uri: 'http://127.0.0.1:9'}]\nstrategies: [{type: joint}]\n");
    Outcome o = run("run", f.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("dataset 'fashion': expected a dataset directory at "), o.err());
  }

  @Test
  void missingFileExitsTwo() {
    Outcome o = run("run", tmp.resolve("nope.yaml").toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("nope.yaml: not found"), o.err());
  }
}
