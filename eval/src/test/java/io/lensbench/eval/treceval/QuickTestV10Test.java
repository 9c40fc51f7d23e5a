package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** (a) The 15 quicktest commands in 10.0 mode, byte-identical to trec_eval 10.0's expected outputs. */
class QuickTestV10Test {
  static Stream<Integer> commands() {
    return IntStream.range(0, QuickTests.ALL.size()).boxed();
  }

  @ParameterizedTest(name = "quicktest #{0}")
  @MethodSource("commands")
  void matchesExpectedOutput(int i) throws Exception {
    Path dir = Harness.testsDir();
    QuickTests.Cmd c = QuickTests.ALL.get(i);
    Harness.Outcome got = Harness.port(TrecEvalVersion.V10_0, c.resolved(dir));
    assertEquals(0, got.exit, () -> c + "\n" + got);
    byte[] want = Files.readAllBytes(dir.resolve(c.expected));
    assertEquals(new String(want, StandardCharsets.ISO_8859_1), new String(got.out, StandardCharsets.ISO_8859_1),
      () -> c + " differs from " + c.expected);
    assertEquals(0, got.err.length, () -> "unexpected stderr: " + got.err());
  }
}
