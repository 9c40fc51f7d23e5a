package io.lensbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.eval.run.RunJson;
import io.lensbench.testkit.SyntheticRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lensbench regress} through picocli, its run step replaced by a synthetic run directory
 * (the real step, through {@code lensbench run} and the stores, is RegressEndToEndTest's): update
 * writes the file and shows changes, a check passes, a value moved beyond tolerance exits 1 naming
 * cell and metric, a missing or malformed file exits 2.
 */
class RegressCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private Result regress(Path run, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RegressCommand.RunStep step = (experiment, output, e) -> new RegressCommand.Outcome(run,
        RunJson.readIfPresent(run.resolve("provenance.json")), Map.of("joint", Map.of("milvus", 60L)));
    CommandLine cl = new CommandLine(new RegressCommand(step, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    StringWriter picocliErr = new StringWriter();
    cl.setErr(new PrintWriter(picocliErr, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      picocliErr.write("error: " + ex.getMessage());
      return ex instanceof io.lensbench.core.LensBenchException l ? l.exitCode().code() : 3;
    });
    int code = cl.execute(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + picocliErr);
  }

  @Test
  void updateThenCheckThenFailThenMissing() throws Exception {
    Path run = SyntheticRun.create(tmp.resolve("run"), 0);
    Path experiment = Files.writeString(tmp.resolve("synthetic.yaml"), "schemaVersion: 1\n");
    Path expected = tmp.resolve("synthetic.expected.yaml");

    Result missing = regress(run, experiment.toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains(expected + ": expected the expected-results file, found none"), missing.err());

    Result created = regress(run, experiment.toString(), "--update");
    assertEquals(0, created.code(), created.out() + created.err());
    assertTrue(created.out().contains("35 cells (new file)"), created.out());
    Result again = regress(run, experiment.toString(), "--update");
    assertTrue(again.out().contains("35 cells, 0 change(s)"), again.out());

    Result ok = regress(run, experiment.toString());
    assertEquals(0, ok.code(), ok.out());
    assertTrue(ok.out().contains("35 OK, 0 within tolerance, 0 FAIL, 0 MISSING"), ok.out());

    String cell = "fashion.text-ko.multivector-rrf.opensearch";
    String text = Files.readString(expected);
    int at = text.indexOf("  " + cell + ":");
    int mrr = text.indexOf("mrr: ", at);
    String value = text.substring(mrr + 5, mrr + 11);
    double moved = Double.parseDouble(value) > 0.5 ? Double.parseDouble(value) - 0.1 : Double.parseDouble(value) + 0.1;
    Files.writeString(expected, text.substring(0, mrr + 5) + String.format(java.util.Locale.ROOT, "%.4f", moved)
        + text.substring(mrr + 11));
    Result fail = regress(run, experiment.toString());
    assertEquals(1, fail.code(), fail.out());
    String line = fail.out().lines().filter(l -> l.startsWith("FAIL")).findFirst().orElseThrow();
    assertTrue(line.contains(cell) && line.contains("mrr " + value), line);

    Result diff = regress(run, experiment.toString(), "--update");
    assertTrue(diff.out().contains("1 change(s)") && diff.out().contains("~ " + cell + " mrr: "), diff.out());

    Files.writeString(expected, "schemaVersion: 1\ncells: [\n");
    Result malformed = regress(run, experiment.toString());
    assertEquals(2, malformed.code(), malformed.err());
    assertTrue(malformed.err().contains("expected YAML, found malformed text"), malformed.err());
  }
}
