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

/** {@code lensbench datasets ...}: exit codes and messages at the CLI edge. */
class DatasetsCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path tinyDataset(String qrels) throws Exception {
    Path d = tmp.resolve("ds");
    Files.createDirectories(d.resolve("queries"));
    Files.createDirectories(d.resolve("qrels"));
    Files.writeString(d.resolve("dataset.json"), "{\"schemaVersion\":1,\"name\":\"tiny\"}");
    Files.writeString(d.resolve("corpus.jsonl"),
        "{\"id\":\"a\",\"texts\":{\"name_en\":\"red shirt\"},\"attributes\":{}}\n"
            + "{\"id\":\"b\",\"texts\":{\"name_en\":\"blue jeans\"},\"attributes\":{}}\n");
    Files.writeString(d.resolve("queries/t.jsonl"),
        "{\"id\":\"q1\",\"kind\":\"text\",\"language\":\"en\",\"text\":\"shirt\",\"attributes\":{\"granularity\":\"type\"},\"excludeIds\":[]}\n");
    Files.writeString(d.resolve("qrels/t.qrels"), qrels);
    return d;
  }

  @Test
  void validateAndDescribeAValidDataset() throws Exception {
    Path d = tinyDataset("q1 0 a 2\nq1 0 b 0\n");
    Run v = run("datasets", "validate", d.toString());
    assertEquals(0, v.code(), v.err());
    assertTrue(v.out().contains("valid: " + d.toAbsolutePath().normalize() + " (2 items, 1 query sets, 1 queries, 0 skipped)"), v.out());
    Run desc = run("datasets", "describe", d.toString());
    assertEquals(0, desc.code(), desc.err());
    assertTrue(desc.out().contains("text/en"), desc.out());
    assertTrue(desc.out().contains("1 / 1 / 1"), desc.out());
  }

  @Test
  void invalidDatasetExitsTwoListingProblems() throws Exception {
    Path d = tinyDataset("q1 0 a 2\nq1 0 zz 1\nq9 0 b 1\n");
    Run v = run("datasets", "validate", d.toString());
    assertEquals(2, v.code());
    assertTrue(v.err().contains("qrels/t.qrels line 2: qrels name unknown item 'zz'"), v.err());
    assertTrue(v.err().contains("qrels/t.qrels line 3: qrels name unknown query 'q9'"), v.err());
    Run s = run("datasets", "validate", d.toString(), "--skip-invalid");
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("skipped 2 invalid record(s)"), s.out());
  }

  @Test
  void notADatasetAndMissingSourceExitTwo() {
    Run v = run("datasets", "validate", tmp.toString());
    assertEquals(2, v.code());
    assertTrue(v.err().contains("not a dataset directory"), v.err());
    Run b = run("datasets", "build", "fashion", "--data", tmp.resolve("nowhere").toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(2, b.code());
    assertTrue(b.err().contains("data source 'fashion-kaggle-default' not found"), b.err());
    assertTrue(b.err().contains("(from --data)"), b.err());
    Run u = run("datasets", "build", "fashion", "--source", "fashion-kaggle-1m", "--out", tmp.resolve("o").toString());
    assertEquals(2, u.code());
    assertTrue(u.err().contains("unknown --source 'fashion-kaggle-1m'"), u.err());
  }
}
