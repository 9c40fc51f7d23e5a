package io.lensbench.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The measured searches of one search setting: a warm-up over the first queries, then {@code
 * rounds} passes over every query, one at a time, each timed. A budget (nanoseconds, warm-up
 * included; the warm-up gets a quarter of it) stops the loop after the query that crossed it; a
 * started pass is never followed by another once the budget stopped it.
 */
final class SearchLoop {
  private SearchLoop() {}

  /**
   * @param latenciesMs every measured search, in order
   * @param results the first pass's result lists, one per query it reached
   * @param planned the searches a full loop would have measured
   */
  record Measured(double[] latenciesMs, List<List<String>> results, int planned) {
    boolean truncated() {
      return latenciesMs.length < planned;
    }

    String describe(int budgetSeconds, int queries) {
      return String.format(Locale.ROOT, "search budget of %d s reached after %d of %d searches (%d of %d queries scored)",
          budgetSeconds, latenciesMs.length, planned, results.size(), queries);
    }
  }

  static Measured run(int queries, int rounds, int warmUp, long budgetNanos, LongSupplier clock,
      IntFunction<List<String>> search) {
    long start = clock.getAsLong();
    for (int i = 0; i < Math.min(warmUp, queries) && clock.getAsLong() - start < budgetNanos / 4; i++) {
      search.apply(i);
    }
    List<List<String>> results = new ArrayList<>(queries);
    double[] ms = new double[queries * rounds];
    int m = 0;
    for (int r = 0; r < rounds && m == r * queries; r++) {
      for (int i = 0; i < queries && clock.getAsLong() - start < budgetNanos; i++) {
        long t0 = clock.getAsLong();
        List<String> ids = search.apply(i);
        ms[m++] = (clock.getAsLong() - t0) / 1e6;
        if (r == 0) {
          results.add(ids);
        }
      }
    }
    return new Measured(Arrays.copyOf(ms, m), results, queries * rounds);
  }
}
