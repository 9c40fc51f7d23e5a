package io.lensbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.core.BadInputException;
import io.lensbench.testkit.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected file: written in one layout, read back equal; malformed files are bad input naming file and key path. */
class ExpectedFileTest {
  @TempDir Path tmp;

  static Expected measured(Path run) {
    return Measurement.of(run, io.lensbench.eval.run.RunJson.readIfPresent(run.resolve("provenance.json")), "synthetic",
        Expected.DEFAULT_METRICS, Map.of("joint", Map.of("milvus", 60L, "opensearch", 60L)));
  }

  /** The synthetic run's measurement, written to {@code name}. */
  private Path written(Expected e, String name) {
    Path file = tmp.resolve(name);
    ExpectedFile.write(file, e, "experiments/synthetic.yaml");
    return file;
  }

  @Test
  void writtenFileReadsBackEqualAndRewritesToTheSameBytes() throws Exception {
    Expected e = measured(SyntheticRun.create(tmp.resolve("run"), 0));
    Path file = written(e, "synthetic.expected.yaml");
    Expected back = ExpectedFile.read(file);
    assertEquals(e, back);
    String text = Files.readString(file);
    ExpectedFile.write(file, back, "experiments/synthetic.yaml");
    assertEquals(text, Files.readString(file), "rewriting an equal file changes nothing");
    assertEquals(35, back.cells().size());
    assertTrue(text.contains("values: {recall_at_10: "), text);
  }

  @Test
  void toleranceComesFromTheCellThenTheFileThenTheFamilyDefault() throws Exception {
    Expected e = measured(SyntheticRun.create(tmp.resolve("run"), 0));
    String cell = e.cells().keySet().iterator().next();
    Path file = written(e, "t.expected.yaml");
    String text = Files.readString(file).replace("tolerance: {recall: 0.005,", "tolerance: {ndcg_at_10: 0.03, recall: 0.005,")
        .replace("  " + cell + ":\n    queries: 12\n", "  " + cell + ":\n    queries: 12\n    tolerance: {mrr: 0.2}\n");
    Files.writeString(file, text);
    Expected t = ExpectedFile.read(file);
    assertEquals(0.2, t.tolerance(cell, "mrr"), "cell override by family");
    assertEquals(0.03, t.tolerance(cell, "ndcg_at_10"), "file override by key");
    assertEquals(0.01, t.tolerance(cell, "success_at_1"), "file's family default");
    assertEquals(0.005, t.tolerance(cell, "unknown_metric"), "fallback");
  }

  @Test
  void malformedFilesAreBadInputNamingWhere() throws Exception {
    Expected e = measured(SyntheticRun.create(tmp.resolve("run"), 0));
    Path file = written(e, "m.expected.yaml");
    String good = Files.readString(file);
    String cell = e.cells().keySet().iterator().next();

    assertBad(file, good.replace("experiment: ", "experimnet: "), "the top level: unknown key 'experimnet'");
    assertBad(file, good.replaceFirst("ndcg_at_10: [0-9.]+}", "ndcg_at_10: \"NaN\"}"), "values.ndcg_at_10: expected a number in [0, 1], found 'NaN'");
    assertBad(file, good.replaceFirst("ndcg_at_10: [0-9.]+}", "ndcg_at_10: 1.5}"), "values.ndcg_at_10: expected a number in [0, 1], found '1.5'");
    assertBad(file, good.replaceFirst("ndcg_at_10: [0-9.]+}", "ndcg_at_10: .nan}"), "expected YAML, found malformed text");
    assertBad(file, good.replaceFirst("(values: \\{[^}]*)mrr: [0-9.]+, ", "$1"), "expected a value for every listed metric, found none for mrr");
    assertBad(file, good.replace("  " + cell + ":", "  not-a-cell:"), "cells.not-a-cell: expected a cell id");
    assertBad(file, good.replace("schemaVersion: 1", "schemaVersion: 2"), "schemaVersion: expected 1, found 2");
    assertBad(file, good + "  [unclosed\n", "expected YAML, found malformed text");
    Files.delete(file);
    BadInputException missing = assertThrows(BadInputException.class, () -> ExpectedFile.read(file));
    assertTrue(missing.getMessage().contains("--update"), missing.getMessage());
  }

  private static void assertBad(Path file, String text, String expected) throws Exception {
    Files.writeString(file, text);
    BadInputException e = assertThrows(BadInputException.class, () -> ExpectedFile.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
  }
}
