package io.lensbench.benchmarks.eval;

import io.lensbench.datasets.Qrels;
import io.lensbench.eval.trec.TrecRun;
import io.lensbench.eval.metrics.EvalOptions;
import io.lensbench.eval.metrics.Evaluator;
import io.lensbench.eval.metrics.RunEvaluation;
import io.lensbench.eval.stats.Bootstrap;
import io.lensbench.eval.stats.BootstrapOptions;
import io.lensbench.eval.stats.Paired;
import io.lensbench.eval.stats.PairedOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory cost of scoring (parsing excluded: see benchmarks/scripts/eval-vs-treceval.sh for
 * the end-to-end comparison with trec_eval) and of the statistics on per-query values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EvalBenchmark {
  @Param({"1000"})
  int queries;

  @Param({"1000"})
  int docs;

  Qrels qrels;
  TrecRun run;
  Evaluator evaluator;
  double[] a;
  double[] b;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
    Map<String, TrecRun.Retrieved> rankings = new LinkedHashMap<>();
    for (int i = 0; i < queries; i++) {
      String qid = "q" + i;
      Map<String, Integer> j = new LinkedHashMap<>();
      TrecRun.Retrieved.Builder rb = new TrecRun.Retrieved.Builder();
      for (int d = 0; d < docs; d++) {
        String doc = "doc" + r.nextInt(200_000);
        rb.add(doc, (float) Math.round(r.nextDouble() * 1e6) / 1e4f);
        if (d % 50 == 0) {
          j.put(doc, r.nextInt(4));
        }
      }
      q.put(qid, j);
      rankings.put(qid, rb.build());
    }
    qrels = new Qrels(q);
    run = new TrecRun("bench", rankings);
    evaluator = new Evaluator(EvalOptions.defaults()
        .withDuplicates(io.lensbench.eval.metrics.DuplicatePolicy.KEEP_FIRST));
    a = new double[queries];
    b = new double[queries];
    for (int i = 0; i < queries; i++) {
      a[i] = r.nextDouble();
      b[i] = Math.min(1, a[i] + r.nextDouble() * 0.1);
    }
  }

  @Benchmark
  public RunEvaluation evaluate() {
    return evaluator.evaluate(qrels, run, "bench");
  }

  @Benchmark
  public Object bootstrap1000() {
    return Bootstrap.meanInterval(a, new BootstrapOptions(1000, 42, 0.95));
  }

  @Benchmark
  public Object pairedRandomization10k() {
    return Paired.compare(a, b, PairedOptions.defaults());
  }
}
