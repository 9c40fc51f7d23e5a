package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The multi-threaded reading of large runs gives exactly what the sequential reading gives. */
class ParallelReadTest {
  @TempDir
  Path dir;

  @AfterEach
  void restore() {
    ParallelRunReader.minParallelSize = 32L << 20;
  }

  private static Harness.Outcome run(boolean parallel, String... args) {
    ParallelRunReader.minParallelSize = parallel ? 0 : Long.MAX_VALUE;
    return Harness.port(TrecEvalVersion.V10_0, args);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameAsSequential(long seed) throws Exception {
    RandomDataset.Files2 f = RandomDataset.write(seed, dir);
    for (String[] opts : new String[][] {{"-q", "-c", "-m", "all_trec"}, {"-q", "-m", "official"}}) {
      String[] a = new String[opts.length + 2];
      System.arraycopy(opts, 0, a, 0, opts.length);
      a[opts.length] = f.qrels.toString();
      a[opts.length + 1] = f.run.toString();
      Harness.Outcome seq = run(false, a);
      Harness.Outcome par = run(true, a);
      assertEquals(seq.exit, par.exit, "exit");
      assertEquals(seq.out(), par.out(), "stdout");
      assertEquals(seq.err(), par.err(), "stderr");
    }
  }

  @Test
  void blocksCrossingCutsAndErrors() throws Exception {
    Path q = dir.resolve("q");
    Files.write(q, "1 0 d3 1\n2 0 d7 1\n3 0 d1 2\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder one = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      one.append("1 Q0 d").append(i).append(' ').append(i).append(' ').append(1000 - i).append(" r\n");
    }
    String[] runs = {
      one.toString(), // one qid over every part
      one + "2 Q0 d7 1 1 r\n" + one.toString().replace("1 Q0 d", "1 Q0 e"), // qid 1 again: non-contiguous
      "3 Q0 d1 1 2 r\n" + one + "2 Q0 x 1 1\n", // malformed last line
      "# c\n\n" + one + "\n# c2\n3 Q0 d1 1 2 r2\n",
    };
    for (String r : runs) {
      Path p = dir.resolve("r");
      Files.write(p, r.getBytes(StandardCharsets.UTF_8));
      Harness.Outcome seq = run(false, "-q", "-m", "all_trec", q.toString(), p.toString());
      Harness.Outcome par = run(true, "-q", "-m", "all_trec", q.toString(), p.toString());
      assertEquals(seq.exit, par.exit, "exit");
      assertEquals(seq.out(), par.out(), "stdout");
      assertEquals(seq.err(), par.err(), "stderr");
    }
  }
}
