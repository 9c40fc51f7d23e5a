package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
* (b) The same 15 commands in 9.0.4 mode against the trec_eval 9.0.4 binary. Where 9.0.4 rejects the
* input ('#' comment lines, commands 2, 10 and 13) that rejection is asserted and must be reproduced too.
*/
class QuickTestV904Test {
  /** Commands whose inputs 9.0.4 refuses (comment lines in the rel_info file). */
  private static final Set<Integer> REJECTED_BY_904 = Set.of(1, 9, 12);

  static Stream<Integer> commands() {
    return IntStream.range(0, QuickTests.ALL.size()).boxed();
  }

  @ParameterizedTest(name = "quicktest #{0}")
  @MethodSource("commands")
  void matchesBinary(int i) {
    Path dir = Harness.testsDir();
    QuickTests.Cmd c = QuickTests.ALL.get(i);
    String[] args = c.resolved(dir);
    Harness.Outcome bin = Harness.binary(dir, args);
    Harness.Outcome got = Harness.port(TrecEvalVersion.V9_0_4, args);
    if (REJECTED_BY_904.contains(i)) {
      assertEquals(2, bin.exit, () -> "9.0.4 was expected to reject " + c + "\n" + bin);
      assertTrue(bin.err().contains("Malformed line"), bin::toString);
    } else {
      assertEquals(0, bin.exit, () -> "9.0.4 failed on " + c + "\n" + bin);
    }
    assertEquals(bin.exit, got.exit, () -> c + "\nport: " + got + "\nbinary: " + bin);
    assertEquals(new String(bin.out, StandardCharsets.ISO_8859_1), new String(got.out, StandardCharsets.ISO_8859_1),
      () -> c + ": stdout differs");
    assertEquals(bin.err(), got.err(), () -> c + ": stderr differs");
  }
}
