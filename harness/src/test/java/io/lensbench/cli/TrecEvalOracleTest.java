package io.lensbench.cli;

import io.lensbench.testkit.TrecEvalOracle;
import io.lensbench.testkit.RandomTrecData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lensbench.cli.EvalCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every per-query and summary line of {@code lensbench eval} equals trec_eval 9.0.4's output,
 * byte for byte, on seeded random qrels and runs.
 */
class TrecEvalOracleTest {
  static final List<String> ALL_MEASURES = List.of(
      "-m", "P.1,5,10,20,100", "-m", "recall.1,5,10,20,100", "-m", "success.1,5,10,20,100",
      "-m", "ndcg_cut.1,5,10,20,100", "-m", "map_cut.1,5,10,20,100", "-m", "ndcg",
      "-m", "official");
  static TrecEvalOracle oracle;

  @TempDir Path dir;

  @BeforeAll
  static void extract() throws Exception {
    oracle = TrecEvalOracle.extract();
  }

  static String lensbench(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new EvalCommand(out, new PrintStream(err, true,
        StandardCharsets.UTF_8)));
    List<String> all = new ArrayList<>(List.of("--trec-eval-version", "9.0.4"));
    all.addAll(args);
    int code = cl.execute(all.toArray(String[]::new));
    assertEquals(0, code, () -> "lensbench eval failed: " + err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  void compare(long seed, List<String> flags) throws Exception {
    RandomTrecData data = new RandomTrecData(seed);
    Path q = dir.resolve("qrels-" + seed);
    Path r = dir.resolve("run-" + seed);
    data.write(q, r);
    List<String> args = new ArrayList<>(flags);
    args.add(q.toString());
    args.add(r.toString());
    TrecEvalOracle.Result expected = oracle.run(args);
    assertEquals(0, expected.exitCode(), () -> "trec_eval failed: " + expected.stderr());
    String actual = lensbench(args);
    if (!expected.stdout().equals(actual)) {
      // keep the inputs for inspection and name the first differing line
      Path keep = Path.of("target", "oracle-failures");
      java.nio.file.Files.createDirectories(keep);
      data.write(keep.resolve("qrels-" + seed), keep.resolve("run-" + seed));
      String[] e = expected.stdout().split("\n", -1);
      String[] a = actual.split("\n", -1);
      int i = 0;
      while (i < e.length && i < a.length && e[i].equals(a[i])) {
        i++;
      }
      org.junit.jupiter.api.Assertions.fail(String.format(java.util.Locale.ROOT,
          "seed %d flags %s: line %d differs%n  trec_eval: %s%n  lensbench: %s%n(inputs kept in %s)",
          seed, flags, i + 1, i < e.length ? e[i] : "<end>", i < a.length ? a[i] : "<end>",
          keep.toAbsolutePath()));
    }
  }

  @Test
  void everyMeasureEveryQueryWithCompleteFlag() throws Exception {
    List<String> flags = new ArrayList<>(List.of("-q", "-c"));
    flags.addAll(ALL_MEASURES);
    for (long seed = 1; seed <= 40; seed++) {
      compare(seed, flags);
    }
  }

  @Test
  void relevanceLevelsTwoAndZero() throws Exception {
    List<String> flags = new ArrayList<>(List.of("-q", "-c", "-l", "2"));
    flags.addAll(ALL_MEASURES);
    for (long seed = 100; seed <= 120; seed++) {
      compare(seed, flags);
    }
    List<String> zero = new ArrayList<>(List.of("-q", "-c", "-l", "0"));
    zero.addAll(ALL_MEASURES);
    for (long seed = 121; seed <= 125; seed++) {
      compare(seed, zero);
    }
  }

  @Test
  void withoutCompleteFlagOnlyQueriesInBoth() throws Exception {
    List<String> flags = new ArrayList<>(List.of("-q"));
    flags.addAll(ALL_MEASURES);
    for (long seed = 200; seed <= 215; seed++) {
      compare(seed, flags);
    }
  }

  @Test
  void defaultOutputAndMeasureSyntax() throws Exception {
    for (long seed = 300; seed <= 305; seed++) {
      compare(seed, List.of());
      compare(seed, List.of("-c", "-m", "recall.5,10", "-m", "recip_rank", "-m", "num_q",
          "-m", "P.10,5", "-m", "P.3"));
      compare(seed, List.of("-q", "-m", "iprec_at_recall.0.15,0.5,1", "-m", "runid",
          "-m", "success"));
      // which -m wins: the first with parameters; parameters replace a bare/nickname selection
      compare(seed, List.of("-m", "official", "-m", "P.3", "-m", "P.7"));
      compare(seed, List.of("-m", "recall", "-m", "recall.2", "-m", "P.4", "-m", "P"));
    }
  }

  @Test
  void generatedDataReallyContainsTheHardCases() throws Exception {
    StringBuilder all = new StringBuilder();
    for (long seed = 1; seed <= 40; seed++) {
      RandomTrecData d = new RandomTrecData(seed);
      all.append(String.join("\n", d.runLines)).append(String.join("\n", d.qrelsLines));
    }
    String s = all.toString();
    assertTrue(s.contains("\uD83D\uDE00"), "emoji doc ids");
    assertTrue(s.contains("문서"), "Hangul doc ids");
    assertTrue(s.contains("\uD840\uDC0B"), "CJK ext-B doc ids");
    assertTrue(s.contains(" -2 "), "negative scores");
  }
}
